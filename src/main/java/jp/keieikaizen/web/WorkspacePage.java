package jp.keieikaizen.web;

import java.io.IOException;
import java.security.Principal;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jp.keieikaizen.casefile.CaseNumber;
import jp.keieikaizen.casefile.CaseWorkflow;
import jp.keieikaizen.casefile.OpenTask;
import jp.keieikaizen.common.ForbiddenException;
import jp.keieikaizen.common.InvalidInputException;
import jp.keieikaizen.common.NotFoundException;
import jp.keieikaizen.security.Caller;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The workspace (#14): the user's inbox and a task's page, where the step's Camunda Form (from forms/) is rendered
 * with form-js beside the case it belongs to and the documents it needs, on the one login's session. The form is
 * completed through the same rules as /api (the server's refusals come back per field, in Japanese, and the page shows
 * each at its field); the answer names the user's next task of the case, if any, or the page goes back to the inbox.
 */
@Controller
class WorkspacePage {

  static final int PAGE_SIZE = 30;

  private final ApiCaller callers;
  private final CaseWorkflow workflow;
  private final CaseViews views;
  private final TaskDocumentController checklists;
  private final StepContext steps;

  WorkspacePage(ApiCaller callers, CaseWorkflow workflow, CaseViews views, TaskDocumentController checklists,
      StepContext steps) {
    this.callers = callers;
    this.workflow = workflow;
    this.views = views;
    this.checklists = checklists;
    this.steps = steps;
  }

  /**
   * The user's open tasks: their groups' and their own, due first or newest first, narrowed by case number, with
   * their count, a page at a time; several can be claimed at once.
   */
  @GetMapping("/app/inbox")
  String inbox(@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) String done,
      @RequestParam(required = false) String q, @RequestParam(defaultValue = "due") String sort, Model model,
      Principal user) {
    Caller caller = callers.of(user);
    model.addAttribute("completed", completed(done));
    int p = Math.max(0, Math.min(page, 10_000));
    String search = q == null ? "" : q.strip();
    CaseNumber only = null;
    if (!search.isEmpty()) {
      if (!CaseNumber.FORMAT.matcher(search).matches()) {
        model.addAttribute("searchProblem", "案件番号（例：13-2026-0001）で検索してください");
      } else {
        only = new CaseNumber(search);
      }
    }
    boolean newest = "newest".equals(sort);
    boolean searching = search.isEmpty() || only != null;
    List<OpenTask> tasks = searching ? workflow.inbox(user.getName(), only, newest, p, PAGE_SIZE + 1) : List.of();
    model.addAttribute("q", search);
    model.addAttribute("sort", newest ? "newest" : "due");
    // a page that is not full is the last one: its rows say how many there are, and the count query is not needed
    long total = !searching ? 0L : tasks.size() <= PAGE_SIZE && (p == 0 || !tasks.isEmpty())
        ? (long) p * PAGE_SIZE + tasks.size()
        : workflow.inboxCount(user.getName(), only);
    model.addAttribute("total", total);
    model.addAttribute("totalText", total > CaseWorkflow.INBOX_COUNT_CAP
        ? String.format("%,d 件以上", CaseWorkflow.INBOX_COUNT_CAP) : String.format("%,d 件", total));
    model.addAttribute("caller", caller);
    model.addAttribute("tasks", tasks.subList(0, Math.min(PAGE_SIZE, tasks.size())));
    model.addAttribute("page", p);
    model.addAttribute("hasNext", tasks.size() > PAGE_SIZE);
    return "inbox";
  }

  /** Claims the chosen tasks (each one the user may see and work), then back to the inbox with how many it took. */
  @PostMapping("/app/inbox/claim")
  String claimChosen(@RequestParam(name = "task", required = false) List<String> chosen, Principal user,
      org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
    List<String> ids = chosen == null ? List.of() : chosen.stream().distinct().limit(PAGE_SIZE).toList();
    if (ids.isEmpty()) {
      redirect.addFlashAttribute("claimProblem", "担当するタスクを選んでください");
      return "redirect:/app/inbox";
    }
    int claimed = 0;
    List<String> refused = new java.util.ArrayList<>();
    for (String id : ids) {
      try {
        callers.workableTask(id, user);
        workflow.claimTask(id, user.getName());
        claimed++;
      } catch (RuntimeException e) { // unknown, someone else's, already taken: the others still go through
        refused.add(e.getMessage());
      }
    }
    redirect.addFlashAttribute("claimed", claimed + "件のタスクを担当しました。"
        + (refused.isEmpty() ? "" : "担当できなかったもの：" + refused.size() + "件（" + String.join("／", refused) + "）"));
    return "redirect:/app/inbox";
  }

  /** A task's page: the case beside the form, the documents the step needs, claim when nobody has it yet. */
  @GetMapping("/app/tasks/{taskId}")
  String task(@PathVariable String taskId, @RequestParam(required = false) String done, Model model, Principal user)
      throws IOException {
    Caller caller = callers.of(user);
    model.addAttribute("completed", done == null ? null : completed(done) + "続けて、この案件の次のタスクです。");
    CaseNumber number = callers.visibleTask(taskId, user);
    OpenTask task = callers.openTask(number, taskId);
    java.util.Optional<CaseWorkflow.TaskForm> form = workflow.taskForm(taskId);
    model.addAttribute("caller", caller);
    model.addAttribute("task", task);
    model.addAttribute("mine", caller.userId().equals(task.assignee()));
    model.addAttribute("claimable", task.assignee() == null && mayWork(caller, task));
    model.addAttribute("view", views.view(number));
    model.addAttribute("documents", checklists.view(taskId, user));
    model.addAttribute("hasForm", form.isPresent());
    model.addAttribute("facts", steps.facts(task, number, form.map(CaseWorkflow.TaskForm::values).orElse(java.util.Map.of())));
    return "task";
  }


  /** The confirmation after a completion, for a well-formed case number only. */
  private static String completed(String caseNumber) {
    return caseNumber != null && CaseNumber.FORMAT.matcher(caseNumber).matches()
        ? "案件 " + caseNumber + " のタスクを完了しました。" : null;
  }

  @PostMapping("/app/tasks/{taskId}/claim")
  String claim(@PathVariable String taskId, Principal user) {
    callers.workableTask(taskId, user);
    workflow.claimTask(taskId, user.getName());
    return "redirect:/app/tasks/" + taskId;
  }

  static boolean mayWork(Caller caller, OpenTask task) {
    return caller.userId().equals(task.assignee()) || (task.assignee() == null
        && task.candidateGroups().stream().anyMatch(caller.groupIds()::contains));
  }

  /** A page the user may not open, or that does not exist: the Japanese error page, as for any other address. */
  @ExceptionHandler({NotFoundException.class, ForbiddenException.class, InvalidInputException.class})
  void refused(RuntimeException e, HttpServletResponse response) throws IOException {
    response.sendError(e instanceof NotFoundException ? 404 : e instanceof ForbiddenException ? 403 : 400);
  }
}
