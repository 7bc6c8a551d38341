package jp.keieikaizen.web;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jp.keieikaizen.casefile.CaseNumber;
import jp.keieikaizen.casefile.CaseWorkflow;
import jp.keieikaizen.casefile.OpenTask;
import jp.keieikaizen.casefile.Programme;
import jp.keieikaizen.common.NotFoundException;

/** Cases: a new early-plan application, a case page, its open tasks, withdrawal, and task completion. */
@RestController
@RequestMapping("/api")
class CaseController {

  private final CaseWorkflow workflow;
  private final CaseViews views;

  CaseController(CaseWorkflow workflow, CaseViews views) {
    this.workflow = workflow;
    this.views = views;
  }

  @PostMapping("/early-plan/applications")
  ResponseEntity<Map<String, String>> apply(@RequestBody Map<String, Object> application, Principal user) {
    CaseNumber number = workflow.submitApplication(Programme.EARLY_PLAN, application, name(user));
    return ResponseEntity.created(URI.create("/api/cases/" + number.value())).body(Map.of("caseNumber", number.value()));
  }

  /** A 405 application; its {@code programme} field is PLAN_405 (通常枠) or PLAN_405_GL (中小版GL枠). */
  @PostMapping("/405/applications")
  ResponseEntity<Map<String, String>> apply405(@RequestBody Map<String, Object> application, Principal user) {
    CaseNumber number = workflow.submitApplication(Programme.PLAN_405, application, name(user));
    return ResponseEntity.created(URI.create("/api/cases/" + number.value())).body(Map.of("caseNumber", number.value()));
  }

  @GetMapping("/cases/{caseNumber}")
  CaseView get(@PathVariable String caseNumber) {
    return views.view(parse(caseNumber));
  }

  @GetMapping("/cases/{caseNumber}/tasks")
  List<OpenTask> tasks(@PathVariable String caseNumber) {
    return workflow.openTasks(parse(caseNumber));
  }

  @PostMapping("/cases/{caseNumber}/withdrawal")
  ResponseEntity<Void> withdraw(@PathVariable String caseNumber, @RequestBody Map<String, String> body, Principal user) {
    workflow.withdraw(parse(caseNumber), body.get("reason"), name(user));
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/cases/{caseNumber}/handover")
  ResponseEntity<Void> handOver(@PathVariable String caseNumber, @RequestBody Map<String, String> body, Principal user) {
    workflow.handOver(parse(caseNumber), body.get("reason"), name(user));
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/tasks/{taskId}/complete")
  ResponseEntity<Void> complete(@PathVariable String taskId, @RequestBody Map<String, Object> values, Principal user) {
    workflow.completeTask(taskId, values, name(user));
    return ResponseEntity.noContent().build();
  }

  static CaseNumber parse(String caseNumber) {
    try {
      return new CaseNumber(caseNumber);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("案件 " + caseNumber + " はありません");
    }
  }

  static String name(Principal user) {
    return user == null ? null : user.getName();
  }
}
