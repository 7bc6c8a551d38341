package jp.keieikaizen.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.springframework.stereotype.Component;

import jp.keieikaizen.council.CouncilService;

/**
 * One tenant per council: every case's process instance belongs to its council's tenant (the prefecture code of the
 * application's councilCode), and its call activities to the same one, so a council's staff see only their own
 * council's instances, tasks and history, in Tasklist, Cockpit and /engine-rest alike.
 */
@Component
class CouncilTenantPlugin extends AbstractProcessEnginePlugin {


  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setTenantIdProvider(new CouncilTenants());
  }

  /** The council's prefecture code from the start variables; a called process takes its caller's tenant. */
  static final class CouncilTenants implements TenantIdProvider {

    @Override
    public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
      if (ctx.getSuperExecution() != null) {
        return ctx.getSuperExecution().getTenantId();
      }
      Object council = ctx.getVariables() == null ? null : ctx.getVariables().get("councilCode");
      return council instanceof String code && CouncilService.CODE.matcher(code).matches() ? code : null;
    }

    @Override
    public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
      return null;
    }

    @Override
    public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext ctx) {
      return ctx.getExecution() == null ? null : ctx.getExecution().getTenantId();
    }
  }
}
