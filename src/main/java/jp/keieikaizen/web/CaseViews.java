package jp.keieikaizen.web;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import jp.keieikaizen.agency.Agency;
import jp.keieikaizen.agency.AgencyService;
import jp.keieikaizen.casefile.CaseFile;
import jp.keieikaizen.casefile.CaseFileService;
import jp.keieikaizen.casefile.CaseNumber;
import jp.keieikaizen.casefile.CaseWorkflow;
import jp.keieikaizen.company.Company;
import jp.keieikaizen.company.CompanyService;
import jp.keieikaizen.lender.LenderService;
import jp.keieikaizen.monitoring.MonitoringService;
import jp.keieikaizen.subsidy.ClaimService;

/** Assembles a case page from the features' services. */
@Component
class CaseViews {

  private final CaseFileService cases;
  private final CompanyService companies;
  private final AgencyService agencies;
  private final ClaimService claims;
  private final LenderService lenders;
  private final MonitoringService monitoring;
  private final CaseWorkflow workflow;

  CaseViews(CaseFileService cases, CompanyService companies, AgencyService agencies, ClaimService claims,
      LenderService lenders, MonitoringService monitoring, CaseWorkflow workflow) {
    this.cases = cases;
    this.companies = companies;
    this.agencies = agencies;
    this.claims = claims;
    this.lenders = lenders;
    this.monitoring = monitoring;
    this.workflow = workflow;
  }

  /** The case's timeline as audit entries (the application's own record of business changes, with who made them). */
  @Transactional(readOnly = true)
  java.util.List<jp.keieikaizen.casefile.AuditEntry> timeline(CaseNumber number) {
    return cases.get(number).events().stream()
        .map(e -> new jp.keieikaizen.casefile.AuditEntry(e.occurredAt(), e.actor(), "CASE", e.kind(), e.detail())).toList();
  }

  /**
   * The case's whole timeline, oldest first: the application's record of business changes and documents (CASE), each
   * completed task (STEP), the comments on its tasks (COMMENT) and the engine's user operation log (ENGINE).
   */
  @Transactional(readOnly = true)
  java.util.List<jp.keieikaizen.casefile.AuditEntry> audit(CaseNumber number) {
    java.util.List<jp.keieikaizen.casefile.AuditEntry> entries = new java.util.ArrayList<>(timeline(number));
    entries.addAll(workflow.engineAudit(number));
    entries.sort(java.util.Comparator.comparing(jp.keieikaizen.casefile.AuditEntry::at));
    return entries;
  }

  @Transactional(readOnly = true)
  CaseView view(CaseNumber number) {
    CaseFile f = cases.get(number);
    Company company = companies.get(f.companyId());
    Agency agency = agencies.get(f.leadAgencyId());
    return new CaseView(f.number().value(), f.programme().name(), f.programme().label(), f.councilCode(),
        f.state().name(), f.state().label(), new CaseView.Party(company.corporateNumber(), company.name()),
        new CaseView.Party(agency.agencyCode(), agency.name()), f.applicationDate(), f.decisionDate(), f.ruleVersion(),
        f.eligible(), f.eligibilityFindings(), f.planDate(), f.planPeriodYears(), f.interimMonitoringDate(),
        f.finalMonitoringDate(), f.endedOn(), f.endReason(), f.applicationValidUntil(),
        f.fees().stream().map(fee -> new CaseView.Quote(agencies.get(fee.agencyId()).agencyCode(), fee.category().name(),
            fee.amount().netYen(), fee.amount().taxYen(), fee.amount().grossYen())).toList(),
        claims.breakdown(number),
        claims.claims(number).stream().map(c -> new CaseView.Claim(c.category().name(), c.claimNo(), c.status().name(),
            c.invoiceDate(), c.invoiced().grossYen(), c.eligibleFeeYen(), c.subsidyYen(), c.payableYen(),
            c.deferredYen(), c.paidOn(), c.paymentReference(), c.returnReason(),
            c.subcontractorInvoices().stream().map(i -> new CaseView.Subcontractor(i.subcontractorName(),
                i.amount().grossYen(), i.amount().taxYen())).toList())).toList(),
        lenders(number),
        monitoring.reports(number).stream().map(r -> new CaseView.Round(r.roundNo(), r.roundKind().name(),
            r.dueDate(), r.submittedOn(), r.reviewOutcome() == null ? null : r.reviewOutcome().name())).toList(),
        f.events().stream().map(e -> new CaseView.Event(e.occurredAt(), e.kind(), e.actor(), e.detail())).toList(),
        workflow.openTasks(number));
  }

  private java.util.List<CaseView.Lender> lenders(CaseNumber number) {
    var answers = lenders.responses(number);
    return lenders.lenders(number).stream().map(l -> new CaseView.Lender(l.name(), l.kind().name(), l.mainLender(),
        l.planSubmittedOn(), l.response() == null ? null : l.response().name(), l.responseOn(),
        answers.stream().filter(a -> a.lenderId().equals(l.id())).map(a -> new CaseView.Answer(a.revision(),
            a.response().name(), a.respondedOn(), a.reason())).toList())).toList();
  }
}
