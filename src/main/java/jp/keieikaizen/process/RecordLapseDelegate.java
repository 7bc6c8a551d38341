package jp.keieikaizen.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.keieikaizen.casefile.CaseFileService;
import jp.keieikaizen.casefile.CaseNumber;
import jp.keieikaizen.casefile.CaseState;

/** The plan claim was not filed in time: the application lapses (失効). */
@Component
class RecordLapseDelegate implements JavaDelegate {

  static final String REASON = "計画策定支援費用の支払申請が期限までに提出されなかったため失効";

  private final CaseFileService cases;

  RecordLapseDelegate(CaseFileService cases) {
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    cases.end(new CaseNumber(execution.getProcessBusinessKey()), CaseState.LAPSED, null, REASON);
  }
}
