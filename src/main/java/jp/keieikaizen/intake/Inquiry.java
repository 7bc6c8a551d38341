package jp.keieikaizen.intake;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import jp.keieikaizen.casefile.Programme;
import jp.keieikaizen.intake.InquiryKinds.Asker;
import jp.keieikaizen.intake.InquiryKinds.Channel;
import jp.keieikaizen.intake.InquiryKinds.Outcome;

/** An inquiry or consultation (問合せ・相談受付) a council recorded; linked to the case when it became one. */
@Entity
public class Inquiry {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private String councilCode;
  private LocalDate receivedOn;
  @Enumerated(EnumType.STRING)
  private Asker asker;
  @Enumerated(EnumType.STRING)
  private Channel channel;
  @Enumerated(EnumType.STRING)
  private Programme programme;
  @Enumerated(EnumType.STRING)
  private Outcome outcome;
  private String companyName;
  private String note;
  private String caseNumber;
  private Long importBatchId;
  private String recordedBy;
  private Instant recordedAt;

  protected Inquiry() {
  }

  Inquiry(String councilCode, LocalDate receivedOn, Asker asker, Channel channel, Programme programme, Outcome outcome,
      String companyName, String note, String recordedBy, Instant recordedAt) {
    this.councilCode = councilCode;
    this.receivedOn = receivedOn;
    this.asker = asker;
    this.channel = channel;
    this.programme = programme;
    this.outcome = outcome;
    this.companyName = companyName;
    this.note = note;
    this.recordedBy = recordedBy;
    this.recordedAt = recordedAt;
  }

  void linkCase(String caseNumber) {
    this.caseNumber = caseNumber;
    this.outcome = Outcome.APPLIED;
  }

  public Long id() {
    return id;
  }

  public String councilCode() {
    return councilCode;
  }

  public LocalDate receivedOn() {
    return receivedOn;
  }

  public Asker asker() {
    return asker;
  }

  public Channel channel() {
    return channel;
  }

  public Programme programme() {
    return programme;
  }

  public Outcome outcome() {
    return outcome;
  }

  public String companyName() {
    return companyName;
  }

  public String note() {
    return note;
  }

  public String caseNumber() {
    return caseNumber;
  }

  public boolean imported() {
    return importBatchId != null;
  }

  public String recordedBy() {
    return recordedBy;
  }
}
