package jp.keieikaizen.lender;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jp.keieikaizen.casefile.CaseFile;
import jp.keieikaizen.casefile.CaseFileService;
import jp.keieikaizen.casefile.TaskFormHandler;
import jp.keieikaizen.common.FormValues;

/** Task recordLenderReceipt (agency): the plan went to the main lender, which gave a receipt (受取書). */
@Configuration(proxyBeanMethods = false)
class LenderHandlers {

  static final String PLAN_SUBMITTED_ON = "planSubmittedOn";
  static final String RECEIPT_RECEIVED_ON = "receiptReceivedOn";
  static final String RECEIPT_NOTE = "receiptNote";

  @Bean
  TaskFormHandler recordLenderReceiptHandler(CaseFileService cases, LenderService lenders) {
    return TaskFormHandler.of("recordLenderReceipt", List.of(PLAN_SUBMITTED_ON, RECEIPT_RECEIVED_ON, RECEIPT_NOTE), input -> {
      FormValues form = input.form();
      LocalDate submitted = form.requiredDate(PLAN_SUBMITTED_ON);
      LocalDate received = form.requiredDate(RECEIPT_RECEIVED_ON);
      String note = form.optionalText(RECEIPT_NOTE, 1000);
      CaseFile file = cases.get(input.caseNumber());
      if (submitted != null && (submitted.isBefore(file.planDate()) || submitted.isAfter(cases.today()))) {
        form.problem(PLAN_SUBMITTED_ON, "計画提出日は計画策定日（" + file.planDate() + "）から今日までの日付にしてください");
      }
      if (submitted != null && received != null && (received.isBefore(submitted) || received.isAfter(cases.today()))) {
        form.problem(RECEIPT_RECEIVED_ON, "受取書の受領日は計画提出日から今日までの日付にしてください");
      }
      form.validate();
      lenders.recordReceipt(file.number(), submitted, received, note);
      cases.recordEvent(file.number(), "LENDER_RECEIPT", input.userId(), lenders.mainLender(file.number()).name());
      return Map.of();
    });
  }
}
