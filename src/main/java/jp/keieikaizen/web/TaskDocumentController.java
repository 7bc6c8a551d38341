package jp.keieikaizen.web;

import java.security.Principal;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import jp.keieikaizen.casefile.CaseWorkflow;
import jp.keieikaizen.casefile.DocumentChecklist;
import jp.keieikaizen.casefile.DocumentChecklist.Line;
import jp.keieikaizen.casefile.DocumentService;
import jp.keieikaizen.casefile.DocumentType;

/**
 * A task's document checklist: what the step needs, what the case has filed for each line, and the case's documents.
 * The task cannot be completed while a line that applies is unmet; uploads go to {@code POST
 * /api/cases/{caseNumber}/documents} with the line's type, step and subject (or through the task's document page).
 */
@RestController
class TaskDocumentController {

  /** One checklist line; {@code condition} says when it applies ("受理するとき"), null when always. */
  record LineView(String label, String type, String typeLabel, List<String> acceptedTypes, String step,
      String subject, int required, int filed, boolean satisfied, String condition, String issuedSince) {
    static LineView of(Line line) {
      DocumentChecklist.Requirement r = line.requirement();
      return new LineView(r.label(), r.type().name(), r.type().label(),
          r.types().stream().map(DocumentType::name).toList(), r.slot().step(), r.slot().subject(), r.count(),
          line.filed(), line.satisfied(), r.condition(), r.issuedSince() == null ? null : r.issuedSince().toString());
    }
  }

  record TaskDocumentsView(String taskId, String taskName, String taskKey, String caseNumber, boolean complete,
      List<LineView> lines, List<DocumentController.DocumentInfo> documents) {
  }

  private final CaseWorkflow workflow;
  private final DocumentChecklist checklist;
  private final DocumentService documents;
  private final ApiCaller callers;

  TaskDocumentController(CaseWorkflow workflow, DocumentChecklist checklist, DocumentService documents,
      ApiCaller callers) {
    this.workflow = workflow;
    this.checklist = checklist;
    this.documents = documents;
    this.callers = callers;
  }

  @GetMapping("/api/tasks/{taskId}/documents")
  TaskDocumentsView documents(@PathVariable String taskId, Principal user) {
    return view(taskId, user);
  }

  /** The task's checklist for a caller who may see its case (404 otherwise, as for an unknown or completed task). */
  TaskDocumentsView view(String taskId, Principal user) {
    return view(visibleTask(taskId, user));
  }

  /** The task as its checklist needs it, when the caller may see its case. */
  DocumentChecklist.TaskContext visibleTask(String taskId, Principal user) {
    callers.visibleTask(taskId, user);
    return workflow.documentContext(taskId).orElseThrow(() -> ApiCaller.unknownTask(taskId));
  }

  TaskDocumentsView view(DocumentChecklist.TaskContext task) {
    List<LineView> lines = checklist.lines(task).stream().map(LineView::of).toList();
    return new TaskDocumentsView(task.taskId(), task.name(), task.taskKey(), task.caseNumber().toString(),
        lines.stream().allMatch(LineView::satisfied), lines,
        documents.list(task.caseNumber()).stream().map(DocumentController.DocumentInfo::of).toList());
  }
}
