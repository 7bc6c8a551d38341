package jp.keieikaizen.security;

import java.util.ArrayList;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * One tenant per council: every case's process instance belongs to its council's tenant (the prefecture code of the
 * application's councilCode), and its call activities to the same one, so a council's staff see only their own
 * council's instances, tasks and history, in Tasklist, Cockpit and /engine-rest alike. An agency's group joins a
 * council's tenant when a task there is first offered to it.
 */
@Component
class CouncilTenantPlugin extends AbstractProcessEnginePlugin {

  static final Pattern COUNCIL_CODE = Pattern.compile("(0[1-9]|[1-3][0-9]|4[0-7])");
  private static final Pattern AGENCY_GROUP = Pattern.compile("agency-\\d+");

  private final AccessSetup access;

  CouncilTenantPlugin(@Lazy AccessSetup access) {
    this.access = access;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setTenantIdProvider(new CouncilTenants());
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    TaskListener admitAgencies = this::admitAgencies;
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, admitAgencies);
      }
    });
  }

  private void admitAgencies(DelegateTask task) {
    if (task.getTenantId() == null) {
      return;
    }
    for (IdentityLink link : task.getCandidates()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null
          && AGENCY_GROUP.matcher(link.getGroupId()).matches()) {
        access.tenantMember(task.getTenantId(), link.getGroupId());
      }
    }
  }

  /** The council's prefecture code from the start variables; a called process takes its caller's tenant. */
  static final class CouncilTenants implements TenantIdProvider {

    @Override
    public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
      if (ctx.getSuperExecution() != null) {
        return ctx.getSuperExecution().getTenantId();
      }
      Object council = ctx.getVariables() == null ? null : ctx.getVariables().get("councilCode");
      return council instanceof String code && COUNCIL_CODE.matcher(code).matches() ? code : null;
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
