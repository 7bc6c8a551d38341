package jp.keieikaizen.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.keieikaizen.casefile.CaseNumber;
import jp.keieikaizen.monitoring.MonitoringService;

/** Plans the 3 years of 405 monitoring rounds; the rounds' dates are read through {@link MonitoringRounds}. */
@Component
class ScheduleMonitoring405Delegate implements JavaDelegate {

  private final MonitoringService monitoring;

  ScheduleMonitoring405Delegate(MonitoringService monitoring) {
    this.monitoring = monitoring;
  }

  @Override
  public void execute(DelegateExecution execution) {
    monitoring.schedule405(new CaseNumber(execution.getProcessBusinessKey()));
  }
}
