package jp.keieikaizen.process;

import org.camunda.bpm.engine.delegate.VariableScope;

/** A process variable with its name and type in one place. */
public record ProcessVariable<T>(String name, Class<T> type) {

  public T get(VariableScope scope) {
    return type.cast(scope.getVariable(name));
  }

  public void set(VariableScope scope, T value) {
    persist(scope, name, value);
  }

  /** Sets the variable on this scope only (a task's own variable), not on the process. */
  public void setLocal(VariableScope scope, T value) {
    scope.setVariableLocal(name, value);
  }

  /**
   * Sets a variable to be kept. A submitted form field arrives transient (see CamundaCaseWorkflow) unless its name is
   * one of {@link CaseVariables#NAMES}; the engine can turn neither into the other, not even after a removal in the
   * same command, so a kept variable must be declared there.
   */
  static void persist(VariableScope scope, String name, Object value) {
    org.camunda.bpm.engine.variable.value.TypedValue current = scope.getVariableTyped(name, false);
    if (current != null && current.isTransient()) {
      throw new IllegalStateException("variable '" + name + "' arrived as a transient form field and cannot be kept:"
          + " declare it in CaseVariables");
    }
    scope.setVariable(name, value);
  }
}
