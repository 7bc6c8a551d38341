package jp.keieikaizen.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.keieikaizen.casefile.CaseFileService;
import jp.keieikaizen.casefile.CaseNumber;
import jp.keieikaizen.lender.LenderService;

/** A lender's answer is due soon: the reminder goes on the case's timeline (mail follows with notifications). */
@Component
class RemindLenderDelegate implements JavaDelegate {

  private final CaseFileService cases;
  private final LenderService lenders;

  RemindLenderDelegate(CaseFileService cases, LenderService lenders) {
    this.cases = cases;
    this.lenders = lenders;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseNumber number = new CaseNumber(execution.getProcessBusinessKey());
    String lender = lenders.lender(number, CaseVariables.LENDER_ID.get(execution)).name();
    cases.recordEvent(number, "LENDER_REMINDER", null, lender + " の回答期限が近づいています");
  }
}
