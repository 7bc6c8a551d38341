package jp.keieikaizen.process;

import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

import jp.keieikaizen.common.InvalidInputException;

/**
 * Invalid form input inside the engine: a FormFieldValidationException rolls the command back (the task stays open,
 * nothing is written), and the engine's REST API answers it with 400 and our message, which Tasklist shows.
 */
final class FormErrors {

  private FormErrors() {
  }

  static <T> T forEngine(Supplier<T> action) {
    try {
      return action.get();
    } catch (InvalidInputException e) {
      throw new FormFieldValidationException(e.problems(), "入力内容に誤りがあります：" + e.getMessage(), e);
    }
  }

  /**
   * The invalid input behind an engine exception, if that is what it is. The engine wraps what a task listener
   * throws (ENGINE-03051), so the whole cause chain is searched.
   */
  static InvalidInputException find(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InvalidInputException invalid) {
        return invalid;
      }
    }
    return null;
  }
}
