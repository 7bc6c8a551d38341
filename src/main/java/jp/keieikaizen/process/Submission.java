package jp.keieikaizen.process;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The form fields of a completion made through the application (the API and the workspace), handed to the completion
 * listener ({@link TaskFormListener}) on the completing thread instead of through the engine's variables: they are
 * validated and applied by the task's handler and only its decisions become variables, so no field is ever written,
 * read back or removed as a variable. A completion through the engine's own surfaces (Tasklist) has no submission and
 * brings its fields as variables, which the listener reads and removes.
 */
record Submission(String taskId, Map<String, Object> values) {

  private static final ThreadLocal<Submission> CURRENT = new ThreadLocal<>();

  /** Runs the completion of the task with these fields as its submission. */
  static <T> T completing(String taskId, Map<String, Object> values, Supplier<T> completion) {
    Submission outer = CURRENT.get();
    CURRENT.set(new Submission(taskId, java.util.Collections.unmodifiableMap(new java.util.HashMap<>(values))));
    try {
      return completion.get();
    } finally {
      if (outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(outer);
      }
    }
  }

  /** The fields submitted for this task on this thread; null when its completion did not come through the application. */
  static Map<String, Object> of(String taskId) {
    Submission current = CURRENT.get();
    return current != null && current.taskId.equals(taskId) ? current.values : null;
  }
}
