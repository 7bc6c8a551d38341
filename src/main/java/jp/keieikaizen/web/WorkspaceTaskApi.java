package jp.keieikaizen.web;

import java.io.IOException;
import java.security.Principal;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.ObjectMapper;

import jp.keieikaizen.casefile.CaseNumber;
import jp.keieikaizen.casefile.CaseWorkflow;
import jp.keieikaizen.casefile.OpenTask;
import jp.keieikaizen.security.Caller;

/**
 * What the workspace's task page calls on its session (CSRF token in a header): the form and its completion. Refusals
 * are problem+json ({@link ApiExceptionHandler}), a 400 with each field and its rule, which the page shows at the field.
 */
@RestController
class WorkspaceTaskApi {

  private final ApiCaller callers;
  private final CaseWorkflow workflow;
  private final ObjectMapper json;
  private final StepContext steps;

  WorkspaceTaskApi(ApiCaller callers, CaseWorkflow workflow, ObjectMapper json, StepContext steps) {
    this.callers = callers;
    this.workflow = workflow;
    this.json = json;
    this.steps = steps;
  }

  /**
   * The task's form schema with the choices the case allows, and the values it opens with (its variables and what the
   * step takes from the case record, e.g. a returned claim as filed), for form-js.
   */
  @GetMapping(path = "/app/tasks/{taskId}/form", produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> form(@PathVariable String taskId, Principal user) throws IOException {
    CaseNumber number = callers.visibleTask(taskId, user);
    OpenTask task = callers.openTask(number, taskId);
    CaseWorkflow.TaskForm form = workflow.taskForm(taskId).orElseThrow(() -> ApiCaller.unknownTask(taskId));
    return Map.of("schema", steps.tailor(task, json.readTree(form.schema()), form.values()),
        "values", steps.values(task, number, form.values()));
  }

  /**
   * Completes the task with the form's values (JSON), under the same rules as /api: 400 problem+json naming each
   * field and its rule, 403/409 with the reason. The answer names the user's next task of the case, if there is one.
   */
  @PostMapping(path = "/app/tasks/{taskId}/complete", produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> complete(@PathVariable String taskId, @RequestBody Map<String, Object> values, Principal user) {
    CaseNumber number = callers.workableTask(taskId, user);
    workflow.completeTask(taskId, values, user.getName());
    Caller caller = callers.of(user);
    String next = workflow.openTasks(number).stream().filter(t -> WorkspacePage.mayWork(caller, t)).map(OpenTask::id).findFirst()
        .orElse(null);
    String done = "?done=" + number.value();
    return Map.of("caseNumber", number.value(), "location", next == null ? "/app/inbox" + done : "/app/tasks/" + next + done);
  }

}
