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

  /** The problems of a refused completion, for our own API's problem+json answer. */
  static InvalidInputException unwrap(FormFieldValidationException e) {
    return e.getCause() instanceof InvalidInputException invalid ? invalid : null;
  }
}
