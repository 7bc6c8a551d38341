package jp.keieikaizen.monitoring;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jp.keieikaizen.casefile.CaseFileService;
import jp.keieikaizen.casefile.Step;
import jp.keieikaizen.casefile.TaskFormHandler;
import jp.keieikaizen.common.FormValues;
import jp.keieikaizen.monitoring.MonitoringReport.Financials;
import jp.keieikaizen.monitoring.MonitoringReport.ReviewOutcome;

/** Tasks submitMonitoringReport (agency) and reviewMonitoringReport (supervisor) of a monitoring round. */
@Configuration(proxyBeanMethods = false)
class MonitoringHandlers {

  /** Process context: which round the tasks are about. */
  static final String ROUND_NO = "roundNo";
  static final String SUBMITTED_ON = "reportSubmittedOn";
  static final String LENDER_MEETING_ON = "lenderMeetingOn";
  static final String FINANCIALS = "financials";
  /** The four parts of a 伴走支援レポート. */
  static final List<String> REPORT_CONTENTS = List.of("coversResults", "coversActionProgress", "coversGapAnalysis",
      "coversLenderRequests");
  static final String REVIEW_OUTCOME = "reviewOutcome";
  static final String REVIEW_COMMENT = "reviewComment";

  @Bean
  TaskFormHandler submitMonitoringReportHandler(CaseFileService cases, MonitoringService monitoring) {
    List<String> fields = Stream.concat(Stream.of(SUBMITTED_ON, LENDER_MEETING_ON, FINANCIALS), REPORT_CONTENTS.stream()).toList();
    return TaskFormHandler.of(Step.SUBMIT_MONITORING_REPORT, fields, input -> {
      FormValues form = input.form();
      int roundNo = Integer.parseInt(input.contextString(ROUND_NO));
      RoundKind round = monitoring.report(input.caseNumber(), roundNo).roundKind();
      LocalDate submitted = form.requiredPastDate(SUBMITTED_ON, cases.today());
      LocalDate meeting = form.requiredDate(LENDER_MEETING_ON);
      Financials financials = form.requiredEnum(FINANCIALS, Financials.class);
      REPORT_CONTENTS.forEach(f -> form.requiredTrue(f, "伴走支援レポートに必要な記載項目です"));
      if (round == RoundKind.FINAL && financials == Financials.TRIAL_BALANCE) {
        form.problem(FINANCIALS, "期末の伴走支援には決算書（申告書一式）を添付してください");
      }
      if (submitted != null && meeting != null && meeting.isAfter(submitted)) {
        form.problem(LENDER_MEETING_ON, "金融機関への報告日は提出日以前にしてください");
      }
      LocalDate planDate = cases.get(input.caseNumber()).planDate();
      if (planDate != null && submitted != null && submitted.isBefore(planDate)) {
        form.problem(SUBMITTED_ON, "提出日は計画策定日（" + planDate + "）以降にしてください");
      }
      if (planDate != null && meeting != null && meeting.isBefore(planDate)) {
        form.problem(LENDER_MEETING_ON, "金融機関への報告日は計画策定日（" + planDate + "）以降にしてください");
      }
      form.validate();
      monitoring.submit(input.caseNumber(), roundNo, submitted, meeting, financials);
      cases.recordEvent(input.caseNumber(), "MONITORING_SUBMITTED", input.userId(), round.label() + " 第" + roundNo + "回");
      return Map.of();
    });
  }

  @Bean
  TaskFormHandler reviewMonitoringReportHandler(CaseFileService cases, MonitoringService monitoring) {
    return TaskFormHandler.of(Step.REVIEW_MONITORING_REPORT, List.of(REVIEW_OUTCOME, REVIEW_COMMENT), input -> {
      FormValues form = input.form();
      ReviewOutcome outcome = form.requiredEnum(REVIEW_OUTCOME, ReviewOutcome.class);
      String comment = form.optionalText(REVIEW_COMMENT, 2000);
      if (outcome == ReviewOutcome.RETURN && comment == null) {
        form.problem(REVIEW_COMMENT, "差戻しの場合は助言内容を入力してください");
      }
      form.validate();
      int roundNo = Integer.parseInt(input.contextString(ROUND_NO));
      monitoring.review(input.caseNumber(), roundNo, outcome, comment);
      cases.recordEvent(input.caseNumber(), "MONITORING_" + outcome, input.userId(), "第" + roundNo + "回 " + (comment == null ? "" : comment));
      return Map.of(REVIEW_OUTCOME, outcome.name());
    });
  }
}
