package jp.keieikaizen.process;

import java.util.Date;
import java.util.List;

import org.springframework.stereotype.Component;

import jp.keieikaizen.casefile.CaseFile;
import jp.keieikaizen.casefile.CaseFileService;
import jp.keieikaizen.casefile.CaseNumber;
import jp.keieikaizen.monitoring.MonitoringReport;
import jp.keieikaizen.monitoring.MonitoringService;
import jp.keieikaizen.monitoring.RoundKind;
import jp.keieikaizen.subsidy.SubsidyRules;

/**
 * The models read a case's monitoring rounds from the database through this bean ({@code ${monitoringRounds...}}),
 * so the schedule lives in one place and no dates are copied into variables.
 */
@Component("monitoringRounds")
public class MonitoringRounds {

  static final int LEAD_DAYS = 30;

  private final MonitoringService monitoring;
  private final CaseFileService cases;
  private final SubsidyRules rules;

  MonitoringRounds(MonitoringService monitoring, CaseFileService cases, SubsidyRules rules) {
    this.monitoring = monitoring;
    this.cases = cases;
    this.rules = rules;
  }

  /** Round numbers of the case, in order (the 405 multi-instance loops over them). */
  public List<Integer> roundNumbers(String caseNumber) {
    return monitoring.reports(new CaseNumber(caseNumber)).stream().map(MonitoringReport::roundNo).toList();
  }

  /** The early plan's 期末 round: 2 after a 期中 round, else 1. */
  public int finalRoundNo(String caseNumber) {
    return monitoring.reports(new CaseNumber(caseNumber)).stream().filter(r -> r.roundKind() == RoundKind.FINAL)
        .mapToInt(MonitoringReport::roundNo).findFirst().orElseThrow();
  }

  /** When a 405 round's report task opens: {@value #LEAD_DAYS} days before the report is due. */
  public Date start(String caseNumber, int roundNo) {
    return Dates.startOf(monitoring.report(new CaseNumber(caseNumber), roundNo).dueDate().minusDays(LEAD_DAYS));
  }

  public Date reportDue(String caseNumber, int roundNo) {
    return Dates.startOf(monitoring.report(new CaseNumber(caseNumber), roundNo).dueDate());
  }

  /** The monitoring claim that follows a round (1, 2, 3), or 0 when none does. */
  public int claimNo(String caseNumber, int roundNo) {
    List<MonitoringReport> reports = monitoring.reports(new CaseNumber(caseNumber));
    MonitoringReport report = reports.stream().filter(r -> r.roundNo() == roundNo).findFirst().orElseThrow();
    return report.claimRound() ? (int) reports.stream().filter(r -> r.claimRound() && r.roundNo() <= roundNo).count() : 0;
  }

  /**
   * When the monitoring claim that follows a round lapses: the claim validity period of the case's rule version
   * (monitoring-claim-valid-months) counted from the day the round's report was submitted; the claim may be filed up to
   * the day before.
   */
  public Date claimLapsesAt(String caseNumber, int roundNo) {
    CaseNumber number = new CaseNumber(caseNumber);
    CaseFile file = cases.get(number);
    int months = rules.version(file.ruleVersion()).programme(file.programme()).monitoringClaimValidMonths();
    MonitoringReport report = monitoring.report(number, roundNo);
    return Dates.startOf(report.submittedOn().plusMonths(months).plusDays(1));
  }

  /** The early plan's 期末 claim: see {@link #claimLapsesAt}. */
  public Date finalClaimLapsesAt(String caseNumber) {
    return claimLapsesAt(caseNumber, finalRoundNo(caseNumber));
  }
}
