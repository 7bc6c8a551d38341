package jp.keieikaizen.casefile;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jp.keieikaizen.common.FieldProblem;
import jp.keieikaizen.common.InvalidInputException;
import jp.keieikaizen.common.NotFoundException;

/** Stores a case's documents in the database, within size and type limits, with a checksum. */
@Service
@Transactional
public class DocumentService {

  private final org.springframework.context.ApplicationEventPublisher events;

  /** No path separators, no control characters (C0, DEL, C1), no line or paragraph separators. */
  private static final java.util.regex.Pattern FILE_NAME = java.util.regex.Pattern.compile(
      "[^\\\\/\\p{Cntrl}\\x{80}-\\x{9F}\\x{2028}\\x{2029}]+");

  static final Pattern STEP = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");
  static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9_-]{1,60}");

  /** A filed document as a checklist sees it (no content). */
  public record Filed(DocumentType type, String step, String subject, java.time.LocalDate issuedOn,
      java.time.Instant uploadedAt) {
  }

  private final CaseFileService cases;
  private final CaseDocumentRepository documents;
  private final Clock clock;
  private final long maxSizeBytes;
  private final Set<String> allowedTypes;

  DocumentService(CaseFileService cases, CaseDocumentRepository documents, Clock clock,
      @Value("${keiei.documents.max-size-bytes}") long maxSizeBytes,
      @Value("${keiei.documents.allowed-types}") Set<String> allowedTypes,
      org.springframework.context.ApplicationEventPublisher events) {
    this.events = events;
    this.cases = cases;
    this.documents = documents;
    this.clock = clock;
    this.maxSizeBytes = maxSizeBytes;
    this.allowedTypes = allowedTypes;
  }

  public CaseDocument store(CaseNumber number, DocumentType type, String step, String fileName, String contentType,
      byte[] content, String uploadedBy) {
    return store(number, type, step, null, null, fileName, contentType, content, uploadedBy);
  }

  /** One file of an upload: its name, declared type and content. */
  public record Upload(String fileName, String contentType, byte[] content) {
  }

  /**
   * Several files for one line of a checklist (e.g. three years' tax returns) at once, in one transaction: all are
   * stored, or none. A refusal names the file it is about.
   */
  public List<CaseDocument> storeAll(CaseNumber number, DocumentType type, String step, String subject,
      java.time.LocalDate issuedOn, List<Upload> files, String uploadedBy) {
    List<CaseDocument> saved = new java.util.ArrayList<>();
    for (Upload upload : files) {
      try {
        saved.add(store(number, type, step, subject, issuedOn, upload.fileName(), upload.contentType(), upload.content(),
            uploadedBy));
      } catch (InvalidInputException e) {
        if (files.size() == 1) {
          throw e;
        }
        throw new InvalidInputException(e.problems().stream().map(p -> p.field().equals("file")
            ? new FieldProblem("file", "「" + upload.fileName() + "」：" + p.rule()) : p).distinct().toList());
      }
    }
    events.publishEvent(new DocumentsFiled(number, type));
    return saved;
  }

  /**
   * Stores a document under its step and, where the step repeats, its subject (see {@link DocumentSlot}); a register
   * extract (履歴事項全部証明書) needs its date of issue.
   */
  public CaseDocument store(CaseNumber number, DocumentType type, String step, String subject,
      java.time.LocalDate issuedOn, String fileName, String contentType, byte[] content, String uploadedBy) {
    List<FieldProblem> problems = new java.util.ArrayList<>();
    if (type == null) {
      problems.add(new FieldProblem("type", "書類の種類を選んでください"));
    }
    if (step == null || !STEP.matcher(step).matches()) {
      problems.add(new FieldProblem("step", "手続の段階（例: APPLICATION, PLAN）を指定してください"));
    }
    if (subject != null && !SUBJECT.matcher(subject).matches()) {
      problems.add(new FieldProblem("subject", "対象（例: lender-12, round-2）は英数字・ハイフン60文字以内で指定してください"));
    }
    if (type == DocumentType.REGISTER_EXTRACT && issuedOn == null) {
      problems.add(new FieldProblem("issuedOn", "履歴事項全部証明書は発行日を入力してください（3か月以内のものが必要です）"));
    }
    if (issuedOn != null && issuedOn.isAfter(cases.today())) {
      problems.add(new FieldProblem("issuedOn", "発行日に未来の日付は入力できません"));
    }
    if (fileName == null || fileName.isBlank() || fileName.length() > 255 || !FILE_NAME.matcher(fileName).matches()) {
      problems.add(new FieldProblem("file", "ファイル名は255文字以内で、パス区切り（/ \\）・制御文字・改行を含めないでください"));
    } else if (!java.nio.charset.StandardCharsets.UTF_8.newEncoder().canEncode(fileName) || fileName.indexOf('\uFFFD') >= 0) {
      problems.add(new FieldProblem("file", "ファイル名が文字化けしています（UTF-8 でない文字）。名前を付け直してから登録してください"));
    }
    if (content == null || content.length == 0) {
      problems.add(new FieldProblem("file", "空のファイルは登録できません"));
    } else if (content.length > maxSizeBytes) {
      problems.add(new FieldProblem("file", String.format("ファイルは%,dバイト以下にしてください", maxSizeBytes)));
    }
    if (contentType == null || !allowedTypes.contains(contentType) || !FileSignatures.matches(contentType, content)) {
      problems.add(new FieldProblem("file", "登録できる形式は PDF・PNG・JPEG・Excel・Word・CSV です（内容と形式が一致している必要があります）"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    CaseFile file = cases.get(number);
    CaseDocument saved = documents.save(new CaseDocument(file.id(), type, new DocumentSlot(step, subject), issuedOn,
        fileName.strip(), contentType, content, sha256(content), uploadedBy, clock.instant()));
    cases.recordEvent(file, "DOCUMENT_ADDED", uploadedBy, type.label() + "：" + fileName.strip());
    return saved;
  }

  @Transactional(readOnly = true)
  public List<CaseDocument> list(CaseNumber number) {
    return documents.findByCaseIdOrderById(cases.get(number).id());
  }

  @Transactional(readOnly = true)
  public boolean has(CaseNumber number, DocumentType type) {
    return filed(number).stream().anyMatch(d -> d.type() == type);
  }

  /** The case's documents as checklists see them, without their content. */
  @Transactional(readOnly = true)
  public List<Filed> filed(CaseNumber number) {
    return documents.filed(cases.get(number).id());
  }

  @Transactional(readOnly = true)
  public CaseDocument get(CaseNumber number, long documentId) {
    CaseDocument doc = documents.findById(documentId).orElse(null);
    if (doc == null || !doc.caseId().equals(cases.get(number).id())) {
      throw new NotFoundException("書類 " + documentId + " はありません");
    }
    doc.content(); // loads the lazy content inside the transaction
    return doc;
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
