package jp.keieikaizen.process;

import java.util.List;
import java.util.function.BiFunction;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import jp.keieikaizen.common.FieldProblem;
import jp.keieikaizen.common.FormValues;
import jp.keieikaizen.common.InvalidInputException;
import jp.keieikaizen.intake.RegisteredCase;

/**
 * What both register delegates do right after the start (same transaction, so an invalid application starts
 * nothing): record the application from the start form's values, make its case number the business key, and keep
 * only the council's code (the instance's tenant; tasks are routed by the case record, see {@link CaseRoutes}).
 */
final class Registration {

  private Registration() {
  }

  static void register(DelegateExecution execution, List<String> formFields,
      BiFunction<FormValues, String, RegisteredCase> registrar, StartPermission permission) {
    String initiator = CaseVariables.INITIATOR.get(execution);
    permission.check(initiator, execution.getVariable(CaseVariables.COUNCIL_CODE.name()));
    refuseUnknownFields(execution, formFields);
    FormValues form = new FormValues(execution.getVariables());
    RegisteredCase registered = FormErrors.forEngine(() -> {
      RegisteredCase r = registrar.apply(form, initiator);
      permission.checkRegistered(initiator, execution.getTenantId(), r);
      return r;
    });
    execution.setProcessBusinessKey(registered.caseNumber().value());
    execution.removeVariables(formFields);
    CaseVariables.COUNCIL_CODE.set(execution, registered.councilCode());
  }

  /**
   * A start carries the application's fields only: any other variable (a routing id, a gateway's decision) would
   * outlive the start and steer the case, whichever surface it came through.
   */
  private static void refuseUnknownFields(DelegateExecution execution, List<String> formFields) {
    java.util.Set<String> allowed = new java.util.HashSet<>(formFields);
    allowed.add(CaseVariables.INITIATOR.name());
    List<FieldProblem> unknown = new java.util.TreeSet<>(execution.getVariableNames()).stream()
        .filter(name -> !allowed.contains(name)).map(name -> new FieldProblem(name, "申請の入力項目ではありません")).toList();
    if (!unknown.isEmpty()) {
      FormErrors.forEngine(() -> {
        throw new InvalidInputException(unknown);
      });
    }
  }
}
