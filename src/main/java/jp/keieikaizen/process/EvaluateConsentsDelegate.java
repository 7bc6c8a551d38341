package jp.keieikaizen.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.keieikaizen.casefile.CaseNumber;
import jp.keieikaizen.lender.LenderService;

/** After a round of lender agreements: has every lender consented (同意)? */
@Component
class EvaluateConsentsDelegate implements JavaDelegate {

  private final LenderService lenders;

  EvaluateConsentsDelegate(LenderService lenders) {
    this.lenders = lenders;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseVariables.ALL_CONSENTED.set(execution, lenders.allConsented(new CaseNumber(execution.getProcessBusinessKey())));
  }
}
