package jp.keieikaizen.casefile;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jp.keieikaizen.common.FormValues;

/** Tasks draftPlan (agency) and advisePlan (council supervisor 統括責任者/補佐). */
@Configuration(proxyBeanMethods = false)
class PlanHandlers {

  static final String PLAN_DATE = "planDate";
  static final String PLAN_PERIOD_YEARS = "planPeriodYears";
  static final List<String> EARLY_PLAN_CONTENTS = List.of("hasBusinessModelOverview", "hasCashPlan", "hasPlannedPnl",
      "hasActionPlan");
  static final String PLAN_SUMMARY = "planSummary";
  static final String ADVICE_OUTCOME = "adviceOutcome";
  static final String ADVICE = "advice";

  enum AdviceOutcome { APPROVE, SEND_BACK }

  @Bean
  TaskFormHandler draftPlanHandler(CaseFileService cases) {
    return TaskFormHandler.of(Step.DRAFT_PLAN, fields(), input -> {
      FormValues form = input.form();
      LocalDate planDate = form.requiredDate(PLAN_DATE);
      Integer years = form.requiredInt(PLAN_PERIOD_YEARS, 1, 5);
      EARLY_PLAN_CONTENTS.forEach(f -> form.requiredTrue(f, "早期経営改善計画に必要な記載項目です"));
      String summary = form.optionalText(PLAN_SUMMARY, 2000);
      CaseFile file = cases.get(input.caseNumber());
      if (planDate != null && (planDate.isBefore(file.decisionDate()) || planDate.isAfter(cases.today()))) {
        form.problem(PLAN_DATE, "計画策定日は利用申請決定日（" + file.decisionDate() + "）から今日までの日付にしてください");
      }
      form.validate();
      file.recordPlan(planDate, years);
      cases.recordEvent(file.number(), "PLAN_DRAFTED", input.userId(), summary);
      return Map.of();
    });
  }

  @Bean
  TaskFormHandler advisePlanHandler(CaseFileService cases) {
    return TaskFormHandler.of(Step.ADVISE_PLAN, List.of(ADVICE_OUTCOME, ADVICE), input -> {
      FormValues form = input.form();
      AdviceOutcome outcome = form.requiredEnum(ADVICE_OUTCOME, AdviceOutcome.class);
      String advice = form.optionalText(ADVICE, 2000);
      if (outcome == AdviceOutcome.SEND_BACK && advice == null) {
        form.problem(ADVICE, "差戻しの場合は助言内容を入力してください");
      }
      form.validate();
      cases.recordEvent(input.caseNumber(), "ADVICE_" + outcome, input.userId(), advice);
      return Map.of(ADVICE_OUTCOME, outcome.name());
    });
  }

  private static List<String> fields() {
    return Stream.concat(Stream.of(PLAN_DATE, PLAN_PERIOD_YEARS, PLAN_SUMMARY), EARLY_PLAN_CONTENTS.stream()).toList();
  }
}
