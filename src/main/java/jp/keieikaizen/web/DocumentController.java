package jp.keieikaizen.web;

import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import jp.keieikaizen.casefile.CaseDocument;
import jp.keieikaizen.casefile.DocumentService;
import jp.keieikaizen.casefile.DocumentType;
import jp.keieikaizen.common.InvalidInputException;

/** Upload and download of a case's documents. */
@RestController
@RequestMapping("/api/cases/{caseNumber}/documents")
class DocumentController {

  record DocumentInfo(long id, String type, String typeLabel, String step, String subject, String issuedOn,
      String fileName, String contentType, long sizeBytes, String sha256, String uploadedBy, Instant uploadedAt) {
    static DocumentInfo of(CaseDocument d) {
      return new DocumentInfo(d.id(), d.type().name(), d.type().label(), d.step(), d.subject(),
          d.issuedOn() == null ? null : d.issuedOn().toString(), d.fileName(), d.contentType(), d.sizeBytes(),
          d.sha256(), d.uploadedBy(), d.uploadedAt());
    }
  }

  private final DocumentService documents;
  private final ApiCaller callers;

  DocumentController(DocumentService documents, ApiCaller callers) {
    this.documents = documents;
    this.callers = callers;
  }

  /**
   * Stores a file under its type and step; {@code subject} names the lender, claim or round of a repeating step
   * (as a task's checklist line gives it), {@code issuedOn} the date a register extract was issued.
   */
  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<DocumentInfo> upload(@PathVariable String caseNumber, @RequestParam("type") String type,
      @RequestParam("step") String step, @RequestParam(name = "subject", required = false) String subject,
      @RequestParam(name = "issuedOn", required = false) String issuedOn, @RequestPart("file") MultipartFile file,
      Principal user) throws IOException {
    CaseDocument doc = store(callers.workable(caseNumber, user), type, step, subject, issuedOn, file, user);
    return ResponseEntity.created(URI.create("/api/cases/" + caseNumber + "/documents/" + doc.id()))
        .body(DocumentInfo.of(doc));
  }

  @GetMapping
  List<DocumentInfo> list(@PathVariable String caseNumber, Principal user) {
    return documents.list(callers.visible(caseNumber, user)).stream().map(DocumentInfo::of).toList();
  }

  @GetMapping("/{documentId}")
  ResponseEntity<byte[]> download(@PathVariable String caseNumber, @PathVariable long documentId, Principal user) {
    CaseDocument doc = documents.get(callers.visible(caseNumber, user), documentId);
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(doc.contentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(doc.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
        .header("X-Content-SHA256", doc.sha256())
        .body(doc.content());
  }

  /** Stores an upload for a case the caller may work on. */
  CaseDocument store(jp.keieikaizen.casefile.CaseNumber number, String type, String step, String subject,
      String issuedOn, MultipartFile file, Principal user) throws IOException {
    return storeAll(number, type, step, subject, issuedOn, List.of(file), user).get(0);
  }

  /**
   * Stores one or several files of one checklist line (shared with the workspace's pages): all of them, or none. An
   * upload only adds documents and timeline entries, so one that met another change of the case in the same moment
   * (the eligibility check right after an application, a job) is stored again in a fresh transaction, up to three
   * times in all; the failed attempt wrote nothing.
   */
  List<CaseDocument> storeAll(jp.keieikaizen.casefile.CaseNumber number, String type, String step, String subject,
      String issuedOn, List<MultipartFile> files, Principal user) throws IOException {
    DocumentType documentType = documentType(type);
    java.time.LocalDate issued = date(issuedOn);
    List<DocumentService.Upload> uploads = new java.util.ArrayList<>();
    for (MultipartFile file : files) {
      uploads.add(new DocumentService.Upload(file.getOriginalFilename(), file.getContentType(), file.getBytes()));
    }
    for (int attempt = 1;; attempt++) {
      try {
        return documents.storeAll(number, documentType, step, subject == null || subject.isBlank() ? null : subject,
            issued, uploads, user.getName());
      } catch (org.springframework.dao.ConcurrencyFailureException e) {
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }

  /** What a page says after an upload: the line's document and its files' names. */
  static String savedText(List<CaseDocument> saved) {
    return saved.get(0).type().label() + "：" + String.join("、", saved.stream().map(CaseDocument::fileName).toList());
  }

  private static java.time.LocalDate date(String issuedOn) {
    if (issuedOn == null || issuedOn.isBlank()) {
      return null;
    }
    try {
      return java.time.LocalDate.parse(issuedOn.strip());
    } catch (java.time.format.DateTimeParseException e) {
      throw InvalidInputException.of("issuedOn", "発行日は YYYY-MM-DD の形式で入力してください");
    }
  }

  private static DocumentType documentType(String type) {
    try {
      return DocumentType.valueOf(type);
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of("type", "書類の種類を選択肢から選んでください");
    }
  }
}
