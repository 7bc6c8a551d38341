package jp.keieikaizen.casefile;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** One entry of a case's timeline: a decision, advice, a return, an end. */
@Entity
public class CaseEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @jakarta.persistence.Column(name = "case_id", nullable = false, updatable = false)
  private Long caseId;
  private Instant occurredAt;
  private String kind;
  private String actor;
  private String detail;

  protected CaseEvent() {
  }

  CaseEvent(Long caseId, Instant occurredAt, String kind, String actor, String detail) {
    this.caseId = caseId;
    this.occurredAt = occurredAt;
    this.kind = kind;
    this.actor = actor;
    this.detail = detail;
  }

  public Instant occurredAt() {
    return occurredAt;
  }

  public String kind() {
    return kind;
  }

  public String actor() {
    return actor;
  }

  public String detail() {
    return detail;
  }
}
