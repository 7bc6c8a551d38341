package jp.keieikaizen.monitoring;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jp.keieikaizen.casefile.CaseFile;
import jp.keieikaizen.casefile.CaseFileService;
import jp.keieikaizen.casefile.CaseNumber;
import jp.keieikaizen.common.ConflictException;
import jp.keieikaizen.common.KnownIds;
import jp.keieikaizen.company.CompanyService;
import jp.keieikaizen.monitoring.MonitoringReport.Financials;
import jp.keieikaizen.monitoring.MonitoringReport.ReviewOutcome;
import jp.keieikaizen.subsidy.SubsidyRules;
import jp.keieikaizen.subsidy.SubsidyRules.ProgrammeRules;

/** Monitoring (伴走支援): the rounds of a case from its plan date, their reports and the supervisor's review. */
@Service
@Transactional
public class MonitoringService {

  private final CaseFileService cases;
  private final CompanyService companies;
  private final SubsidyRules rules;
  private final MonitoringReportRepository reports;
  private final jakarta.persistence.EntityManager entities;

  /** A round's own key: its case and number. */
  private record RoundKey(Long caseId, int roundNo) {
  }

  private final KnownIds<RoundKey, MonitoringReport> knownRounds = new KnownIds<>(MonitoringReport.class,
      MonitoringReport::id, r -> new RoundKey(r.caseId(), r.roundNo()));

  MonitoringService(CaseFileService cases, CompanyService companies, SubsidyRules rules, MonitoringReportRepository reports,
      jakarta.persistence.EntityManager entities) {
    this.cases = cases;
    this.companies = companies;
    this.rules = rules;
    this.reports = reports;
    this.entities = entities;
  }

  /** Early plan: round 1 期中 (if chosen) and the 期末 round at the first fiscal year-end a year after the plan. */
  public EarlyPlanSchedule scheduleEarlyPlan(CaseNumber number) {
    CaseFile file = planned(number);
    int lag = programmeRules(file).finalReportLagMonths();
    int fyeMonth = companies.get(file.companyId()).fiscalYearEndMonth();
    EarlyPlanSchedule schedule = EarlyPlanSchedule.of(file.planDate(), fyeMonth, file.interimMonitoring(),
        file.monitoringIntervalMonths(), lag);
    if (reports.findByCaseIdOrderByRoundNo(file.id()).isEmpty()) {
      int round = 1;
      if (schedule.interimStart() != null) {
        reports.save(new MonitoringReport(file.id(), round++, RoundKind.INTERIM, schedule.interimDue(), true));
      }
      reports.save(new MonitoringReport(file.id(), round, RoundKind.FINAL, schedule.finalDue(), true));
    }
    file.scheduleMonitoring(schedule.interimStart(), schedule.finalStart());
    return schedule;
  }

  /** 405: a round every interval for the programme's monitoring months, with claims yearly or at the end. */
  public List<Plan405Schedule.Round> schedule405(CaseNumber number) {
    CaseFile file = planned(number);
    List<Plan405Schedule.Round> rounds = Plan405Schedule.of(file.planDate(), file.monitoringIntervalMonths(),
        programmeRules(file).monitoringMonths(), !"AT_END".equals(file.monitoringClaims()));
    if (reports.findByCaseIdOrderByRoundNo(file.id()).isEmpty()) {
      rounds.forEach(r -> reports.save(new MonitoringReport(file.id(), r.roundNo(), RoundKind.PERIODIC, r.dueDate(),
          r.claimNo() > 0)));
    }
    file.scheduleMonitoring(null, rounds.get(rounds.size() - 1).dueDate());
    return rounds;
  }

  public void submit(CaseNumber number, int roundNo, LocalDate submittedOn, LocalDate lenderMeetingOn, Financials financials) {
    report(number, roundNo).submit(submittedOn, lenderMeetingOn, financials);
  }

  public void review(CaseNumber number, int roundNo, ReviewOutcome outcome, String comment) {
    report(number, roundNo).review(outcome, comment);
  }

  /** Early plan: has the mandatory 期末 report been submitted? */
  @Transactional(readOnly = true)
  public boolean finalReportSubmitted(CaseNumber number) {
    return reports(number).stream().anyMatch(r -> r.roundKind() == RoundKind.FINAL && r.submittedOn() != null);
  }

  @Transactional(readOnly = true)
  public List<MonitoringReport> reports(CaseNumber number) {
    return reports.findByCaseIdOrderByRoundNo(cases.get(number).id());
  }

  @Transactional(readOnly = true)
  public MonitoringReport report(CaseNumber number, int roundNo) {
    RoundKey key = new RoundKey(cases.get(number).id(), roundNo);
    return knownRounds.find(entities, key, () -> reports.findByCaseIdAndRoundNo(key.caseId(), key.roundNo()))
        .orElseThrow(() -> new ConflictException("案件 " + number + " に伴走支援 第" + roundNo + "回 の予定がありません"));
  }

  private CaseFile planned(CaseNumber number) {
    CaseFile file = cases.get(number);
    if (file.planDate() == null) {
      throw new ConflictException("案件 " + number + " の計画策定日が未登録です");
    }
    return file;
  }

  private ProgrammeRules programmeRules(CaseFile file) {
    return rules.version(file.ruleVersion()).programme(file.programme());
  }
}
