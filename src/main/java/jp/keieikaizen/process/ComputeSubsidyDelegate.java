package jp.keieikaizen.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.keieikaizen.casefile.CaseNumber;
import jp.keieikaizen.subsidy.ClaimService;

/** Computes the filed claim's subsidy (and the plan split) for the coordinator's check. */
@Component
class ComputeSubsidyDelegate implements JavaDelegate {

  private final ClaimService claims;

  ComputeSubsidyDelegate(ClaimService claims) {
    this.claims = claims;
  }

  @Override
  public void execute(DelegateExecution execution) {
    claims.compute(new CaseNumber(execution.getProcessBusinessKey()), CaseVariables.claim(execution));
  }
}
