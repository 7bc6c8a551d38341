package jp.keieikaizen.process;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import jp.keieikaizen.casefile.CaseNumber;
import jp.keieikaizen.casefile.DocumentChecklist;
import jp.keieikaizen.casefile.TaskFormHandler;
import jp.keieikaizen.casefile.TaskFormHandler.TaskInput;
import jp.keieikaizen.common.FieldProblem;
import jp.keieikaizen.common.FormValues;
import jp.keieikaizen.common.InvalidInputException;

/**
 * On every user task's completion (added by {@link TaskFormPlugin}): the task's handler validates the submitted
 * fields and applies them to the case; the raw fields are then removed and only the handler's decisions kept.
 * The step's documents are checked first ({@link DocumentChecklist}); a missing one is reported together with the
 * form's own problems. An invalid submission throws, so the engine rolls back and the task stays open.
 */
@Component
class TaskFormListener implements TaskListener {

  private final Map<String, TaskFormHandler> handlers;
  private final DocumentChecklist documents;

  TaskFormListener(List<TaskFormHandler> handlers, DocumentChecklist documents) {
    this.handlers = handlers.stream().collect(Collectors.toMap(TaskFormHandler::taskKey, Function.identity()));
    this.documents = documents;
  }

  @Override
  public void notify(DelegateTask task) {
    TaskFormHandler handler = handlers.get(task.getTaskDefinitionKey());
    if (handler == null) {
      throw new IllegalStateException("no form handler for user task " + task.getTaskDefinitionKey());
    }
    Map<String, Object> given = Submission.of(task.getId());
    Map<String, Object> submitted = new HashMap<>();
    handler.fields().forEach(f -> submitted.put(f, given != null ? given.get(f) : task.getVariable(f)));
    TaskInput input = new TaskInput(new CaseNumber(task.getExecution().getProcessBusinessKey()), new FormValues(submitted),
        new ScopeVariables(task), currentUser(task));
    Map<String, Object> decisions = FormErrors.forEngine(() -> checkedCompletion(task, handler, input));
    if (given == null) { // fields that came as variables (Tasklist) are not kept
      handler.fields().forEach(task::removeVariable);
    }
    decisions.forEach((name, value) -> ProcessVariable.persist(task.getExecution(), name, Dates.forEngine(value)));
  }

  /**
   * Checks the step's documents, then lets the handler validate and apply the form. Missing documents are refused
   * with the form's own problems, if any; a handler that has already written is rolled back with the command.
   */
  private Map<String, Object> checkedCompletion(DelegateTask task, TaskFormHandler handler, TaskInput input) {
    InvalidInputException missing = null;
    try {
      documents.require(documentContext(task), input.form(), documentsPage(task.getId()));
    } catch (InvalidInputException e) {
      missing = e;
    }
    Map<String, Object> decisions;
    try {
      decisions = handler.complete(input);
    } catch (InvalidInputException invalid) {
      if (missing == null) {
        throw invalid;
      }
      List<FieldProblem> all = new java.util.ArrayList<>(invalid.problems());
      all.addAll(missing.problems());
      throw new InvalidInputException(all);
    }
    if (missing != null) {
      throw missing;
    }
    return decisions;
  }

  static DocumentChecklist.TaskContext documentContext(DelegateTask task) {
    return new DocumentChecklist.TaskContext(task.getId(), task.getTaskDefinitionKey(), task.getName(),
        new CaseNumber(task.getExecution().getProcessBusinessKey()), new ScopeVariables(task),
        task.getCreateTime().toInstant());
  }

  /**
   * A task's variables as a read-only map that reads them when asked: most steps read none, and the engine fetches
   * a scope's variables (a query per scope) only when one of them is read.
   */
  static final class ScopeVariables extends java.util.AbstractMap<String, Object> {
    private final org.camunda.bpm.engine.delegate.VariableScope scope;

    ScopeVariables(org.camunda.bpm.engine.delegate.VariableScope scope) {
      this.scope = scope;
    }

    @Override
    public Object get(Object name) {
      return name instanceof String variable ? scope.getVariable(variable) : null;
    }

    @Override
    public boolean containsKey(Object name) {
      return name instanceof String variable && scope.hasVariable(variable);
    }

    @Override
    public java.util.Set<Entry<String, Object>> entrySet() {
      return java.util.Collections.unmodifiableMap(scope.getVariables()).entrySet();
    }
  }

  /** The page where a task's documents are listed and uploaded, linked from each task form. */
  static String documentsPage(String taskId) {
    return "/app/tasks/" + taskId + "/documents";
  }

  boolean handles(String taskKey) {
    return handlers.containsKey(taskKey);
  }

  private static String currentUser(DelegateTask task) {
    Authentication auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return auth == null ? null : auth.getUserId();
  }
}
