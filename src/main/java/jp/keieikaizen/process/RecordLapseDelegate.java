package jp.keieikaizen.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.keieikaizen.casefile.CaseFileService;
import jp.keieikaizen.casefile.CaseNumber;

/** The plan claim was not filed in time (early plan) or the application's validity ended (405): it lapses (失効). */
@Component
class RecordLapseDelegate implements JavaDelegate {

  private final CaseFileService cases;

  RecordLapseDelegate(CaseFileService cases) {
    this.cases = cases;
  }

  @Override
  public void execute(DelegateExecution execution) {
    cases.lapse(new CaseNumber(execution.getProcessBusinessKey()));
  }
}
