package jp.keieikaizen.process;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * A council's coordinators and supervisors work their council's tasks by their role's grants (READ and TASK_WORK on
 * every task, narrowed to the council by its tenant: AccessSetup), so the engine writes no grant per task for their
 * groups. It did by default: one row per candidate group and task, which Tasklist's authorization check joins for
 * every task it lists (a coordinator's filter grew quadratically with the council's open tasks; PerformanceBenchmark)
 * and three statements per task. Who of the council's staff may complete or claim a task is the application's rule
 * (its candidate groups or its assignee: TaskAccess, CamundaCaseWorkflow). An agency's group keeps its grant per task:
 * an agency sees and works only the tasks offered to it, in any council.
 */
@Component
class CouncilTaskGrants extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new DefaultAuthorizationProvider() {
      @Override
      public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String identityLinkType) {
        return groupId != null && jp.keieikaizen.security.Groups.COUNCIL_STAFF.matcher(groupId).matches() ? null
            : super.newTaskGroupIdentityLink(task, groupId, identityLinkType);
      }
    });
  }
}
