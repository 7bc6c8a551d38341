package jp.keieikaizen.lender;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jp.keieikaizen.casefile.CaseFile;
import jp.keieikaizen.casefile.CaseFileService;
import jp.keieikaizen.casefile.Step;
import jp.keieikaizen.casefile.TaskFormHandler;
import jp.keieikaizen.common.FormValues;

/**
 * Tasks of one lender agreement (the call activity lenderAgreement, process context lenderId and responseKind):
 * recordLenderResponse (agency) and followUpLenderResponse (coordinator, when the answer is overdue).
 */
@Configuration(proxyBeanMethods = false)
class LenderHandlers {

  static final String LENDER_ID = "lenderId";
  /** RECEIPT (early plan: 受取書) or CONSENT (405: 同意 or 不同意). */
  static final String RESPONSE_KIND = "responseKind";
  static final String PLAN_SUBMITTED_ON = "planSubmittedOn";
  static final String LENDER_RESPONSE = "lenderResponse";
  static final String RESPONDED_ON = "respondedOn";
  static final String RESPONSE_NOTE = "responseNote";
  static final String FOLLOW_UP_NOTE = "followUpNote";

  @Bean
  TaskFormHandler recordLenderResponseHandler(CaseFileService cases, LenderService lenders) {
    List<String> fields = List.of(PLAN_SUBMITTED_ON, LENDER_RESPONSE, RESPONDED_ON, RESPONSE_NOTE);
    return TaskFormHandler.of(Step.RECORD_LENDER_RESPONSE, fields, input -> {
      FormValues form = input.form();
      LocalDate submitted = form.requiredDate(PLAN_SUBMITTED_ON);
      LenderResponse response = form.requiredEnum(LENDER_RESPONSE, LenderResponse.class);
      LocalDate responded = form.requiredDate(RESPONDED_ON);
      String note = form.optionalText(RESPONSE_NOTE, 1000);
      boolean consentCase = "CONSENT".equals(input.contextString(RESPONSE_KIND));
      if (response != null && consentCase == (response == LenderResponse.RECEIPT)) {
        form.problem(LENDER_RESPONSE, consentCase ? "同意または不同意を選んでください" : "早期経営改善計画では受取書を記録してください");
      }
      if (response == LenderResponse.REFUSAL && note == null) {
        form.problem(RESPONSE_NOTE, "不同意の理由を入力してください");
      }
      CaseFile file = cases.get(input.caseNumber());
      if (submitted != null && (submitted.isBefore(file.planDate()) || submitted.isAfter(cases.today()))) {
        form.problem(PLAN_SUBMITTED_ON, "計画提出日は計画策定日（" + file.planDate() + "）から今日までの日付にしてください");
      }
      if (submitted != null && responded != null && (responded.isBefore(submitted) || responded.isAfter(cases.today()))) {
        form.problem(RESPONDED_ON, "回答日は計画提出日から今日までの日付にしてください");
      }
      form.validate();
      long lenderId = Long.parseLong(input.contextString(LENDER_ID));
      CaseLender lender = lenders.recordResponse(file.number(), lenderId, submitted, response, responded, note);
      cases.recordEvent(file.number(), "LENDER_" + response, input.userId(), lender.name() + (note == null ? "" : "：" + note));
      return Map.of(LENDER_RESPONSE, response.name());
    });
  }

  @Bean
  TaskFormHandler followUpLenderResponseHandler(CaseFileService cases, LenderService lenders) {
    return TaskFormHandler.of(Step.FOLLOW_UP_LENDER_RESPONSE, List.of(FOLLOW_UP_NOTE), input -> {
      String note = input.form().requiredText(FOLLOW_UP_NOTE, 1000);
      input.form().validate();
      String lender = lenders.lender(input.caseNumber(), Long.parseLong(input.contextString(LENDER_ID))).name();
      cases.recordEvent(input.caseNumber(), "LENDER_OVERDUE_FOLLOW_UP", input.userId(), lender + "：" + note);
      return Map.of();
    });
  }
}
