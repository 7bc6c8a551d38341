package jp.keieikaizen.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.keieikaizen.casefile.CaseNumber;
import jp.keieikaizen.casefile.CostCategory;
import jp.keieikaizen.subsidy.ClaimService;
import jp.keieikaizen.subsidy.ClaimService.ClaimRef;

/** At the early plan's claim deadline: was the plan payment claim filed in time? */
@Component
class CheckPlanClaimFiledDelegate implements JavaDelegate {

  private final ClaimService claims;

  CheckPlanClaimFiledDelegate(ClaimService claims) {
    this.claims = claims;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean filed = claims.isFiled(new CaseNumber(execution.getProcessBusinessKey()), ClaimRef.of(CostCategory.PLAN));
    CaseVariables.PLAN_CLAIM_FILED.set(execution, filed);
  }
}
