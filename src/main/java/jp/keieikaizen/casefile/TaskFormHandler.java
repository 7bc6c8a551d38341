package jp.keieikaizen.casefile;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jp.keieikaizen.common.FormValues;

/**
 * Server-side completion of one user task: validates what the form submitted, applies it to the case, and returns
 * the small decisions the process routes on. Tasklist validates only in the browser; this runs for every completion.
 */
public interface TaskFormHandler {

  /** The step this handler completes: its declaration (task id, form, documents, facts). */
  Step step();

  /** The user task id in the models. */
  default String taskKey() {
    return step().key();
  }

  /** The form's field keys: read from the submission, then removed from the process (case data lives in JPA). */
  List<String> fields();

  /** @throws jp.keieikaizen.common.InvalidInputException naming each bad field; nothing is changed then */
  Map<String, Object> complete(TaskInput input);

  /** A handler from its parts; feature packages declare their handlers as beans this way, with their step. */
  static TaskFormHandler of(Step step, List<String> fields, Function<TaskInput, Map<String, Object>> body) {
    return new TaskFormHandler() {
      @Override
      public Step step() {
        return step;
      }

      @Override
      public List<String> fields() {
        return fields;
      }

      @Override
      public Map<String, Object> complete(TaskInput input) {
        return body.apply(input);
      }
    };
  }

  /** What a completion brings: the case, the submitted form, the process context (e.g. claimCategory) and who completes. */
  record TaskInput(CaseNumber caseNumber, FormValues form, Map<String, Object> context, String userId) {

    public String contextString(String name) {
      Object v = context.get(name);
      return v == null ? null : v.toString();
    }

    /** A date from the process context (timer dates are instants): the day it falls on in Japan. */
    public java.time.LocalDate contextDate(String name) {
      Object v = context.get(name);
      return v instanceof java.util.Date d ? d.toInstant().atZone(java.time.ZoneId.of("Asia/Tokyo")).toLocalDate() : null;
    }
  }
}
