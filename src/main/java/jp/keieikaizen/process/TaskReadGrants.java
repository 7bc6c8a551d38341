package jp.keieikaizen.process;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * A task query of a user who may read every task (READ on TASK {@code *}, with no revoking authorization in play)
 * is run without the engine's per-row authorization join: that join could not leave out a single row, and it was most
 * of the time of a council coordinator's Tasklist filter (a block-nested-loop join evaluated for every open task of
 * the council: 159 of 327 ms at 20,000 open tasks; PerformanceBenchmark). Council staff hold that grant by role
 * (AccessSetup, CouncilTaskGrants), and the engine's tenant check, which is not part of the authorization check, still
 * keeps their queries to their own council. A user without the grant, an agency's, gets the engine's check unchanged:
 * the decision is the engine's own {@code isAuthorized} on the grants table, taken for each query.
 */
@Component
class TaskReadGrants extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomSessionFactories() == null) {
      configuration.setCustomSessionFactories(new ArrayList<>());
    }
    configuration.getCustomSessionFactories().add(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return AuthorizationManager.class;
      }

      @Override
      public Session openSession() {
        return new Manager();
      }
    });
  }

  static final class Manager extends AuthorizationManager {

    @Override
    public void configureTaskQuery(TaskQueryImpl query) {
      super.configureTaskQuery(query);
      AuthorizationCheck check = query.getAuthCheck();
      if (check.isAuthorizationCheckEnabled() && readsEveryTask(check.getAuthUserId(), check.getAuthGroupIds())) {
        check.getPermissionChecks().clear();
        check.setAuthorizationCheckEnabled(false);
        check.setShouldPerformAuthorizatioCheck(false);
        check.setRevokeAuthorizationCheckEnabled(false);
        check.setAuthUserId(null);
        check.setAuthGroupIds(null);
      }
    }

    /** READ on every task through the user's or a group's grant, and no revoke that could take a task away again. */
    private boolean readsEveryTask(String userId, List<String> groupIds) {
      return userId != null && !isRevokeAuthCheckEnabled(userId, groupIds)
          && isAuthorized(userId, groupIds, Permissions.READ, Resources.TASK, "*");
    }
  }
}
