package jp.keieikaizen.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jp.keieikaizen.common.FormValues;

/**
 * 405 tasks on the case itself: conductDueDiligence (GL枠), draftPlan405 and revisePlan (agency),
 * reviewApplicationValidity (coordinator), and negotiateGuaranteeRelease (agency, both programmes).
 */
@Configuration(proxyBeanMethods = false)
class Plan405Handlers {

  static final List<String> PLAN_405_CONTENTS = List.of("hasCompanyOverview", "hasBusinessModelOverview", "hasCashPlan",
      "hasFinancialStatements", "hasActionPlan", "hasFinancialSupport");
  static final String VALIDITY_DECISION = "validityDecision";
  static final String NEW_VALID_UNTIL = CaseWorkflow.NEW_VALID_UNTIL;
  static final String VALIDITY_REASON = "validityReason";
  static final String APPLICATION_VALID_UNTIL = "applicationValidUntil";

  enum ValidityDecision { EXTEND, LAPSE }

  enum GuaranteeOutcome { RELEASED, PARTIAL, NOT_RELEASED }

  @Bean
  TaskFormHandler conductDueDiligenceHandler(CaseFileService cases) {
    List<String> fields = List.of("ddCompletedOn", "thirdPartyExpert", "hasFinancialDd", "hasBusinessDd", "ddSummary");
    return TaskFormHandler.of(Step.CONDUCT_DUE_DILIGENCE, fields, input -> {
      FormValues form = input.form();
      LocalDate on = form.requiredPastDate("ddCompletedOn", cases.today());
      String expert = form.requiredText("thirdPartyExpert", 200);
      form.requiredTrue("hasFinancialDd", "財務DDは必須です");
      form.requiredTrue("hasBusinessDd", "事業DDは必須です");
      String summary = form.optionalText("ddSummary", 2000);
      form.validate();
      cases.get(input.caseNumber()).recordDueDiligence(on, expert);
      cases.recordEvent(input.caseNumber(), "DUE_DILIGENCE", input.userId(), summary);
      return Map.of();
    });
  }

  @Bean
  TaskFormHandler draftPlan405Handler(CaseFileService cases) {
    List<String> fields = Stream.concat(Stream.of("planDate", "planPeriodYears", "planSummary"), PLAN_405_CONTENTS.stream()).toList();
    return TaskFormHandler.of(Step.DRAFT_PLAN_405, fields, input -> {
      FormValues form = input.form();
      LocalDate planDate = planDate(form, cases, input.caseNumber());
      Integer years = form.requiredInt("planPeriodYears", 1, 10);
      PLAN_405_CONTENTS.forEach(f -> form.requiredTrue(f, "経営改善計画に必要な記載項目です"));
      String summary = form.optionalText("planSummary", 2000);
      form.validate();
      cases.get(input.caseNumber()).recordPlan(planDate, years);
      cases.recordEvent(input.caseNumber(), "PLAN_DRAFTED", input.userId(), summary);
      return Map.of();
    });
  }

  @Bean
  TaskFormHandler revisePlanHandler(CaseFileService cases) {
    return TaskFormHandler.of(Step.REVISE_PLAN, List.of("planDate", "revisionNote"), input -> {
      FormValues form = input.form();
      LocalDate planDate = planDate(form, cases, input.caseNumber());
      String note = form.requiredText("revisionNote", 2000);
      form.validate();
      CaseFile file = cases.get(input.caseNumber());
      file.reviseAfterRefusal();
      file.recordPlan(planDate, file.planPeriodYears());
      cases.recordEvent(file.number(), "PLAN_REVISED", input.userId(), "第" + file.planRevision() + "版：" + note);
      return Map.of();
    });
  }

  @Bean
  TaskFormHandler reviewApplicationValidityHandler(CaseFileService cases) {
    return TaskFormHandler.of(Step.REVIEW_APPLICATION_VALIDITY, List.of(VALIDITY_DECISION, NEW_VALID_UNTIL, VALIDITY_REASON), input -> {
      FormValues form = input.form();
      ValidityDecision decision = form.requiredEnum(VALIDITY_DECISION, ValidityDecision.class);
      String reason = form.requiredText(VALIDITY_REASON, 1000);
      LocalDate until = decision == ValidityDecision.EXTEND ? form.requiredDate(NEW_VALID_UNTIL) : null;
      CaseFile file = cases.get(input.caseNumber());
      if (until != null) {
        file.validityExtensionRefusal(until, cases.today()).ifPresent(rule -> form.problem(NEW_VALID_UNTIL, rule));
      }
      form.validate();
      cases.recordEvent(file.number(), "VALIDITY_" + decision, input.userId(), (until == null ? "" : until + "まで：") + reason);
      if (decision == ValidityDecision.LAPSE) {
        return Map.of(VALIDITY_DECISION, decision.name());
      }
      file.extendValidity(until);
      Instant dayAfter = until.plusDays(1).atStartOfDay(ZoneId.of("Asia/Tokyo")).toInstant();
      return Map.of(VALIDITY_DECISION, decision.name(), APPLICATION_VALID_UNTIL, dayAfter);
    });
  }

  @Bean
  TaskFormHandler negotiateGuaranteeReleaseHandler(CaseFileService cases) {
    return TaskFormHandler.of(Step.NEGOTIATE_GUARANTEE_RELEASE, List.of("guaranteeOutcome", "negotiatedOn", "negotiationNote"), input -> {
      FormValues form = input.form();
      GuaranteeOutcome outcome = form.requiredEnum("guaranteeOutcome", GuaranteeOutcome.class);
      form.requiredPastDate("negotiatedOn", cases.today());
      String note = form.requiredText("negotiationNote", 2000);
      form.validate();
      cases.get(input.caseNumber()).recordGuaranteeOutcome(outcome.name());
      cases.recordEvent(input.caseNumber(), "GUARANTEE_" + outcome, input.userId(), note);
      return Map.of();
    });
  }

  private static LocalDate planDate(FormValues form, CaseFileService cases, CaseNumber number) {
    LocalDate planDate = form.requiredDate("planDate");
    CaseFile file = cases.get(number);
    if (planDate != null && (planDate.isBefore(file.decisionDate()) || planDate.isAfter(cases.today()))) {
      return form.problem("planDate", "計画策定日は利用申請決定日（" + file.decisionDate() + "）から今日までの日付にしてください");
    }
    return planDate;
  }
}
