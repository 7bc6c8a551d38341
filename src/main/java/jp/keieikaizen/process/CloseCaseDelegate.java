package jp.keieikaizen.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.keieikaizen.casefile.CaseFileService;
import jp.keieikaizen.casefile.CaseNumber;
import jp.keieikaizen.casefile.CaseState;

/** The last monitoring payment is recorded: the case is closed (完了). */
@Component
class CloseCaseDelegate implements JavaDelegate {

  private final CaseFileService cases;

  CloseCaseDelegate(CaseFileService cases) {
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    cases.end(new CaseNumber(execution.getProcessBusinessKey()), CaseState.CLOSED, null, "伴走支援（期末）の支払完了");
  }
}
