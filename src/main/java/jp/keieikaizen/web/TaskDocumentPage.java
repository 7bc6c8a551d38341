package jp.keieikaizen.web;

import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jp.keieikaizen.casefile.CaseDocument;
import jp.keieikaizen.common.InvalidInputException;

/**
 * A task's document page, linked from every task form in Tasklist and from the case page: the step's checklist with
 * what is filed for each line, an upload form for each line, and the case's documents. A refused upload stays on the
 * page with the rule it broke.
 */
@Controller
class TaskDocumentPage {

  private final TaskDocumentController checklists;
  private final DocumentController documents;
  private final ApiCaller callers;

  TaskDocumentPage(TaskDocumentController checklists, DocumentController documents, ApiCaller callers) {
    this.checklists = checklists;
    this.documents = documents;
    this.callers = callers;
  }

  @GetMapping("/app/tasks/{taskId}/documents")
  String page(@PathVariable String taskId, Model model, Principal user) {
    return show(checklists.view(taskId, user), model, user);
  }

  @PostMapping("/app/tasks/{taskId}/documents")
  String upload(@PathVariable String taskId, @RequestParam Map<String, String> form,
      @RequestPart(name = "file", required = false) List<MultipartFile> file, Model model, Principal user,
      RedirectAttributes redirect) throws IOException {
    var task = checklists.visibleTask(taskId, user);
    try {
      List<MultipartFile> files = file == null ? List.of() : file.stream().filter(f -> !f.isEmpty()).toList();
      if (files.isEmpty()) {
        throw InvalidInputException.of("file", "登録するファイルを選んでください");
      }
      List<CaseDocument> saved = documents.storeAll(callers.workable(task.caseNumber().toString(), user),
          form.get("type"), form.get("step"), form.get("subject"), form.get("issuedOn"), files, user);
      redirect.addFlashAttribute("saved", DocumentController.savedText(saved));
      return "redirect:" + back(form, task);
    } catch (InvalidInputException e) {
      if (form.get("back") != null) { // the workspace's page shows the refusal above its checklist
        redirect.addFlashAttribute("problems", e.problems());
        return "redirect:" + back(form, task);
      }
      model.addAttribute("problems", e.problems());
      return show(checklists.view(task), model, user);
    }
  }

  /** An upload goes back to the page it came from: the workspace's task page, or this one. */
  private static String back(Map<String, String> form, jp.keieikaizen.casefile.DocumentChecklist.TaskContext task) {
    return switch (String.valueOf(form.get("back"))) {
      case "task" -> "/app/tasks/" + task.taskId();
      default -> "/app/tasks/" + task.taskId() + "/documents";
    };
  }

  private String show(TaskDocumentController.TaskDocumentsView task, Model model, Principal user) {
    model.addAttribute("caller", callers.of(user));
    model.addAttribute("task", task);
    return "task-documents";
  }
}
