package jp.keieikaizen.process;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jp.keieikaizen.casefile.CaseFileService;
import jp.keieikaizen.casefile.CaseNumber;
import jp.keieikaizen.casefile.CaseState;
import jp.keieikaizen.casefile.CaseWorkflow;
import jp.keieikaizen.casefile.OpenTask;
import jp.keieikaizen.casefile.Programme;
import jp.keieikaizen.common.ConflictException;
import jp.keieikaizen.common.InvalidInputException;
import jp.keieikaizen.common.NotFoundException;

/** The one place that drives the engine: start by application, correlate and query by case number. */
@Service
class CamundaCaseWorkflow implements CaseWorkflow {

  private static final Map<Programme, String> PROCESS_KEYS = Map.of(Programme.EARLY_PLAN, CaseProcess.EARLY_PLAN,
      Programme.PLAN_405, CaseProcess.PLAN_405, Programme.PLAN_405_GL, CaseProcess.PLAN_405);

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final IdentityService identity;
  private final CaseFileService cases;

  CamundaCaseWorkflow(RuntimeService runtime, TaskService tasks, IdentityService identity, CaseFileService cases) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.identity = identity;
    this.cases = cases;
  }

  @Override
  public CaseNumber submitApplication(Programme programme, Map<String, Object> applicationValues, String initiator) {
    String key = PROCESS_KEYS.get(programme);
    if (key == null) {
      throw InvalidInputException.of("programme", programme.label() + " はまだ受け付けていません");
    }
    return asUser(initiator, () -> {
      try {
        return new CaseNumber(runtime.startProcessInstanceByKey(key, new HashMap<>(applicationValues)).getBusinessKey());
      } catch (ProcessEngineException e) {
        throw unwrapped(e);
      }
    });
  }

  @Override
  @Transactional
  public void withdraw(CaseNumber number, String reason, String userId) {
    end(number, CaseState.WITHDRAWN, CaseProcess.Messages.CASE_WITHDRAWN, reason, userId, "取下げ");
  }

  @Override
  @Transactional
  public void handOver(CaseNumber number, String reason, String userId) {
    end(number, CaseState.TAKEN_OVER, CaseProcess.Messages.CASE_HANDED_OVER, reason, userId, "引継ぎ");
  }

  /** Records the end on the case, then ends its process by message; a case that cannot end so is left unchanged. */
  private void end(CaseNumber number, CaseState state, String message, String reason, String userId, String label) {
    if (reason == null || reason.isBlank() || reason.length() > 1000) {
      throw InvalidInputException.of("reason", label + "の理由を1000文字以内で入力してください");
    }
    cases.end(number, state, userId, reason.strip());
    try {
      runtime.createMessageCorrelation(message).processInstanceBusinessKey(number.value()).correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      throw new ConflictException("案件 " + number + " は" + label + "できる状態ではありません");
    }
  }

  @Override
  public List<OpenTask> openTasks(CaseNumber number) {
    return tasks.createTaskQuery().processInstanceBusinessKey(number.value()).initializeFormKeys().orderByTaskCreateTime()
        .asc().list().stream().map(t -> toOpenTask(t, number)).toList();
  }

  @Override
  public void completeTask(String taskId, Map<String, Object> values, String userId) {
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
    if (task == null) {
      throw new NotFoundException("タスク " + taskId + " はありません（完了済みの可能性があります）");
    }
    asUser(userId, () -> {
      try {
        tasks.complete(taskId, new HashMap<>(values));
        return null;
      } catch (ProcessEngineException e) {
        throw unwrapped(e);
      }
    });
  }

  private OpenTask toOpenTask(Task task, CaseNumber number) {
    List<String> groups = tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(l -> l.getGroupId()).toList();
    return new OpenTask(task.getId(), task.getTaskDefinitionKey(), task.getName(), number.value(), groups,
        task.getAssignee(), task.getCreateTime().toInstant(), task.getDueDate() == null ? null : task.getDueDate().toInstant());
  }

  private <T> T asUser(String userId, java.util.function.Supplier<T> action) {
    if (userId == null) {
      return action.get();
    }
    identity.setAuthenticatedUserId(userId);
    try {
      return action.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  private static RuntimeException unwrapped(ProcessEngineException e) {
    InvalidInputException invalid = FormErrors.find(e);
    return invalid != null ? invalid : e;
  }
}
