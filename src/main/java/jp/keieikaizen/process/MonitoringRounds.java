package jp.keieikaizen.process;

import java.util.Date;
import java.util.List;

import org.springframework.stereotype.Component;

import jp.keieikaizen.casefile.CaseNumber;
import jp.keieikaizen.monitoring.MonitoringReport;
import jp.keieikaizen.monitoring.MonitoringService;
import jp.keieikaizen.monitoring.RoundKind;

/**
 * The models read a case's monitoring rounds from the database through this bean ({@code ${monitoringRounds...}}),
 * so the schedule lives in one place and no dates are copied into variables.
 */
@Component("monitoringRounds")
public class MonitoringRounds {

  static final int LEAD_DAYS = 30;

  private final MonitoringService monitoring;

  MonitoringRounds(MonitoringService monitoring) {
    this.monitoring = monitoring;
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
}
