package jp.keieikaizen.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.keieikaizen.casefile.CaseNumber;
import jp.keieikaizen.intake.EligibilityService;

/** Runs the automatic eligibility check; its findings are on the case for the coordinator's decision. */
@Component
class CheckEligibilityDelegate implements JavaDelegate {

  private final EligibilityService eligibility;

  CheckEligibilityDelegate(EligibilityService eligibility) {
    this.eligibility = eligibility;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var result = eligibility.check(new CaseNumber(execution.getProcessBusinessKey()));
    CaseVariables.ELIGIBLE.set(execution, result.eligible());
  }
}
