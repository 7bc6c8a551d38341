package jp.keieikaizen.system;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import jp.keieikaizen.casefile.CaseWorkflow;
import jp.keieikaizen.casefile.DocumentChecklist;
import jp.keieikaizen.casefile.DocumentService;

/**
 * Files what a task's checklist still lacks, as an agency or coordinator would before completing it: one small PDF per
 * missing document, under the line's type, step and subject (a register extract dated the earliest day it may be).
 */
public final class TestDocuments {

  public static final byte[] PDF = "%PDF-1.4\n試験用の書類\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

  private TestDocuments() {
  }

  /** Through the REST API as {@code http}'s user; returns how many files were uploaded. */
  @SuppressWarnings("unchecked")
  public static int provide(TestRestTemplate http, String taskId) {
    return provide(http, taskId, java.util.Set.of());
  }

  /** As {@link #provide(TestRestTemplate, String)}, leaving out the lines of the given document types. */
  public static int provide(TestRestTemplate http, String taskId, java.util.Set<String> except) {
    ResponseEntity<Map> view = http.getForEntity("/api/tasks/" + taskId + "/documents", Map.class);
    if (view.getStatusCode().value() != 200) {
      throw new IllegalStateException("checklist of task " + taskId + ": " + view.getStatusCode() + " " + view.getBody());
    }
    String caseNumber = (String) view.getBody().get("caseNumber");
    int uploaded = 0;
    for (Map<String, Object> line : (List<Map<String, Object>>) view.getBody().get("lines")) {
      if (except.contains(line.get("type"))) {
        continue;
      }
      int missing = ((Number) line.get("required")).intValue() - ((Number) line.get("filed")).intValue();
      for (int i = 0; i < missing; i++) {
        ResponseEntity<Map> saved = upload(http, caseNumber, (String) line.get("type"), (String) line.get("step"),
            (String) line.get("subject"), (String) line.get("issuedSince"), line.get("type") + "-" + i + ".pdf");
        if (saved.getStatusCode().value() != 201) {
          throw new IllegalStateException("upload for " + line.get("label") + ": " + saved.getStatusCode() + " "
              + saved.getBody());
        }
        uploaded++;
      }
    }
    return uploaded;
  }

  /** One PDF through {@code POST /api/cases/{n}/documents}. */
  public static ResponseEntity<Map> upload(TestRestTemplate http, String caseNumber, String type, String step,
      String subject, String issuedOn, String fileName) {
    return upload(http, caseNumber, type, step, subject, issuedOn, fileName, MediaType.APPLICATION_PDF, PDF);
  }

  /** Any file through {@code POST /api/cases/{n}/documents}, as a browser or client would send it. */
  public static ResponseEntity<Map> upload(TestRestTemplate http, String caseNumber, String type, String step,
      String subject, String issuedOn, String fileName, MediaType mediaType, byte[] content) {
    HttpHeaders part = new HttpHeaders();
    part.setContentType(mediaType);
    part.setContentDisposition(ContentDisposition.formData().name("file").filename(fileName, StandardCharsets.UTF_8)
        .build());
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("file", new HttpEntity<>(content, part));
    body.add("type", type);
    body.add("step", step);
    if (subject != null) {
      body.add("subject", subject);
    }
    if (issuedOn != null) {
      body.add("issuedOn", issuedOn);
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.postForEntity("/api/cases/" + caseNumber + "/documents", new HttpEntity<>(body, headers), Map.class);
  }

  /** Through the services, as the performance harness drives a lifecycle; returns how many files were stored. */
  public static int provide(CaseWorkflow workflow, DocumentChecklist checklist, DocumentService documents,
      String taskId, String user) {
    DocumentChecklist.TaskContext task = workflow.documentContext(taskId).orElseThrow();
    int stored = 0;
    for (DocumentChecklist.Line line : checklist.lines(task)) {
      var r = line.requirement();
      LocalDate issued = r.issuedSince();
      for (int i = line.filed(); i < r.count(); i++) {
        documents.store(task.caseNumber(), r.type(), r.slot().step(), r.slot().subject(), issued,
            r.type() + "-" + i + ".pdf", MediaType.APPLICATION_PDF_VALUE, PDF, user);
        stored++;
      }
    }
    return stored;
  }
}
