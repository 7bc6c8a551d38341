package jp.keieikaizen.lender;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A lender of the company in one case, and its response to the plan. */
@Entity
public class CaseLender {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private Long caseId;
  private String name;
  @Enumerated(EnumType.STRING)
  private LenderKind kind;
  private boolean mainLender;
  private LocalDate planSubmittedOn;
  @Enumerated(EnumType.STRING)
  private LenderResponse response;
  private LocalDate responseOn;
  private String responseNote;

  protected CaseLender() {
  }

  CaseLender(Long caseId, String name, LenderKind kind, boolean mainLender) {
    this.caseId = caseId;
    this.name = name;
    this.kind = kind;
    this.mainLender = mainLender;
  }

  void respond(LocalDate submittedOn, LenderResponse response, LocalDate on, String note) {
    this.planSubmittedOn = submittedOn;
    this.response = response;
    this.responseOn = on;
    this.responseNote = note;
  }

  public Long id() {
    return id;
  }

  Long caseId() {
    return caseId;
  }

  public String name() {
    return name;
  }

  public LenderKind kind() {
    return kind;
  }

  public boolean mainLender() {
    return mainLender;
  }

  public LocalDate planSubmittedOn() {
    return planSubmittedOn;
  }

  public LenderResponse response() {
    return response;
  }

  public LocalDate responseOn() {
    return responseOn;
  }

  public String responseNote() {
    return responseNote;
  }
}
