package jp.keieikaizen.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.*;

import java.time.LocalDate;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import jp.keieikaizen.casefile.CaseState;
import jp.keieikaizen.casefile.CostCategory;
import jp.keieikaizen.monitoring.EarlyPlanSchedule;
import jp.keieikaizen.process.CaseProcess.Ends;
import jp.keieikaizen.process.CaseProcess.Tasks;
import jp.keieikaizen.subsidy.ClaimService.ClaimRef;

/** Every path of early-plan.bpmn, with the real delegates over mocked services; jobs and timers driven by hand. */
@Deployment(resources = { "processes/early-plan.bpmn", "processes/payment-claim.bpmn", "processes/monitoring-round.bpmn",
    "processes/lender-agreement.bpmn" })
class EarlyPlanProcessTest extends ProcessTestSupport {

  @RegisterExtension
  static ProcessEngineExtension engine = h2Engine();

  @Test
  void acceptedCaseWithInterimMonitoringIsClosed() {
    schedule(true);
    ProcessInstance pi = applyAndAccept();
    planToPayment();
    fire(Tasks.WAIT_FOR_INTERIM_MONITORING);
    monitoringRound();
    payClaim();
    fire(Tasks.WAIT_FOR_FINAL_MONITORING);
    monitoringRound();
    payClaim();

    assertThat(pi).hasPassedInOrder(Tasks.DECIDE_APPLICATION, Tasks.DRAFT_PLAN, Tasks.ADVISE_PLAN,
        Tasks.PRESENT_PLAN_TO_LENDERS, Tasks.RECORD_COMPANY_SHARE, Tasks.CLAIM_PLAN_PAYMENT, Tasks.MONITOR_INTERIM,
        Tasks.CLAIM_INTERIM_PAYMENT, Tasks.MONITOR_FINAL, Tasks.CLAIM_FINAL_PAYMENT, Tasks.CLOSE_CASE)
        .hasNotPassed(Tasks.NEGOTIATE_GUARANTEE_RELEASE).hasPassed(Ends.CASE_CLOSED).isEnded();
    verify(claims).compute(CASE, ref(CostCategory.PLAN, 1));
    verify(claims).compute(CASE, ref(CostCategory.INTERIM_MONITORING, 1));
    verify(claims).compute(CASE, ref(CostCategory.FINAL_MONITORING, 1));
    verify(cases).end(eq(CASE), eq(CaseState.CLOSED), any(), any());
  }

  @Test
  void acceptedCaseWithoutInterimMonitoringGoesStraightToFinalMonitoring() {
    schedule(false);
    ProcessInstance pi = applyAndAccept();
    planToPayment();
    fire(Tasks.WAIT_FOR_FINAL_MONITORING);
    monitoringRound();
    payClaim();

    assertThat(pi).hasNotPassed(Tasks.WAIT_FOR_INTERIM_MONITORING, Tasks.MONITOR_INTERIM)
        .hasPassed(Tasks.MONITOR_FINAL, Ends.CASE_CLOSED).isEnded();
    verify(claims, never()).compute(CASE, ref(CostCategory.INTERIM_MONITORING, 1));
  }

  @Test
  void guaranteeNegotiationAddOnIsNegotiatedAndClaimedBeforeMonitoring() {
    schedule(false);
    when(caseOptions.guaranteeNegotiation(CASE.value())).thenReturn(true);
    ProcessInstance pi = applyAndAccept();
    planToPayment();
    complete(Tasks.NEGOTIATE_GUARANTEE_RELEASE, AGENCY, Map.of());
    payClaim();
    fire(Tasks.WAIT_FOR_FINAL_MONITORING);
    monitoringRound();
    payClaim();

    assertThat(pi).hasPassedInOrder(Tasks.CLAIM_PLAN_PAYMENT, Tasks.NEGOTIATE_GUARANTEE_RELEASE,
        Tasks.CLAIM_GUARANTEE_PAYMENT, Tasks.SCHEDULE_MONITORING).hasPassed(Ends.CASE_CLOSED).isEnded();
    verify(claims).compute(CASE, ref(CostCategory.GUARANTEE_NEGOTIATION, 1));
  }

  @Test
  void returnedApplicationIsCorrectedResubmittedAndCarriedToTheEnd() {
    schedule(false);
    ProcessInstance pi = apply();
    complete(Tasks.DECIDE_APPLICATION, COORDINATOR, Map.of("decision", "RETURN"));
    complete(Tasks.CORRECT_APPLICATION, AGENCY, Map.of("correctionAction", "RESUBMIT"));
    runJob(Tasks.CHECK_ELIGIBILITY);
    complete(Tasks.DECIDE_APPLICATION, COORDINATOR, acceptance());
    planToPayment();
    fire(Tasks.WAIT_FOR_FINAL_MONITORING);
    monitoringRound();
    payClaim();

    assertThat(pi).hasPassedInOrder(Tasks.DECIDE_APPLICATION, Tasks.CORRECT_APPLICATION, Tasks.CHECK_ELIGIBILITY,
        Tasks.DECIDE_APPLICATION, Tasks.DRAFT_PLAN).hasPassed(Ends.CASE_CLOSED).isEnded();
    verify(eligibility, times(2)).check(CASE);
  }

  @Test
  void returnedApplicationIsWithdrawnByTheAgency() {
    ProcessInstance pi = apply();
    complete(Tasks.DECIDE_APPLICATION, COORDINATOR, Map.of("decision", "RETURN"));
    complete(Tasks.CORRECT_APPLICATION, AGENCY, Map.of("correctionAction", "WITHDRAW"));

    assertThat(pi).hasPassed(Ends.APPLICATION_WITHDRAWN).hasNotPassed(Tasks.DRAFT_PLAN).isEnded();
  }

  @Test
  void rejectedApplicationEnds() {
    ProcessInstance pi = apply();
    complete(Tasks.DECIDE_APPLICATION, COORDINATOR, Map.of("decision", "REJECT"));

    assertThat(pi).hasPassed(Ends.APPLICATION_REJECTED).hasNotPassed(Tasks.PREPARE_PLAN).isEnded();
  }

  @Test
  void planSentBackBySupervisorIsRedraftedAndCarriedToTheEnd() {
    schedule(false);
    ProcessInstance pi = applyAndAccept();
    complete(Tasks.DRAFT_PLAN, AGENCY, Map.of());
    complete(Tasks.ADVISE_PLAN, SUPERVISOR, Map.of("adviceOutcome", "SEND_BACK"));
    planToPayment();
    fire(Tasks.WAIT_FOR_FINAL_MONITORING);
    monitoringRound();
    payClaim();

    assertThat(pi).hasPassedInOrder(Tasks.DRAFT_PLAN, Tasks.ADVISE_PLAN, Tasks.DRAFT_PLAN, Tasks.ADVISE_PLAN,
        Tasks.PRESENT_PLAN_TO_LENDERS).hasPassed(Ends.CASE_CLOSED).isEnded();
  }

  @Test
  void planClaimNotFiledWithinAYearLapsesTheWholeCase() {
    ProcessInstance pi = applyAndAccept();
    complete(Tasks.DRAFT_PLAN, AGENCY, Map.of());
    fire(Tasks.PLAN_CLAIM_OVERDUE);

    assertThat(pi).hasPassed(Tasks.CHECK_PLAN_CLAIM_FILED, Tasks.RECORD_LAPSE, Ends.APPLICATION_LAPSED)
        .hasNotPassed(Tasks.CLAIM_PLAN_PAYMENT).isEnded();
    Assertions.assertThat(openInstances()).isZero();
    verify(cases).lapse(CASE);
  }

  @Test
  void aPlanClaimFiledBeforeTheDeadlineKeepsTheCaseGoing() {
    schedule(false);
    when(claims.isFiled(CASE, ClaimRef.of(CostCategory.PLAN))).thenReturn(true);
    ProcessInstance pi = applyAndAccept();
    complete(Tasks.DRAFT_PLAN, AGENCY, Map.of());
    complete(Tasks.ADVISE_PLAN, SUPERVISOR, Map.of("adviceOutcome", "APPROVE"));
    lendersRespond("RECEIPT", 1);
    complete(Tasks.RECORD_COMPANY_SHARE, AGENCY, Map.of());
    complete(Tasks.FILE_CLAIM, AGENCY, Map.of());
    fire(Tasks.PLAN_CLAIM_OVERDUE);
    assertThat(pi).hasPassed("planClaimInTime").hasNotPassed(Tasks.RECORD_LAPSE).isActive();
    runJob(Tasks.COMPUTE_SUBSIDY);
    complete(Tasks.CHECK_CLAIM, COORDINATOR, Map.of("claimDecision", "APPROVE"));
    complete(Tasks.RECORD_PAYMENT, COORDINATOR, Map.of());
    fire(Tasks.WAIT_FOR_FINAL_MONITORING);
    monitoringRound();
    payClaim();

    assertThat(pi).hasPassed(Ends.CASE_CLOSED).isEnded();
    verify(cases, never()).lapse(CASE);
  }

  @Test
  void aMissing期末ReportAtItsDeadlineLeadsToRecoveryOfTheSubsidy() {
    schedule(false);
    ProcessInstance pi = applyAndAccept();
    planToPayment();
    fire(Tasks.WAIT_FOR_FINAL_MONITORING);
    fire(Tasks.FINAL_REPORT_OVERDUE);
    complete(Tasks.RECOVER_SUBSIDY, COORDINATOR, Map.of());

    assertThat(pi).hasPassed(Tasks.CHECK_FINAL_REPORT_FILED, Tasks.RECOVER_SUBSIDY, Ends.SUBSIDY_RECOVERED)
        .hasNotPassed(Tasks.CLAIM_FINAL_PAYMENT, Tasks.CLOSE_CASE).isEnded();
    Assertions.assertThat(openInstances()).isZero();
  }

  @Test
  void a期末ReportSubmittedByItsDeadlineIsReviewedAndTheCaseCloses() {
    schedule(false);
    when(monitoring.finalReportSubmitted(CASE)).thenReturn(true);
    ProcessInstance pi = applyAndAccept();
    planToPayment();
    fire(Tasks.WAIT_FOR_FINAL_MONITORING);
    complete(Tasks.SUBMIT_MONITORING_REPORT, AGENCY, Map.of());
    fire(Tasks.FINAL_REPORT_OVERDUE);
    complete(Tasks.REVIEW_MONITORING_REPORT, SUPERVISOR, Map.of("reviewOutcome", "ACCEPT"));
    payClaim();

    assertThat(pi).hasPassed("finalReportInTime", Ends.CASE_CLOSED).hasNotPassed(Tasks.RECOVER_SUBSIDY).isEnded();
  }

  @Test
  void caseWithdrawnDuringMonitoringEndsWithItsCalledRound() {
    schedule(true);
    ProcessInstance pi = applyAndAccept();
    planToPayment();
    fire(Tasks.WAIT_FOR_INTERIM_MONITORING);
    taskOf(Tasks.SUBMIT_MONITORING_REPORT);

    send(CaseProcess.Messages.CASE_WITHDRAWN);

    assertThat(pi).hasPassed(Ends.CASE_WITHDRAWN).hasNotPassed(Tasks.CLOSE_CASE).isEnded();
    Assertions.assertThat(openInstances()).isZero();
  }

  @Test
  void withdrawalBeforeTheDecisionEndsTheCase() {
    ProcessInstance pi = apply();
    send(CaseProcess.Messages.CASE_WITHDRAWN);

    assertThat(pi).hasPassed(Ends.CASE_WITHDRAWN).hasNotPassed(Tasks.PREPARE_PLAN).isEnded();
  }

  // --- helpers ---------------------------------------------------------------------------------------------------

  private ProcessInstance apply() {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey(CaseProcess.EARLY_PLAN, Map.of("companyName", "テスト"));
    assertThat(pi).isWaitingAt(Tasks.CHECK_ELIGIBILITY);
    Assertions.assertThat(pi.getBusinessKey()).isEqualTo(CASE.value());
    assertThat(pi).variables().containsEntry("councilCode", "13").doesNotContainKey("leadAgencyId")
        .doesNotContainKey("companyName");
    runJob(Tasks.CHECK_ELIGIBILITY);
    assertThat(pi).isWaitingAt(Tasks.DECIDE_APPLICATION);
    return pi;
  }

  private ProcessInstance applyAndAccept() {
    ProcessInstance pi = apply();
    complete(Tasks.DECIDE_APPLICATION, COORDINATOR, acceptance());
    assertThat(pi).isWaitingAt(Tasks.DRAFT_PLAN);
    return pi;
  }

  private static Map<String, Object> acceptance() {
    return Map.of("decision", "ACCEPT", "planClaimDeadline", Dates.startOf(LocalDate.now().plusYears(1)));
  }

  /** Plan, advice, the main lender's receipt, the company's share, and the plan claim paid. */
  private void planToPayment() {
    complete(Tasks.DRAFT_PLAN, AGENCY, Map.of());
    complete(Tasks.ADVISE_PLAN, SUPERVISOR, Map.of("adviceOutcome", "APPROVE"));
    lendersRespond("RECEIPT", 1);
    complete(Tasks.RECORD_COMPANY_SHARE, AGENCY, Map.of());
    payClaim();
  }

  private void schedule(boolean interim) {
    when(monitoring.scheduleEarlyPlan(CASE)).thenReturn(EarlyPlanSchedule.of(LocalDate.of(2025, 9, 1), 3, interim, 6, 2));
    when(monitoringRounds.finalRoundNo(CASE.value())).thenReturn(interim ? 2 : 1);
  }
}
