package jp.keieikaizen.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.keieikaizen.common.FormValues;
import jp.keieikaizen.intake.ApplicationFields;
import jp.keieikaizen.intake.ApplicationService;
import jp.keieikaizen.intake.RegisteredCase;

/**
 * Right after the start (same transaction, so an invalid application starts nothing): records the application from
 * the start form's values, makes its case number the business key, and keeps only the ids the tasks are assigned by.
 */
@Component
class RegisterApplicationDelegate implements JavaDelegate {

  private final ApplicationService applications;

  RegisterApplicationDelegate(ApplicationService applications) {
    this.applications = applications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    FormValues form = new FormValues(execution.getVariables());
    RegisteredCase registered = FormErrors.forEngine(
        () -> applications.registerEarlyPlan(form, CaseVariables.INITIATOR.get(execution)));
    execution.setProcessBusinessKey(registered.caseNumber().value());
    execution.removeVariables(ApplicationFields.APPLICATION);
    CaseVariables.COUNCIL_CODE.set(execution, registered.councilCode());
    CaseVariables.LEAD_AGENCY_ID.set(execution, registered.leadAgencyId());
  }
}
