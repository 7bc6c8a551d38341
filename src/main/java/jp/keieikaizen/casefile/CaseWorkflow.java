package jp.keieikaizen.casefile;

import java.util.List;
import java.util.Map;

/** What the rest of the application asks of the process engine; implemented in the process package. */
public interface CaseWorkflow {

  /** Starts a case's process from application form values; the values are validated on the way in. */
  CaseNumber submitApplication(Programme programme, Map<String, Object> applicationValues, String initiator);

  void withdraw(CaseNumber number, String reason, String userId);

  /** The council takes the case over to its own revitalisation support (引継ぎ). */
  void handOver(CaseNumber number, String reason, String userId);

  List<OpenTask> openTasks(CaseNumber number);

  /** Completes a task with form values; invalid values are refused and the task stays open. */
  void completeTask(String taskId, Map<String, Object> values, String userId);
}
