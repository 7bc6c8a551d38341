package jp.keieikaizen.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.keieikaizen.intake.ApplicationFields;
import jp.keieikaizen.intake.ApplicationService;

/** Registers an early-plan application from the start form (see {@link Registration}). */
@Component
class RegisterApplicationDelegate implements JavaDelegate {

  private final ApplicationService applications;
  private final StartPermission permission;

  RegisterApplicationDelegate(ApplicationService applications, StartPermission permission) {
    this.applications = applications;
    this.permission = permission;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Registration.register(execution, ApplicationFields.APPLICATION, applications::registerEarlyPlan, permission);
  }
}
