package jp.keieikaizen.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import jp.keieikaizen.intake.ApplicationFields;
import jp.keieikaizen.intake.ApplicationService;

/** Registers a 405 application (通常枠 or 中小版GL枠, as its form says) from the start form (see {@link Registration}). */
@Component
class RegisterApplication405Delegate implements JavaDelegate {

  private final ApplicationService applications;
  private final StartPermission permission;

  RegisterApplication405Delegate(ApplicationService applications, StartPermission permission) {
    this.applications = applications;
    this.permission = permission;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Registration.register(execution, ApplicationFields.APPLICATION_405, applications::register405, permission);
  }
}
