package jp.keieikaizen.process;

import java.util.ArrayList;
import java.util.Set;

import org.camunda.bpm.engine.history.JobState;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricDetailEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The case models' history at the level their audit trail needs. The engine stays at history level {@code full}, and
 * for the processes named in {@code keiei.history.audit-only} (default: every case model) it writes:
 * <ul>
 * <li>process instances (the audit trail finds a case's instances by business key), task instances (each completed
 * step, who and when; the dashboard's stage times), the user operation log (claims, assignments), comments, identity
 * link logs (Tasklist's task history), incidents, and the job log's runs and failures (what ran when, and why a job
 * failed), as before;</li>
 * <li>no variable history (ACT_HI_VARINST, ACT_HI_DETAIL) and no activity-instance history (ACT_HI_ACTINST): variables
 * hold ids, small decisions and timer dates whose meaning the case record and its timeline (case_event) keep, with who
 * changed what; and every gateway, event and call activity a case passes is not part of its audit trail. These were
 * three quarters of the history rows and a dozen statements per completed task (PerformanceBenchmark);</li>
 * <li>no job log entry for a job's creation or deletion: most are the reminder and deadline timers of steps done in
 * time, created with the step and deleted with it, two rows each that say nothing about the case.</li>
 * </ul>
 * Other processes deployed to the same engine keep the full history. A handler, not a custom history level: the
 * level's id is stored in the database and the engine refuses to start when it changes, so this is switched on an
 * existing installation by configuration alone (an empty list restores the engine's behaviour for every process).
 */
@Component
class CaseHistoryPlugin extends AbstractProcessEnginePlugin {

  private final Set<String> auditOnly;

  CaseHistoryPlugin(@Value("${keiei.history.audit-only:#{T(jp.keieikaizen.process.CaseProcess).KEYS}}")
      Set<String> auditOnly) {
    this.auditOnly = Set.copyOf(auditOnly);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (auditOnly.isEmpty()) {
      return;
    }
    configuration.setEnableDefaultDbHistoryEventHandler(false);
    if (configuration.getCustomHistoryEventHandlers() == null) {
      configuration.setCustomHistoryEventHandlers(new ArrayList<>());
    }
    configuration.getCustomHistoryEventHandlers().add(new DbHistoryEventHandler() {
      @Override
      public void handleEvent(HistoryEvent event) {
        if (!written(event)) {
          return;
        }
        super.handleEvent(event);
      }
    });
  }

  /**
   * Whether the event is written: not a variable's, a form field's or an activity instance's of a case model, nor a job
   * log's entry that a job was created or deleted (a timer of a step that was done in time, a continuation queued).
   */
  boolean written(HistoryEvent event) {
    if (event.getProcessDefinitionKey() == null || !auditOnly.contains(event.getProcessDefinitionKey())) {
      return true;
    }
    if (event instanceof HistoricJobLogEvent job) {
      return job.getState() == JobState.FAILED.getStateCode() || job.getState() == JobState.SUCCESSFUL.getStateCode();
    }
    return !(event instanceof HistoricDetailEventEntity || event instanceof HistoricActivityInstanceEventEntity);
  }

  Set<String> auditOnly() {
    return auditOnly;
  }
}
