package jp.keieikaizen.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.keieikaizen.casefile.CaseNumber;
import jp.keieikaizen.monitoring.MonitoringService;

/** At the 期末 report's deadline: was the mandatory report submitted? If not, the subsidy is recovered. */
@Component
class CheckFinalReportFiledDelegate implements JavaDelegate {

  private final MonitoringService monitoring;

  CheckFinalReportFiledDelegate(MonitoringService monitoring) {
    this.monitoring = monitoring;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean filed = monitoring.finalReportSubmitted(new CaseNumber(execution.getProcessBusinessKey()));
    CaseVariables.FINAL_REPORT_FILED.set(execution, filed);
  }
}
