package jp.keieikaizen.casefile;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the rest of the application asks of the process engine; implemented in the process package. */
public interface CaseWorkflow {

  /** The new date of a validity extension: a field of the review task's form and of the case page's action. */
  String NEW_VALID_UNTIL = "newValidUntil";

  /** Starts a case's process from application form values; the values are validated on the way in. */
  CaseNumber submitApplication(Programme programme, Map<String, Object> applicationValues, String initiator);

  void withdraw(CaseNumber number, String reason, String userId);

  /** The council takes the case over to its own revitalisation support (引継ぎ). */
  void handOver(CaseNumber number, String reason, String userId);

  /**
   * The council extends a 405 application's validity (有効期限の延長) before it ends: the case's new date and the
   * process's validity timer move together; refused for a case whose validity is no longer watched (an early plan, all
   * lenders' consent obtained, a case ended) and while the validity review task is open (the decision is taken there).
   */
  void extendValidity(CaseNumber number, java.time.LocalDate until, String reason, String userId);

  List<OpenTask> openTasks(CaseNumber number);

  /**
   * Completes a task with form values as the user, under the engine's authorizations; invalid values are refused and
   * the task stays open; a task claimed by someone else is refused.
   */
  void completeTask(String taskId, Map<String, Object> values, String userId);

  /** The user takes the task (Tasklist's claim), under the engine's authorizations. */
  void claimTask(String taskId, String userId);

  /**
   * What a task's document checklist needs: its model key and name, case, variables and creation time; empty for an
   * unknown task or one outside a case.
   */
  Optional<DocumentChecklist.TaskContext> documentContext(String taskId);

  /**
   * The task's form as the workspace renders it: its Camunda Form (JSON schema from forms/) and the values it starts
   * with; empty for an unknown task or one without a deployed form. The caller has checked that the user may see it.
   */
  Optional<TaskForm> taskForm(String taskId);

  /** The programme's application form (the start form's Camunda Form schema, JSON text); empty when it has none. */
  Optional<String> startForm(Programme programme);

  /** A task's Camunda Form schema (JSON text) and the values it opens with. */
  record TaskForm(String schema, Map<String, Object> values) {
  }

  /** The case a task belongs to, whoever may see it; empty for an unknown task. */
  Optional<CaseNumber> caseOfTask(String taskId);

  /**
   * A page of the user's inbox: open tasks offered to their groups or assigned to them, as the engine lets them see,
   * the earliest due first.
   */
  default List<OpenTask> inbox(String userId, int page, int size) {
    return inbox(userId, null, false, page, size);
  }

  /** The user's inbox, narrowed to one case when a case number is given; due first, or newest first. */
  List<OpenTask> inbox(String userId, CaseNumber only, boolean newestFirst, int page, int size);

  /** Counts beyond this are not counted exactly: the inbox says 「1,000件以上」. */
  int INBOX_COUNT_CAP = 1000;

  /**
   * How many tasks the user's inbox holds (narrowed to one case when given), counted up to {@link #INBOX_COUNT_CAP}
   * and one more: a result above the cap means "more than the cap".
   */
  long inboxCount(String userId, CaseNumber only);

  /**
   * What the engine knows of the case's process instances (the case's and its call activities'): each completed step
   * (who completed which task, when), the comments on its tasks, and the user operation log (claims, assignments,
   * starts, cancellations).
   */
  List<AuditEntry> engineAudit(CaseNumber number);

  /** Adds a comment to the task (as Tasklist's 「コメントを追加」 does), as the user; returns the comment's time. */
  java.time.Instant commentTask(String taskId, String message, String userId);

  /** Open tasks past their due date, oldest due first (councils null: every council). */
  List<OpenTask> overdueTasks(java.util.Set<String> councils, int max);

  /** Time per stage over finished user tasks, the most recent {@code sample} of them (councils null: all). */
  List<StageTime> stageTimes(java.util.Set<String> councils, int sample);
}
