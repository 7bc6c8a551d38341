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

/** A case: one joint application of a company and its agencies, from application to its end. */
@Entity
public class CaseFile {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
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
  @Version
  private int version;

  @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
  @JoinColumn(name = "case_id", nullable = false)
  private List<CaseFee> fees = new ArrayList<>();

  @OneToMany(cascade = CascadeType.ALL)
  @JoinColumn(name = "case_id", nullable = false)
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

  public void recordEligibility(boolean eligible, String findings) {
    this.eligible = eligible;
    this.eligibilityFindings = findings;
  }

  public void accept(LocalDate on, String ruleVersion) {
    requireState(CaseState.APPLIED);
    this.decisionDate = on;
    this.ruleVersion = ruleVersion;
    this.state = CaseState.PLANNING;
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
  }

  public void addEvent(Instant at, String kind, String actor, String detail) {
    events.add(new CaseEvent(at, kind, actor, detail));
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

  public List<CaseFee> fees() {
    return List.copyOf(fees);
  }

  public List<CaseEvent> events() {
    return List.copyOf(events);
  }
}
