package jp.keieikaizen.process;

import java.util.ArrayList;
import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * History per process: the engine keeps history level {@code full} (the user-operation log, task, activity and
 * variable-instance history that Cockpit and the audit trail read), but for the processes named in
 * {@code keiei.history.without-variable-detail} (default: every case model) it writes no row to ACT_HI_DETAIL, the
 * log of each variable's every value and of each field submitted through Tasklist. The case's own timeline (case_event) and the business tables hold what changed
 * and who changed it; the engine's detail log of the same values was the largest history table and one insert per
 * submitted form field. An empty list restores the engine's behaviour for every process.
 *
 * <p>A handler, not a custom history level: the level's id is stored in the database and the engine refuses to start
 * when it changes, so this can be switched on an existing installation by configuration alone.
 */
@Component
class HistoryDetailPlugin extends AbstractProcessEnginePlugin {

  private final Set<String> withoutDetail;

  HistoryDetailPlugin(@Value("${keiei.history.without-variable-detail:#{T(jp.keieikaizen.process.CaseProcess).KEYS}}")
      Set<String> withoutDetail) {
    this.withoutDetail = Set.copyOf(withoutDetail);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (withoutDetail.isEmpty()) {
      return;
    }
    configuration.setEnableDefaultDbHistoryEventHandler(false);
    if (configuration.getCustomHistoryEventHandlers() == null) {
      configuration.setCustomHistoryEventHandlers(new ArrayList<>());
    }
    configuration.getCustomHistoryEventHandlers().add(new DbHistoryEventHandler() {
      @Override
      public void handleEvent(HistoryEvent event) {
        // Tasklist's submit-form also logs every submitted field as a form property detail
        if (!(event instanceof HistoricFormPropertyEventEntity && withoutDetail.contains(event.getProcessDefinitionKey()))) {
          super.handleEvent(event);
        }
      }

      @Override
      protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
        return !withoutDetail.contains(event.getProcessDefinitionKey()) && super.shouldWriteHistoricDetail(event);
      }
    });
  }

  Set<String> withoutDetail() {
    return withoutDetail;
  }
}
