package jp.keieikaizen.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.keieikaizen.common.FormValues;
import jp.keieikaizen.intake.ApplicationFields;
import jp.keieikaizen.intake.ApplicationService;
import jp.keieikaizen.intake.RegisteredCase;

/** As {@link RegisterApplicationDelegate}, for a 405 application (通常枠 or 中小版GL枠 as its form says). */
@Component
class RegisterApplication405Delegate implements JavaDelegate {

  private final ApplicationService applications;

  RegisterApplication405Delegate(ApplicationService applications) {
    this.applications = applications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FormValues form = new FormValues(execution.getVariables());
    RegisteredCase registered = FormErrors.forEngine(
        () -> applications.register405(form, CaseVariables.INITIATOR.get(execution)));
    execution.setProcessBusinessKey(registered.caseNumber().value());
    execution.removeVariables(ApplicationFields.APPLICATION_405);
    CaseVariables.COUNCIL_CODE.set(execution, registered.councilCode());
    CaseVariables.LEAD_AGENCY_ID.set(execution, registered.leadAgencyId());
  }
}
