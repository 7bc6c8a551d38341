package jp.keieikaizen.lender;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One response of one lender to one revision of the plan; refusals and their reasons are kept. */
@Entity
@Table(name = "lender_response")
public class LenderResponseRecord {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private Long caseId;
  private Long lenderId;
  private int revision;
  @Enumerated(EnumType.STRING)
  private LenderResponse response;
  private LocalDate planSubmittedOn;
  private LocalDate respondedOn;
  private String reason;

  protected LenderResponseRecord() {
  }

  LenderResponseRecord(Long caseId, Long lenderId, int revision, LenderResponse response, LocalDate planSubmittedOn,
      LocalDate respondedOn, String reason) {
    this.caseId = caseId;
    this.lenderId = lenderId;
    this.revision = revision;
    this.response = response;
    this.planSubmittedOn = planSubmittedOn;
    this.respondedOn = respondedOn;
    this.reason = reason;
  }

  public Long lenderId() {
    return lenderId;
  }

  public int revision() {
    return revision;
  }

  public LenderResponse response() {
    return response;
  }

  public LocalDate respondedOn() {
    return respondedOn;
  }

  public String reason() {
    return reason;
  }
}
