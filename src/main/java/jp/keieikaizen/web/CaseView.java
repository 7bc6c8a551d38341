package jp.keieikaizen.web;

import java.time.LocalDate;
import java.util.List;

import jp.keieikaizen.casefile.OpenTask;
import jp.keieikaizen.subsidy.SubsidyLine;

/** A case as its page and the API show it. */
record CaseView(String caseNumber, String programme, String programmeLabel, String councilCode, String state,
    String stateLabel, Party company, Party leadAgency, LocalDate applicationDate, LocalDate decisionDate,
    String ruleVersion, Boolean eligible, String eligibilityFindings, LocalDate planDate, Integer planPeriodYears,
    LocalDate interimMonitoringDate, LocalDate finalMonitoringDate, LocalDate endedOn, String endReason,
    LocalDate applicationValidUntil, List<Quote> quotes, List<SubsidyLine> subsidy, List<Claim> claims, List<Lender> lenders, List<Round> monitoring, List<Event> timeline,
    List<OpenTask> openTasks) {

  record Party(String id, String name) {
  }

  CaseView withOpenTasks(List<OpenTask> tasks) {
    return new CaseView(caseNumber, programme, programmeLabel, councilCode, state, stateLabel, company, leadAgency,
        applicationDate, decisionDate, ruleVersion, eligible, eligibilityFindings, planDate, planPeriodYears,
        interimMonitoringDate, finalMonitoringDate, endedOn, endReason, applicationValidUntil, quotes, subsidy, claims, lenders, monitoring,
        timeline, tasks);
  }

  /** One agency's quoted fee for one cost category (the lead agency's and any further agency's). */
  record Quote(String agencyCode, String category, long netYen, long taxYen, long grossYen) {
  }

  record Claim(String category, int claimNo, String status, LocalDate invoiceDate, long invoicedGrossYen, Long eligibleFeeYen,
      Long subsidyYen, Long payableYen, Long deferredYen, LocalDate paidOn, String paymentReference, String returnReason,
      List<Subcontractor> subcontractors) {
  }

  record Subcontractor(String name, long grossYen, long taxYen) {
  }

  /** A lender with its latest answer and every answer it gave, oldest first (a refusal stays on record). */
  record Lender(String name, String kind, boolean mainLender, LocalDate planSubmittedOn, String response,
      LocalDate responseOn, List<Answer> answers) {
  }

  /** One answer of a lender to one version of the plan (planRevision 0 is the first plan). */
  record Answer(int planRevision, String response, LocalDate respondedOn, String reason) {
  }

  record Round(int roundNo, String kind, LocalDate dueDate, LocalDate submittedOn, String reviewOutcome) {
  }

  record Event(java.time.Instant at, String kind, String actor, String detail) {
  }
}
