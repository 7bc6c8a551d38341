package jp.keieikaizen.process;

import org.camunda.bpm.engine.delegate.VariableScope;

/** A process variable with its name and type in one place. */
public record ProcessVariable<T>(String name, Class<T> type) {

  public T get(VariableScope scope) {
    return type.cast(scope.getVariable(name));
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, value);
  }
}
