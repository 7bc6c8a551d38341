package jp.keieikaizen.web;

import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jp.keieikaizen.casefile.CaseNumber;
import jp.keieikaizen.casefile.CaseWorkflow;
import jp.keieikaizen.common.ConflictException;
import jp.keieikaizen.common.FieldProblem;
import jp.keieikaizen.common.ForbiddenException;
import jp.keieikaizen.common.FormValues;
import jp.keieikaizen.common.InvalidInputException;
import jp.keieikaizen.common.NotFoundException;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The case page's actions (#14): 取下げ by the lead agency or the council's staff, 引継ぎ by the council's
 * coordinator, each with a reason and a confirmation, under the same rules as /api; and its documents' downloads. A refusal goes back to the case
 * page with the rule it broke; a case the user may not act on is the Japanese 403/404 page.
 */
@Controller
class CaseActionPage {

  private final ApiCaller callers;
  private final CaseWorkflow workflow;
  private final DocumentController documents;

  CaseActionPage(ApiCaller callers, CaseWorkflow workflow, DocumentController documents) {
    this.callers = callers;
    this.workflow = workflow;
    this.documents = documents;
  }

  /** A case's document, downloaded on the page's session (the same rules as /api: whoever may see the case). */
  @org.springframework.web.bind.annotation.GetMapping("/app/cases/{caseNumber}/documents/{documentId}")
  org.springframework.http.ResponseEntity<byte[]> document(@PathVariable String caseNumber, @PathVariable long documentId,
      Principal user) {
    return documents.download(caseNumber, documentId, user);
  }

  @PostMapping("/app/cases/{caseNumber}/withdrawal")
  String withdraw(@PathVariable String caseNumber, @RequestParam Map<String, String> form, Principal user,
      RedirectAttributes redirect) {
    CaseNumber number = callers.workable(caseNumber, user);
    return act(number, form, redirect, "取下げを記録しました。案件は終了しました。",
        reason -> workflow.withdraw(number, reason, user.getName()));
  }

  @PostMapping("/app/cases/{caseNumber}/handover")
  String handOver(@PathVariable String caseNumber, @RequestParam Map<String, String> form, Principal user,
      RedirectAttributes redirect) {
    CaseNumber number = callers.councilDecision(caseNumber, user);
    return act(number, form, redirect, "引継ぎを記録しました。",
        reason -> workflow.handOver(number, reason, user.getName()));
  }

  /** 有効期限の延長 of a 405 application by the council's coordinator, with the new date, a reason and a confirmation. */
  @PostMapping("/app/cases/{caseNumber}/validity-extension")
  String extendValidity(@PathVariable String caseNumber, @RequestParam Map<String, String> form, Principal user,
      RedirectAttributes redirect) {
    CaseNumber number = callers.councilDecision(caseNumber, user);
    FormValues values = new FormValues(Map.copyOf(withoutBlank(form)));
    java.time.LocalDate until = values.requiredDate(CaseWorkflow.NEW_VALID_UNTIL);
    return act(number, values, form, redirect, "利用申請の有効期限を " + until + " まで延長しました。",
        reason -> workflow.extendValidity(number, until, reason, user.getName()));
  }

  private static String act(CaseNumber number, Map<String, String> form, RedirectAttributes redirect, String done,
      java.util.function.Consumer<String> action) {
    return act(number, new FormValues(Map.copyOf(withoutBlank(form))), form, redirect, done, action);
  }

  private static String act(CaseNumber number, FormValues values, Map<String, String> form, RedirectAttributes redirect,
      String done, java.util.function.Consumer<String> action) {
    String reason = values.requiredText("reason", 1000);
    if (!"yes".equals(form.get("confirm"))) {
      values.problem("confirm", "内容を確かめたら「確認しました」にチェックを入れてください");
    }
    try {
      values.validate();
      action.accept(reason);
      redirect.addFlashAttribute("actionDone", done);
    } catch (InvalidInputException e) {
      redirect.addFlashAttribute("actionProblems", e.problems());
    } catch (ConflictException e) {
      redirect.addFlashAttribute("actionProblems", List.of(new FieldProblem("case", e.getMessage())));
    }
    return "redirect:/app/cases/" + number.value();
  }

  private static Map<String, String> withoutBlank(Map<String, String> form) {
    Map<String, String> copy = new java.util.HashMap<>(form);
    copy.remove("_csrf");
    copy.values().removeIf(v -> v == null || v.isBlank());
    return copy;
  }

  @ExceptionHandler({NotFoundException.class, ForbiddenException.class})
  void refused(RuntimeException e, HttpServletResponse response) throws IOException {
    response.sendError(e instanceof NotFoundException ? 404 : 403);
  }
}
