package jp.keieikaizen.process;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import jp.keieikaizen.casefile.TaskFormHandler;
import jp.keieikaizen.common.FieldProblem;
import jp.keieikaizen.common.FormValues;
import jp.keieikaizen.security.Caller;

/**
 * The application's rules on a task that the engine's grants do not express, the same on every surface (/api and the
 * webapps' engine API): who may comment on it, to whom it may be assigned, and which fields its completion may carry.
 * A task the caller may not see is answered as an unknown one. The task and its candidate groups are read once per call
 * ({@link #seen}); every rule decides on that.
 */
@Component
class TaskAccess {

  private final TaskService tasks;
  private final IdentityService identity;
  private final org.springframework.beans.factory.ObjectProvider<TaskFormHandler> handlers;
  private volatile java.util.Map<String, Set<String>> fields;

  TaskAccess(TaskService tasks, IdentityService identity,
      org.springframework.beans.factory.ObjectProvider<TaskFormHandler> handlers) {
    this.tasks = tasks;
    this.identity = identity;
    this.handlers = handlers; // read on first use: some handlers depend on the workflow, which depends on this
  }

  /** A task and its candidate groups, read once per call; what the rules below decide on. */
  record SeenTask(Task task, List<String> candidates) {
  }

  /** The task if the caller may see it; null for one they may not see, answered exactly like an unknown one. */
  SeenTask seen(Caller caller, String taskId) {
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
    if (task == null) {
      return null;
    }
    SeenTask seen = new SeenTask(task, candidateGroups(task.getId()));
    return visible(caller, seen) ? seen : null;
  }

  /**
   * Comments: whoever may work the task (its candidate groups, its assignee) and the staff of its council; national
   * managers only read. Null when allowed.
   */
  EngineProblems.Problem refuseComment(Caller caller, SeenTask seen) {
    return mayComment(caller, seen) ? null
        : EngineProblems.forbidden("このタスクにコメントできるのは、担当できる人と協議会の職員だけです");
  }

  /**
   * Assignments: to oneself by whoever may work the task; to nobody by them or the council's staff; to someone else
   * only by the council's staff, and only to a member of one of the task's candidate groups. Null when allowed.
   */
  EngineProblems.Problem refuseAssignment(Caller caller, SeenTask seen, String assignee) {
    if (assignee == null) {
      return mayWork(caller, seen) || staffOfTask(caller, seen.task()) ? null
          : EngineProblems.forbidden("このタスクの担当を外す権限がありません");
    }
    if (assignee.equals(caller.userId())) {
      return mayWork(caller, seen) ? null : EngineProblems.forbidden("このタスクを担当できるのは候補グループのメンバーだけです");
    }
    boolean candidate = seen.candidates().stream()
        .anyMatch(g -> identity.createUserQuery().userId(assignee).memberOfGroup(g).count() > 0);
    return staffOfTask(caller, seen.task()) && candidate ? null
        : EngineProblems.forbidden("タスクは、協議会の職員が候補グループのメンバーにだけ割り当てられます");
  }

  /**
   * Claims by whoever may work the task; unclaims by them or the staff of its council. Null when allowed.
   */
  EngineProblems.Problem refuseWork(Caller caller, SeenTask seen, boolean claim) {
    return mayWork(caller, seen) || !claim && staffOfTask(caller, seen.task()) ? null
        : EngineProblems.forbidden("このタスクを担当する権限がありません");
  }

  /**
   * Whether the user may complete or claim the task: its assignee, or a member of one of its candidate groups when no
   * one has it (the engine's grants let a council's staff work any task of their council: CouncilTaskGrants).
   */
  boolean mayWork(Caller caller, Task task) {
    return caller.admin() || mayWork(caller, new SeenTask(task, candidateGroups(task.getId())));
  }

  /**
   * A completion by whoever may work the task (its candidate groups, its assignee), carrying only its form's fields;
   * any other variable (a routing id, a decision) is refused.
   */
  EngineProblems.Problem refuseFields(Caller caller, SeenTask seen, Set<String> submitted) {
    if (!mayWork(caller, seen)) {
      return EngineProblems.forbidden("このタスクを完了できるのは、担当できる人だけです");
    }
    List<FieldProblem> unknown = unknownFields(seen.task().getTaskDefinitionKey(), submitted);
    return unknown.isEmpty() ? null : EngineProblems.invalid(unknown);
  }

  /** A task's comments, as the engine's REST API lists them (Tasklist's comment tab). */
  List<Map<String, Object>> comments(String taskId) {
    return tasks.getTaskComments(taskId).stream().map(TaskAccess::commentView).toList();
  }

  /**
   * Adds a comment (up to 2000 characters) as the user, on /api and in Tasklist alike, after the caller's right to
   * comment was checked. Tasklist's comments are written here because the engine's own resource looks the task up in
   * history, which agencies may not read.
   */
  Comment addComment(String userId, Task task, Object message) {
    FormValues form = new FormValues(java.util.Collections.singletonMap("message", message));
    String text = form.requiredText("message", 2000);
    form.validate();
    identity.setAuthenticatedUserId(userId);
    try {
      return tasks.createComment(task.getId(), task.getProcessInstanceId(), text);
    } finally {
      identity.clearAuthentication();
    }
  }

  /** A comment in the shape of the engine's REST API. */
  static Map<String, Object> commentView(Comment c) {
    Map<String, Object> dto = new java.util.LinkedHashMap<>();
    dto.put("id", c.getId());
    dto.put("userId", c.getUserId());
    dto.put("time", new java.text.SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ").format(c.getTime()));
    dto.put("taskId", c.getTaskId());
    dto.put("processInstanceId", c.getProcessInstanceId());
    dto.put("rootProcessInstanceId", c.getRootProcessInstanceId());
    dto.put("message", c.getFullMessage());
    return dto;
  }

  List<FieldProblem> unknownFields(String taskKey, Set<String> submitted) {
    if (fields == null) {
      fields = handlers.stream().collect(java.util.stream.Collectors.toUnmodifiableMap(TaskFormHandler::taskKey,
          h -> Set.copyOf(h.fields())));
    }
    Set<String> allowed = fields.getOrDefault(taskKey, Set.of());
    return new TreeSet<>(submitted).stream().filter(name -> !allowed.contains(name))
        .map(name -> new FieldProblem(name, "このタスクの入力項目ではありません")).toList();
  }

  boolean mayComment(Caller caller, Task task) {
    return mayComment(caller, new SeenTask(task, candidateGroups(task.getId())));
  }

  private boolean mayComment(Caller caller, SeenTask seen) {
    return caller.admin() || (!caller.manager() && (mayWork(caller, seen) || staffOfTask(caller, seen.task())));
  }

  private static boolean visible(Caller caller, SeenTask seen) {
    if (caller.admin() || caller.manager()) {
      return true;
    }
    String tenant = seen.task().getTenantId();
    return (tenant == null || caller.tenantIds().contains(tenant))
        && (staffOfTask(caller, seen.task()) || mayWork(caller, seen));
  }

  private static boolean mayWork(Caller caller, SeenTask seen) {
    return caller.userId().equals(seen.task().getAssignee())
        || seen.candidates().stream().anyMatch(caller.groupIds()::contains);
  }

  private static boolean staffOfTask(Caller caller, Task task) {
    return task.getTenantId() != null && caller.staffOf(task.getTenantId());
  }

  private List<String> candidateGroups(String taskId) {
    return tasks.getIdentityLinksForTask(taskId).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null).map(l -> l.getGroupId())
        .toList();
  }
}
