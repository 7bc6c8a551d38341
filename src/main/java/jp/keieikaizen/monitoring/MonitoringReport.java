package jp.keieikaizen.monitoring;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import jp.keieikaizen.common.ConflictException;

/** One monitoring round (伴走支援) of a case: the 伴走支援レポート and the supervisor's review of it. */
@Entity
public class MonitoringReport {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private Long caseId;
  private int roundNo;
  @Enumerated(EnumType.STRING)
  private RoundKind roundKind;
  private LocalDate dueDate;
  private boolean claimRound;
  private LocalDate submittedOn;
  private LocalDate lenderMeetingOn;
  private boolean coversResults;
  private boolean coversActionProgress;
  private boolean coversGapAnalysis;
  private boolean coversLenderRequests;
  @Enumerated(EnumType.STRING)
  private Financials financials;
  @Enumerated(EnumType.STRING)
  private ReviewOutcome reviewOutcome;
  private String reviewComment;

  public enum Financials { TRIAL_BALANCE, TAX_RETURN }

  public enum ReviewOutcome { ACCEPT, RETURN }

  protected MonitoringReport() {
  }

  MonitoringReport(Long caseId, int roundNo, RoundKind roundKind, LocalDate dueDate, boolean claimRound) {
    this.caseId = caseId;
    this.roundNo = roundNo;
    this.roundKind = roundKind;
    this.dueDate = dueDate;
    this.claimRound = claimRound;
  }

  void submit(LocalDate on, LocalDate lenderMeetingOn, Financials financials) {
    if (reviewOutcome == ReviewOutcome.ACCEPT) {
      throw new ConflictException(roundKind.label() + " の報告は確認済みです");
    }
    this.submittedOn = on;
    this.lenderMeetingOn = lenderMeetingOn;
    this.coversResults = true;
    this.coversActionProgress = true;
    this.coversGapAnalysis = true;
    this.coversLenderRequests = true;
    this.financials = financials;
    this.reviewOutcome = null;
    this.reviewComment = null;
  }

  void review(ReviewOutcome outcome, String comment) {
    if (submittedOn == null) {
      throw new ConflictException(roundKind.label() + " の報告がまだ提出されていません");
    }
    this.reviewOutcome = outcome;
    this.reviewComment = comment;
  }

  Long id() {
    return id;
  }

  Long caseId() {
    return caseId;
  }

  public int roundNo() {
    return roundNo;
  }

  public boolean claimRound() {
    return claimRound;
  }

  public RoundKind roundKind() {
    return roundKind;
  }

  public LocalDate dueDate() {
    return dueDate;
  }

  public LocalDate submittedOn() {
    return submittedOn;
  }

  public LocalDate lenderMeetingOn() {
    return lenderMeetingOn;
  }

  public Financials financials() {
    return financials;
  }

  public ReviewOutcome reviewOutcome() {
    return reviewOutcome;
  }

  public String reviewComment() {
    return reviewComment;
  }
}
