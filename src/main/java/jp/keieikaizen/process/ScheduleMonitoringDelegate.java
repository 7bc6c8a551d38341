package jp.keieikaizen.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.keieikaizen.casefile.CaseNumber;
import jp.keieikaizen.monitoring.EarlyPlanSchedule;
import jp.keieikaizen.monitoring.MonitoringService;

/** Plans the monitoring rounds; the timers wait for their start dates (no 期中 start when none was chosen). */
@Component
class ScheduleMonitoringDelegate implements JavaDelegate {

  private final MonitoringService monitoring;

  ScheduleMonitoringDelegate(MonitoringService monitoring) {
    this.monitoring = monitoring;
  }

  @Override
  public void execute(DelegateExecution execution) {
    EarlyPlanSchedule schedule = monitoring.scheduleEarlyPlan(new CaseNumber(execution.getProcessBusinessKey()));
    CaseVariables.INTERIM_MONITORING_START.set(execution, Dates.startOf(schedule.interimStart()));
    CaseVariables.FINAL_MONITORING_START.set(execution, Dates.startOf(schedule.finalStart()));
  }
}
