package jp.keieikaizen.process;

import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start, before the job executor runs: no running instance of a case model may lack a tenant, since every
 * council's staff could read such a case. One found stops the start with the cases named (they date from before the
 * tenant check was fail-closed); an administrator ends them in Cockpit, or moves them to their council, before the
 * application serves anyone.
 */
@Component
@Order(2)
class TenantlessCaseCheck implements ApplicationRunner {

  private final RuntimeService runtime;

  TenantlessCaseCheck(RuntimeService runtime) {
    this.runtime = runtime;
  }

  @Override
  public void run(ApplicationArguments args) {
    List<String> found = tenantless(20);
    if (!found.isEmpty()) {
      throw new IllegalStateException("Case instances without a council tenant (every council could read them): " + found
          + ". End them in Cockpit (or set their tenant to the case's council) before starting the application.");
    }
  }

  /** Up to max running case instances without a tenant, as "business key (instance id)". */
  List<String> tenantless(int max) {
    return runtime.createProcessInstanceQuery().processDefinitionKeyIn(CaseProcess.KEYS.toArray(String[]::new))
        .withoutTenantId().listPage(0, max).stream().map(TenantlessCaseCheck::describe).toList();
  }

  private static String describe(ProcessInstance instance) {
    return instance.getBusinessKey() + " (" + instance.getId() + ")";
  }
}
