package jp.keieikaizen.casefile;

import java.time.Instant;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;

/** A stored file of a case, with the step it belongs to and its SHA-256. */
@Entity
public class CaseDocument {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private Long caseId;
  @Enumerated(EnumType.STRING)
  @Column(name = "doc_type")
  private DocumentType type;
  private String step;
  private String subject;
  private java.time.LocalDate issuedOn;
  private String fileName;
  private String contentType;
  private long sizeBytes;
  private String sha256;
  @Lob
  @Basic(fetch = FetchType.LAZY)
  @Column(columnDefinition = "LONGBLOB")
  private byte[] content;
  private String uploadedBy;
  private Instant uploadedAt;

  protected CaseDocument() {
  }

  CaseDocument(Long caseId, DocumentType type, DocumentSlot slot, java.time.LocalDate issuedOn, String fileName,
      String contentType, byte[] content, String sha256, String uploadedBy, Instant uploadedAt) {
    this.caseId = caseId;
    this.type = type;
    this.step = slot.step();
    this.subject = slot.subject();
    this.issuedOn = issuedOn;
    this.fileName = fileName;
    this.contentType = contentType;
    this.content = content;
    this.sizeBytes = content.length;
    this.sha256 = sha256;
    this.uploadedBy = uploadedBy;
    this.uploadedAt = uploadedAt;
  }

  public Long id() {
    return id;
  }

  public Long caseId() {
    return caseId;
  }

  public DocumentType type() {
    return type;
  }

  public String step() {
    return step;
  }

  /** What the document is about within its step (lender-12, claim-PLAN-1-agency-3, round-2), or null. */
  public String subject() {
    return subject;
  }

  /** The date the document was issued (a register extract's), or null. */
  public java.time.LocalDate issuedOn() {
    return issuedOn;
  }

  public String fileName() {
    return fileName;
  }

  public String contentType() {
    return contentType;
  }

  public long sizeBytes() {
    return sizeBytes;
  }

  public String sha256() {
    return sha256;
  }

  public byte[] content() {
    return content;
  }

  public String uploadedBy() {
    return uploadedBy;
  }

  public Instant uploadedAt() {
    return uploadedAt;
  }
}
