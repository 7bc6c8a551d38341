package jp.keieikaizen.process;

import java.util.Date;

import org.springframework.stereotype.Component;

import jp.keieikaizen.casefile.CaseNumber;
import jp.keieikaizen.monitoring.MonitoringService;
import jp.keieikaizen.monitoring.RoundKind;

/** Due dates of monitoring report tasks, read from the case's schedule: ${monitoringDueDates.reportDue(...)} in the model. */
@Component("monitoringDueDates")
public class MonitoringDueDates {

  private final MonitoringService monitoring;

  MonitoringDueDates(MonitoringService monitoring) {
    this.monitoring = monitoring;
  }

  public Date reportDue(String caseNumber, String roundKind) {
    return Dates.startOf(monitoring.report(new CaseNumber(caseNumber), RoundKind.valueOf(roundKind)).dueDate());
  }
}
