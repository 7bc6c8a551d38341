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
import jp.keieikaizen.casefile.TaskFormHandler;
import jp.keieikaizen.casefile.TaskFormHandler.TaskInput;
import jp.keieikaizen.common.FormValues;

/**
 * On every user task's completion (added by {@link TaskFormPlugin}): the task's handler validates the submitted
 * fields and applies them to the case; the raw fields are then removed and only the handler's decisions kept.
 * An invalid submission throws, so the engine rolls back and the task stays open.
 */
@Component
class TaskFormListener implements TaskListener {

  private final Map<String, TaskFormHandler> handlers;

  TaskFormListener(List<TaskFormHandler> handlers) {
    this.handlers = handlers.stream().collect(Collectors.toMap(TaskFormHandler::taskKey, Function.identity()));
  }

  @Override
  public void notify(DelegateTask task) {
    TaskFormHandler handler = handlers.get(task.getTaskDefinitionKey());
    if (handler == null) {
      throw new IllegalStateException("no form handler for user task " + task.getTaskDefinitionKey());
    }
    Map<String, Object> submitted = new HashMap<>();
    handler.fields().forEach(f -> submitted.put(f, task.getVariable(f)));
    TaskInput input = new TaskInput(new CaseNumber(task.getExecution().getProcessBusinessKey()), new FormValues(submitted),
        task.getVariables(), currentUser(task));
    Map<String, Object> decisions = FormErrors.forEngine(() -> handler.complete(input));
    handler.fields().forEach(task::removeVariable);
    decisions.forEach((name, value) -> ProcessVariable.persist(task.getExecution(), name, Dates.forEngine(value)));
  }

  boolean handles(String taskKey) {
    return handlers.containsKey(taskKey);
  }

  private static String currentUser(DelegateTask task) {
    Authentication auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return auth == null ? null : auth.getUserId();
  }
}
