package jp.keieikaizen.process;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.springframework.stereotype.Component;

import jp.keieikaizen.common.FormValues;
import jp.keieikaizen.common.InvalidInputException;
import jp.keieikaizen.council.CouncilService;

/**
 * One tenant per council: every case's process instance belongs to its council's tenant, and its call activities to
 * the same one, so a council's staff see only their own council's instances, tasks and history, in Tasklist and
 * Cockpit alike. Fail closed: an instance of a case model whose tenant cannot be resolved is not started at all (400 on
 * councilCode); {@link Registration} then checks that the registered case's council is the instance's tenant, and
 * {@link TenantlessCaseCheck} that no such instance exists when the application starts.
 */
@Component
class CouncilTenantPlugin extends AbstractProcessEnginePlugin {

  static final String UNRESOLVED = "協議会コードを2桁の都道府県コード（01〜47）の文字列で指定してください";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setTenantIdProvider(new CouncilTenants());
  }

  static final class CouncilTenants implements TenantIdProvider {

    /**
     * A called process takes its caller's tenant; a case model started on its own takes the council of its
     * councilCode start variable, a string "01" to "47" (a number such as 13 is read as "13"); anything else, and a
     * called case model started on its own, is refused. Processes that are not case models (none is deployed by the
     * application) get no tenant.
     */
    @Override
    public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
      boolean caseModel = CaseProcess.KEYS.contains(ctx.getProcessDefinition().getKey());
      if (ctx.getSuperExecution() != null) {
        String tenant = ctx.getSuperExecution().getTenantId();
        if (caseModel && tenant == null) {
          throw new IllegalStateException("a case model called from an instance without a tenant: "
              + ctx.getSuperExecution().getProcessInstanceId());
        }
        return tenant;
      }
      if (!caseModel) {
        return null;
      }
      if (!startable(ctx.getProcessDefinition().getKey())) {
        refuse("processDefinitionKey", "この手続は案件の中でだけ開始されます。単独では開始できません");
      }
      String council = councilOf(ctx.getVariables() == null ? null : ctx.getVariables().get(CaseVariables.COUNCIL_CODE.name()));
      if (council == null) {
        refuse(CaseVariables.COUNCIL_CODE.name(), UNRESOLVED);
      }
      return council;
    }

    /** A 400 naming the field, on /api and in the engine's REST API alike; nothing is started. */
    private static void refuse(String field, String rule) {
      FormErrors.forEngine(() -> {
        throw InvalidInputException.of(field, rule);
      });
    }

    private static boolean startable(String key) {
      return CaseProcess.EARLY_PLAN.equals(key) || CaseProcess.PLAN_405.equals(key);
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

  /**
   * The council code in a start variable, read exactly as registration reads the application's councilCode (a string,
   * or a number written the same way); null when that reading finds no council code.
   */
  static String councilOf(Object value) {
    FormValues form = new FormValues(java.util.Collections.singletonMap(CaseVariables.COUNCIL_CODE.name(), value));
    return form.optionalPattern(CaseVariables.COUNCIL_CODE.name(), CouncilService.CODE, UNRESOLVED);
  }
}
