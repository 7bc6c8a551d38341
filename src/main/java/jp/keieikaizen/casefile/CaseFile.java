package jp.keieikaizen.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;

import jp.keieikaizen.common.ConflictException;

/**
 * A case: one joint application of a company and its agencies, from application to its end. Its number is its natural
 * id, so a lookup by number within a transaction is answered from the persistence context after the first; an update
 * writes the changed columns only; its timeline is read here and appended by {@link CaseFileService#recordEvent}
 * without being loaded.
 */
@Entity
@org.hibernate.annotations.DynamicUpdate
public class CaseFile {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @org.hibernate.annotations.NaturalId
  private String caseNumber;
  @Enumerated(EnumType.STRING)
  private Programme programme;
  private String councilCode;
  private Long companyId;
  private Long leadAgencyId;
  @Enumerated(EnumType.STRING)
  private CaseState state;
  private LocalDate applicationDate;
  private LocalDate decisionDate;
  private String ruleVersion;
  private Long committedSubsidyYen;
  private boolean interimMonitoring;
  private int monitoringIntervalMonths;
  private Boolean eligible;
  private String eligibilityFindings;
  private LocalDate planDate;
  private Integer planPeriodYears;
  private LocalDate interimMonitoringDate;
  private LocalDate finalMonitoringDate;
  private LocalDate endedOn;
  private String endReason;
  private boolean guaranteeNegotiation;
  private String guaranteeOutcome;
  private Boolean financialSupportExpected;
  private LocalDate applicationValidUntil;
  private int validityExtensions;
  private int planRevision;
  private String monitoringClaims;
  private String thirdPartyExpert;
  private LocalDate dueDiligenceOn;
  private boolean handedOver;
  @Version
  private int version;

  @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
  @JoinColumn(name = "case_id", nullable = false)
  private List<CaseFee> fees = new ArrayList<>();

  /** Read only: events are inserted on their own (CaseFileService.recordEvent), never through this list. */
  @OneToMany
  @JoinColumn(name = "case_id", insertable = false, updatable = false)
  @OrderBy("occurredAt, id")
  private List<CaseEvent> events = new ArrayList<>();

  protected CaseFile() {
  }

  public CaseFile(CaseNumber number, Programme programme, String councilCode, Long companyId, Long leadAgencyId,
      LocalDate applicationDate, boolean interimMonitoring, int monitoringIntervalMonths) {
    this.caseNumber = number.value();
    this.programme = programme;
    this.councilCode = councilCode;
    this.companyId = companyId;
    this.leadAgencyId = leadAgencyId;
    this.applicationDate = applicationDate;
    this.interimMonitoring = interimMonitoring;
    this.monitoringIntervalMonths = monitoringIntervalMonths;
    this.state = CaseState.APPLIED;
  }

  public void setFee(Long agencyId, CostCategory category, Money amount) {
    fee(agencyId, category).ifPresentOrElse(f -> f.set(amount), () -> fees.add(new CaseFee(agencyId, category, amount)));
  }

  public void removeFee(Long agencyId, CostCategory category) {
    fees.removeIf(f -> f.agencyId().equals(agencyId) && f.category() == category);
  }

  public Optional<CaseFee> fee(Long agencyId, CostCategory category) {
    return fees.stream().filter(f -> f.agencyId().equals(agencyId) && f.category() == category).findFirst();
  }

  /** Options chosen at application: the owner-guarantee negotiation add-on; for 405, support expected and claims. */
  public void chooseOptions(boolean guaranteeNegotiation, Boolean financialSupportExpected, String monitoringClaims) {
    this.guaranteeNegotiation = guaranteeNegotiation;
    this.financialSupportExpected = financialSupportExpected;
    this.monitoringClaims = monitoringClaims;
  }

  public void recordEligibility(boolean eligible, String findings) {
    this.eligible = eligible;
    this.eligibilityFindings = findings;
  }

  /** Accepted (利用申請決定) under a rule version; a 405 application stays valid until {@code validUntil}. */
  public void accept(LocalDate on, String ruleVersion, LocalDate validUntil) {
    requireState(CaseState.APPLIED);
    this.decisionDate = on;
    this.ruleVersion = ruleVersion;
    this.applicationValidUntil = validUntil;
    this.state = CaseState.PLANNING;
  }

  /** The subsidy the accepted application commits (the sum of its breakdown), for the budget view. */
  public void commitSubsidy(long yen) {
    if (ruleVersion == null || yen < 0) {
      throw new IllegalStateException("subsidy is committed once the application is accepted, never negative");
    }
    this.committedSubsidyYen = yen;
  }

  public Long committedSubsidyYen() {
    return committedSubsidyYen;
  }

  /**
   * Why {@code until} cannot be the application's new validity (it must come after today and after the current date),
   * or empty when it can; the review task and the case page's extension both ask this before they extend.
   */
  public java.util.Optional<String> validityExtensionRefusal(LocalDate until, LocalDate today) {
    if (applicationValidUntil != null && (!until.isAfter(today) || !until.isAfter(applicationValidUntil))) {
      return java.util.Optional.of("延長後の期限は今日と現在の期限（" + applicationValidUntil + "）より後にしてください");
    }
    return java.util.Optional.empty();
  }

  public void extendValidity(LocalDate until) {
    requireState(CaseState.PLANNING);
    if (applicationValidUntil != null && !until.isAfter(applicationValidUntil)) {
      throw new ConflictException("延長後の期限は現在の期限（" + applicationValidUntil + "）より後にしてください");
    }
    this.applicationValidUntil = until;
    this.validityExtensions++;
  }

  /** A lender refused: the plan goes back for revision. */
  public void reviseAfterRefusal() {
    requireState(CaseState.PLANNING);
    this.planRevision++;
  }

  public void recordDueDiligence(LocalDate on, String thirdPartyExpert) {
    requireState(CaseState.PLANNING);
    this.dueDiligenceOn = on;
    this.thirdPartyExpert = thirdPartyExpert;
  }

  public void recordGuaranteeOutcome(String outcome) {
    this.guaranteeOutcome = outcome;
  }

  public void returnForCorrection() {
    requireState(CaseState.APPLIED);
    this.state = CaseState.RETURNED;
  }

  public void resubmit(boolean interimMonitoring, int monitoringIntervalMonths) {
    requireState(CaseState.RETURNED);
    this.interimMonitoring = interimMonitoring;
    this.monitoringIntervalMonths = monitoringIntervalMonths;
    this.eligible = null;
    this.eligibilityFindings = null;
    this.state = CaseState.APPLIED;
  }

  public void recordPlan(LocalDate planDate, int periodYears) {
    requireState(CaseState.PLANNING);
    this.planDate = planDate;
    this.planPeriodYears = periodYears;
  }

  public void scheduleMonitoring(LocalDate interimDate, LocalDate finalDate) {
    this.interimMonitoringDate = interimDate;
    this.finalMonitoringDate = finalDate;
    this.state = CaseState.MONITORING;
  }

  public void end(CaseState endState, LocalDate on, String reason) {
    if (!endState.ended()) {
      throw new IllegalArgumentException(endState + " is not an end state");
    }
    if (state.ended()) {
      throw new ConflictException("案件 " + caseNumber + " は既に終了しています（" + state.label() + "）");
    }
    this.state = endState;
    this.endedOn = on;
    this.endReason = reason;
    this.handedOver = endState == CaseState.TAKEN_OVER;
  }

  private void requireState(CaseState expected) {
    if (state != expected) {
      throw new ConflictException("案件 " + caseNumber + " は「" + state.label() + "」のため、この操作はできません");
    }
  }

  public Long id() {
    return id;
  }

  public CaseNumber number() {
    return new CaseNumber(caseNumber);
  }

  public Programme programme() {
    return programme;
  }

  public String councilCode() {
    return councilCode;
  }

  public Long companyId() {
    return companyId;
  }

  public Long leadAgencyId() {
    return leadAgencyId;
  }

  public CaseState state() {
    return state;
  }

  public LocalDate applicationDate() {
    return applicationDate;
  }

  public LocalDate decisionDate() {
    return decisionDate;
  }

  public String ruleVersion() {
    return ruleVersion;
  }

  public boolean interimMonitoring() {
    return interimMonitoring;
  }

  public int monitoringIntervalMonths() {
    return monitoringIntervalMonths;
  }

  public Boolean eligible() {
    return eligible;
  }

  public String eligibilityFindings() {
    return eligibilityFindings;
  }

  public LocalDate planDate() {
    return planDate;
  }

  public Integer planPeriodYears() {
    return planPeriodYears;
  }

  public LocalDate interimMonitoringDate() {
    return interimMonitoringDate;
  }

  public LocalDate finalMonitoringDate() {
    return finalMonitoringDate;
  }

  public LocalDate endedOn() {
    return endedOn;
  }

  public String endReason() {
    return endReason;
  }

  public boolean guaranteeNegotiation() {
    return guaranteeNegotiation;
  }

  public String guaranteeOutcome() {
    return guaranteeOutcome;
  }

  public Boolean financialSupportExpected() {
    return financialSupportExpected;
  }

  public LocalDate applicationValidUntil() {
    return applicationValidUntil;
  }

  public int validityExtensions() {
    return validityExtensions;
  }

  public int planRevision() {
    return planRevision;
  }

  public String monitoringClaims() {
    return monitoringClaims;
  }

  public String thirdPartyExpert() {
    return thirdPartyExpert;
  }

  public LocalDate dueDiligenceOn() {
    return dueDiligenceOn;
  }

  public boolean handedOver() {
    return handedOver;
  }

  /** The agency leads the case or quoted for it (a further agency of a joint application). */
  public boolean involves(Long agencyId) {
    return agencyId != null && (agencyId.equals(leadAgencyId) || fees.stream().anyMatch(f -> agencyId.equals(f.agencyId())));
  }

  public List<CaseFee> fees() {
    return List.copyOf(fees);
  }

  public List<CaseEvent> events() {
    return List.copyOf(events);
  }
}
