package jp.keieikaizen.monitoring;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jp.keieikaizen.casefile.CaseFile;
import jp.keieikaizen.casefile.CaseFileService;
import jp.keieikaizen.casefile.CaseNumber;
import jp.keieikaizen.common.ConflictException;
import jp.keieikaizen.company.CompanyService;
import jp.keieikaizen.monitoring.MonitoringReport.Financials;
import jp.keieikaizen.monitoring.MonitoringReport.ReviewOutcome;
import jp.keieikaizen.subsidy.SubsidyRules;

@Service
@Transactional
public class MonitoringService {

  private final CaseFileService cases;
  private final CompanyService companies;
  private final SubsidyRules rules;
  private final MonitoringReportRepository reports;

  MonitoringService(CaseFileService cases, CompanyService companies, SubsidyRules rules, MonitoringReportRepository reports) {
    this.cases = cases;
    this.companies = companies;
    this.rules = rules;
    this.reports = reports;
  }

  /** Plans the early-plan rounds from the plan date and the company's fiscal year-end; the case enters monitoring. */
  public EarlyPlanSchedule scheduleEarlyPlan(CaseNumber number) {
    CaseFile file = cases.get(number);
    if (file.planDate() == null) {
      throw new ConflictException("案件 " + number + " の計画策定日が未登録です");
    }
    int lag = rules.version(file.ruleVersion()).programme(file.programme()).finalReportLagMonths();
    int fyeMonth = companies.get(file.companyId()).fiscalYearEndMonth();
    EarlyPlanSchedule schedule = EarlyPlanSchedule.of(file.planDate(), fyeMonth, file.interimMonitoring(),
        file.monitoringIntervalMonths(), lag);
    if (reports.findByCaseIdOrderByRoundNo(file.id()).isEmpty()) {
      int round = 1;
      if (schedule.interimStart() != null) {
        reports.save(new MonitoringReport(file.id(), round++, RoundKind.INTERIM, schedule.interimDue()));
      }
      reports.save(new MonitoringReport(file.id(), round, RoundKind.FINAL, schedule.finalDue()));
    }
    file.scheduleMonitoring(schedule.interimStart(), schedule.finalStart());
    return schedule;
  }

  public void submit(CaseNumber number, RoundKind kind, LocalDate submittedOn, LocalDate lenderMeetingOn, Financials financials) {
    report(number, kind).submit(submittedOn, lenderMeetingOn, financials);
  }

  public void review(CaseNumber number, RoundKind kind, ReviewOutcome outcome, String comment) {
    report(number, kind).review(outcome, comment);
  }

  @Transactional(readOnly = true)
  public List<MonitoringReport> reports(CaseNumber number) {
    return reports.findByCaseIdOrderByRoundNo(cases.get(number).id());
  }

  @Transactional(readOnly = true)
  public MonitoringReport report(CaseNumber number, RoundKind kind) {
    return reports.findByCaseIdAndRoundKind(cases.get(number).id(), kind)
        .orElseThrow(() -> new ConflictException("案件 " + number + " に " + kind.label() + " の予定がありません"));
  }
}
