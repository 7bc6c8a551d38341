package jp.keieikaizen.web;

import java.net.URI;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jp.keieikaizen.casefile.AuditEntry;
import jp.keieikaizen.casefile.CaseFileService;
import jp.keieikaizen.casefile.CaseNumber;
import jp.keieikaizen.casefile.CasePage;
import jp.keieikaizen.casefile.CaseSearch;
import jp.keieikaizen.casefile.CaseState;
import jp.keieikaizen.casefile.CaseWorkflow;
import jp.keieikaizen.casefile.OpenTask;
import jp.keieikaizen.casefile.Programme;
import jp.keieikaizen.common.FieldProblem;
import jp.keieikaizen.common.FormValues;
import jp.keieikaizen.common.InvalidInputException;
import jp.keieikaizen.council.CouncilService;
import jp.keieikaizen.security.CaseAccess;
import jp.keieikaizen.security.Caller;

/**
 * Cases: applications, the case list and page, a case's open tasks and audit trail (its timeline), withdrawal and
 * handover; comments on tasks; and the
 * caller's task inbox, claim and completion. Every case is checked against what the caller may see and do.
 */
@RestController
@RequestMapping("/api")
class CaseController {

  static final Pattern CASE_NUMBER_PREFIX = Pattern.compile("[0-9-]{1,12}");

  private final CaseWorkflow workflow;
  private final CaseViews views;
  private final CaseFileService cases;
  private final ApiCaller callers;

  CaseController(CaseWorkflow workflow, CaseViews views, CaseFileService cases, ApiCaller callers) {
    this.workflow = workflow;
    this.views = views;
    this.cases = cases;
    this.callers = callers;
  }

  @PostMapping("/early-plan/applications")
  ResponseEntity<Map<String, String>> apply(@RequestBody Map<String, Object> application, Principal user) {
    return start(Programme.EARLY_PLAN, application, user);
  }

  /** A 405 application; its {@code programme} field is PLAN_405 (通常枠) or PLAN_405_GL (中小版GL枠). */
  @PostMapping("/405/applications")
  ResponseEntity<Map<String, String>> apply405(@RequestBody Map<String, Object> application, Principal user) {
    return start(Programme.PLAN_405, application, user);
  }

  private ResponseEntity<Map<String, String>> start(Programme programme, Map<String, Object> application, Principal user) {
    CaseNumber number = callers.startCase(programme, application, user);
    return ResponseEntity.created(URI.create("/api/cases/" + number.value())).body(Map.of("caseNumber", number.value()));
  }

  /** The case list, within what the caller may see; filters are optional, newest case first. */
  @GetMapping("/cases")
  CasePage list(@RequestParam(required = false) String caseNumber, @RequestParam(required = false) String company,
      @RequestParam(required = false) String programme, @RequestParam(required = false) String state,
      @RequestParam(required = false) String council, @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "20") int size, Principal user) {
    List<FieldProblem> problems = new ArrayList<>();
    if (caseNumber != null && !CASE_NUMBER_PREFIX.matcher(caseNumber).matches()) {
      problems.add(new FieldProblem("caseNumber", "案件番号は数字とハイフン12文字以内で指定してください"));
    }
    if (company != null && (company.isBlank() || company.length() > 100)) {
      problems.add(new FieldProblem("company", "事業者名・法人番号は1〜100文字で指定してください"));
    }
    if (council != null && !CouncilService.CODE.matcher(council).matches()) {
      problems.add(new FieldProblem("council", "都道府県コード（01〜47）で指定してください"));
    }
    Programme p = enumOrProblem(Programme.class, programme, "programme", problems);
    CaseState s = enumOrProblem(CaseState.class, state, "state", problems);
    if (page < 0 || page > 100_000) {
      problems.add(new FieldProblem("page", "0〜100000で指定してください"));
    }
    if (size < 1 || size > CaseSearch.MAX_SIZE) {
      problems.add(new FieldProblem("size", "1〜" + CaseSearch.MAX_SIZE + "で指定してください"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    CaseAccess.Scope scope = callers.access().listScope(callers.of(user));
    return cases.search(new CaseSearch(scope.councils(), scope.agencyId(), caseNumber, company == null ? null : company.strip(),
        p, s, council, page, size));
  }

  @GetMapping("/cases/{caseNumber}")
  CaseView get(@PathVariable String caseNumber, Principal user) {
    Caller caller = callers.of(user);
    CaseView view = views.view(callers.visible(caseNumber, user));
    return caller.isAgency() && !caller.national() ? view.withOpenTasks(ownTasks(view.openTasks(), caller)) : view;
  }

  /** The case's open tasks; an agency sees only those offered or assigned to it. */
  @GetMapping("/cases/{caseNumber}/tasks")
  List<OpenTask> tasks(@PathVariable String caseNumber, Principal user) {
    Caller caller = callers.of(user);
    List<OpenTask> open = workflow.openTasks(callers.visible(caseNumber, user));
    return caller.isAgency() && !caller.national() ? ownTasks(open, caller) : open;
  }

  /** Who did what and when on the case: the application's timeline and the engine's user operation log. */
  @GetMapping("/cases/{caseNumber}/audit")
  List<AuditEntry> audit(@PathVariable String caseNumber, Principal user) {
    return views.audit(callers.visible(caseNumber, user));
  }

  @PostMapping("/cases/{caseNumber}/withdrawal")
  ResponseEntity<Void> withdraw(@PathVariable String caseNumber, @RequestBody Map<String, Object> body, Principal user) {
    workflow.withdraw(callers.workable(caseNumber, user), reason(body), user.getName());
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/cases/{caseNumber}/handover")
  ResponseEntity<Void> handOver(@PathVariable String caseNumber, @RequestBody Map<String, Object> body, Principal user) {
    workflow.handOver(callers.councilDecision(caseNumber, user), reason(body), user.getName());
    return ResponseEntity.noContent().build();
  }

  /**
   * The council's coordinator extends a 405 application's validity before it ends: {"newValidUntil": "YYYY-MM-DD",
   * "reason": "…"}; 409 when the case's validity is not watched any more or its review task is open.
   */
  @PostMapping("/cases/{caseNumber}/validity-extension")
  ResponseEntity<Void> extendValidity(@PathVariable String caseNumber, @RequestBody Map<String, Object> body,
      Principal user) {
    CaseNumber number = callers.councilDecision(caseNumber, user);
    FormValues form = new FormValues(body);
    java.time.LocalDate until = form.requiredDate(CaseWorkflow.NEW_VALID_UNTIL);
    String reason = form.requiredText("reason", 1000);
    form.validate();
    workflow.extendValidity(number, until, reason, user.getName());
    return ResponseEntity.noContent().build();
  }

  /** The reason of a withdrawal or handover: text only (true, a list or an object is refused, not read as "true"). */
  private static String reason(Map<String, Object> body) {
    FormValues form = new FormValues(body);
    String reason = form.requiredText("reason", 1000);
    form.validate();
    return reason;
  }

  /** The caller's inbox, a page at a time (size ≤ 200): tasks offered to their groups or assigned to them. */
  @GetMapping("/tasks")
  List<OpenTask> inbox(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
      Principal user) {
    callers.of(user);
    if (page < 0 || page > 100_000 || size < 1 || size > 200) {
      throw InvalidInputException.of(size < 1 || size > 200 ? "size" : "page", "page は0以上、size は1〜200で指定してください");
    }
    return workflow.inbox(user.getName(), page, size);
  }

  @PostMapping("/tasks/{taskId}/claim")
  ResponseEntity<Void> claim(@PathVariable String taskId, Principal user) {
    callers.workableTask(taskId, user);
    workflow.claimTask(taskId, user.getName());
    return ResponseEntity.noContent().build();
  }

  /** A comment on the task (body {@code {"message": "..."}}, up to 2000 characters), shown on the case's timeline. */
  @PostMapping("/tasks/{taskId}/comments")
  ResponseEntity<Map<String, Object>> comment(@PathVariable String taskId, @RequestBody Map<String, Object> body,
      Principal user) {
    callers.workableTask(taskId, user);
    Object message = body.get("message");
    if (!(message instanceof String)) {
      throw InvalidInputException.of("message", "コメントを文字列で入力してください");
    }
    java.time.Instant at = workflow.commentTask(taskId, (String) message, user.getName());
    return ResponseEntity.status(201).body(Map.of("taskId", taskId, "at", at.toString()));
  }

  @PostMapping("/tasks/{taskId}/complete")
  ResponseEntity<Void> complete(@PathVariable String taskId, @RequestBody Map<String, Object> values, Principal user) {
    callers.workableTask(taskId, user);
    workflow.completeTask(taskId, values, user.getName());
    return ResponseEntity.noContent().build();
  }



  private static List<OpenTask> ownTasks(List<OpenTask> tasks, Caller caller) {
    return tasks.stream().filter(t -> caller.userId().equals(t.assignee())
        || t.candidateGroups().stream().anyMatch(caller.groupIds()::contains)).toList();
  }

  private static <E extends Enum<E>> E enumOrProblem(Class<E> type, String value, String field, List<FieldProblem> problems) {
    if (value == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      problems.add(new FieldProblem(field, "選択肢から指定してください"));
      return null;
    }
  }
}
