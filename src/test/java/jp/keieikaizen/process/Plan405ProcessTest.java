package jp.keieikaizen.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.*;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import jp.keieikaizen.casefile.CaseState;
import jp.keieikaizen.casefile.CostCategory;
import jp.keieikaizen.process.CaseProcess.Ends;
import jp.keieikaizen.process.CaseProcess.Tasks;
import jp.keieikaizen.subsidy.ClaimService.ClaimRef;

/** Every path of plan-405.bpmn (通常枠 and 中小版GL枠) with its call activities; jobs and timers driven by hand. */
@Deployment(resources = { "processes/plan-405.bpmn", "processes/payment-claim.bpmn", "processes/monitoring-round.bpmn",
    "processes/lender-agreement.bpmn" })
class Plan405ProcessTest extends ProcessTestSupport {

  @RegisterExtension
  static ProcessEngineExtension engine = h2Engine();

  @BeforeEach
  void threeYearlyRounds() {
    when(monitoringRounds.roundNumbers(CASE.value())).thenReturn(List.of(1, 2, 3));
    for (int round = 1; round <= 3; round++) {
      when(monitoringRounds.claimNo(CASE.value(), round)).thenReturn(round);
    }
    when(lenders.allConsented(CASE)).thenReturn(true);
  }

  @Test
  void normalTrackWithOneLenderIsMonitoredForThreeYearsAndClosed() {
    ProcessInstance pi = applyAndAccept();
    planAndConsent(1);
    paymentsAndMonitoring(false);

    assertThat(pi).hasPassedInOrder(Tasks.DECIDE_APPLICATION, Tasks.DRAFT_PLAN_405, Tasks.ADVISE_PLAN,
        Tasks.OBTAIN_LENDER_CONSENTS, Tasks.EVALUATE_CONSENTS, Tasks.RECORD_COMPANY_SHARE, Tasks.CLAIM_PLAN_PAYMENT,
        Tasks.SCHEDULE_MONITORING_405, Tasks.MONITOR_FOR_THREE_YEARS, Tasks.CLOSE_CASE)
        .hasNotPassed(Tasks.CONDUCT_DUE_DILIGENCE, Tasks.CLAIM_DUE_DILIGENCE_PAYMENT, Tasks.REVISE_PLAN)
        .hasPassed(Ends.CASE_CLOSED).isEnded();
    for (int claimNo = 1; claimNo <= 3; claimNo++) {
      verify(claims).compute(CASE, ref(CostCategory.MONITORING, claimNo));
    }
    verify(cases).end(eq(CASE), eq(CaseState.CLOSED), any(), any());
  }

  @Test
  void guidelineTrackWithThreeLendersDoesDueDiligenceAndClaimsItSeparately() {
    when(caseOptions.guidelineTrack(CASE.value())).thenReturn(true);
    lenders(3);
    ProcessInstance pi = applyAndAccept();
    complete(Tasks.CONDUCT_DUE_DILIGENCE, AGENCY, Map.of());
    planAndConsent(3);
    complete(Tasks.RECORD_COMPANY_SHARE, AGENCY, Map.of());
    payClaim(); // DD
    payClaim(); // plan
    paymentsAndMonitoring(true);

    assertThat(pi).hasPassedInOrder(Tasks.CONDUCT_DUE_DILIGENCE, Tasks.DRAFT_PLAN_405, Tasks.OBTAIN_LENDER_CONSENTS,
        Tasks.CLAIM_DUE_DILIGENCE_PAYMENT, Tasks.CLAIM_PLAN_PAYMENT).hasPassed(Ends.CASE_CLOSED).isEnded();
    verify(claims).compute(CASE, ref(CostCategory.DUE_DILIGENCE, 1));
  }

  @Test
  void eachAgencyThatQuotedThePlanFilesAndIsPaidItsOwnClaim() {
    when(claimAgencies.of(CASE.value(), "PLAN")).thenReturn(List.of(7L, 8L));
    ProcessInstance pi = applyAndAccept();
    planAndConsent(1);
    complete(Tasks.RECORD_COMPANY_SHARE, AGENCY, Map.of());
    List<Task> filings = tasks(Tasks.FILE_CLAIM);
    Assertions.assertThat(filings).hasSize(2);
    Assertions.assertThat(filings).extracting(t -> taskService().getIdentityLinksForTask(t.getId()).get(0).getGroupId())
        .containsExactlyInAnyOrder("agency-7", "agency-8");
    filings.forEach(t -> taskService().complete(t.getId()));
    managementService().createJobQuery().activityId(Tasks.COMPUTE_SUBSIDY).list().forEach(j -> execute(j));
    tasks(Tasks.CHECK_CLAIM).forEach(t -> taskService().complete(t.getId(), Map.of("claimDecision", "APPROVE")));
    tasks(Tasks.RECORD_PAYMENT).forEach(t -> taskService().complete(t.getId()));
    paymentsAndMonitoring(true);

    assertThat(pi).hasPassed(Ends.CASE_CLOSED).isEnded();
    verify(claims).compute(CASE, ref(CostCategory.PLAN, 1));
    verify(claims).compute(CASE, new ClaimRef(8L, CostCategory.PLAN, 1));
  }

  @Test
  void sevenLendersEachGetTheirOwnConsentTask() {
    lenders(7);
    ProcessInstance pi = applyAndAccept();
    planAndConsent(7);
    paymentsAndMonitoring(false);

    assertThat(pi).hasPassed(Ends.CASE_CLOSED).isEnded();
    Assertions.assertThat(historyService().createHistoricActivityInstanceQuery().activityId(Tasks.RECORD_LENDER_RESPONSE)
        .count()).isEqualTo(7);
  }

  @Test
  void aRefusalSendsThePlanBackAndOnlyTheRefusingLenderIsAskedAgain() {
    // the engine evaluates the collection once per element: the answer follows the lenders' state, as the database does
    List<List<Long>> toAsk = new java.util.ArrayList<>(List.of(List.of(11L, 12L, 13L)));
    when(lenderAgreements.toAsk(CASE.value(), "CONSENT")).thenAnswer(i -> toAsk.get(toAsk.size() - 1));
    when(lenders.allConsented(CASE)).thenReturn(false, true);
    ProcessInstance pi = applyAndAccept();
    draftAndAdvise();
    List<Task> consents = tasks(Tasks.RECORD_LENDER_RESPONSE);
    Assertions.assertThat(consents).hasSize(3);
    consents.forEach(t -> taskService().complete(t.getId(), Map.of("lenderResponse", t == consents.get(2) ? "REFUSAL" : "CONSENT")));
    toAsk.add(List.of(13L));
    complete(Tasks.REVISE_PLAN, AGENCY, Map.of());
    lendersRespond("CONSENT", 1);
    paymentsAndMonitoring(false);

    assertThat(pi).hasPassedInOrder(Tasks.OBTAIN_LENDER_CONSENTS, Tasks.EVALUATE_CONSENTS, Tasks.REVISE_PLAN,
        Tasks.OBTAIN_LENDER_CONSENTS, Tasks.EVALUATE_CONSENTS, Tasks.RECORD_COMPANY_SHARE).hasPassed(Ends.CASE_CLOSED).isEnded();
  }

  @Test
  void repeatedRefusalsEndWithTheCouncilTakingTheCaseOver() {
    when(lenders.allConsented(CASE)).thenReturn(false);
    ProcessInstance pi = applyAndAccept();
    draftAndAdvise();
    lendersRespond("REFUSAL", 1);
    complete(Tasks.REVISE_PLAN, AGENCY, Map.of());
    lendersRespond("REFUSAL", 1);
    taskOf(Tasks.REVISE_PLAN);

    send(CaseProcess.Messages.CASE_HANDED_OVER);

    assertThat(pi).hasPassed(Ends.CASE_HANDED_OVER).hasNotPassed(Tasks.RECORD_COMPANY_SHARE).isEnded();
    Assertions.assertThat(openInstances()).isZero();
  }

  @Test
  void anApplicationNotExtendedLapsesTwoYearsAfterAcceptance() {
    ProcessInstance pi = applyAndAccept();
    draftAndAdvise();
    fire(Tasks.APPLICATION_VALIDITY_ENDED);
    complete(Tasks.REVIEW_APPLICATION_VALIDITY, COORDINATOR, Map.of("validityDecision", "LAPSE"));

    assertThat(pi).hasPassed(Tasks.RECORD_LAPSE, Ends.APPLICATION_LAPSED).hasNotPassed(Tasks.RECORD_COMPANY_SHARE).isEnded();
    Assertions.assertThat(openInstances()).isZero();
    verify(cases).lapse(CASE);
  }

  @Test
  void anExtendedApplicationGoesOnAndIsClosed() {
    ProcessInstance pi = applyAndAccept();
    draftAndAdvise();
    fire(Tasks.APPLICATION_VALIDITY_ENDED);
    complete(Tasks.REVIEW_APPLICATION_VALIDITY, COORDINATOR,
        Map.of("validityDecision", "EXTEND", "applicationValidUntil", Dates.startOf(LocalDate.now().plusMonths(6))));
    fire(Tasks.WAIT_FOR_EXTENDED_VALIDITY);
    complete(Tasks.REVIEW_APPLICATION_VALIDITY, COORDINATOR,
        Map.of("validityDecision", "EXTEND", "applicationValidUntil", Dates.startOf(LocalDate.now().plusMonths(9))));
    lendersRespond("CONSENT", 1);
    Assertions.assertThat(managementService().createJobQuery().timers().activityId(Tasks.WAIT_FOR_EXTENDED_VALIDITY).count())
        .as("the validity timer ends with the consents").isZero();
    paymentsAndMonitoring(false);

    assertThat(pi).hasPassed(Tasks.WAIT_FOR_EXTENDED_VALIDITY, Ends.CASE_CLOSED).hasNotPassed(Tasks.RECORD_LAPSE).isEnded();
  }

  @Test
  void withdrawalDuringMonitoringEndsTheCase() {
    ProcessInstance pi = applyAndAccept();
    planAndConsent(1);
    complete(Tasks.RECORD_COMPANY_SHARE, AGENCY, Map.of());
    payClaim();
    fire(Tasks.WAIT_FOR_ROUND);
    monitoringRound();
    payClaim();
    fire(Tasks.WAIT_FOR_ROUND);
    taskOf(Tasks.SUBMIT_MONITORING_REPORT);

    send(CaseProcess.Messages.CASE_WITHDRAWN);

    assertThat(pi).hasPassed(Ends.CASE_WITHDRAWN).hasNotPassed(Tasks.CLOSE_CASE).isEnded();
    Assertions.assertThat(openInstances()).isZero();
  }

  @Test
  void rejectedAndReturnedApplicationsEndOrComeBack() {
    ProcessInstance pi = apply();
    complete(Tasks.DECIDE_APPLICATION, COORDINATOR, Map.of("decision", "RETURN"));
    complete(Tasks.CORRECT_APPLICATION_405, AGENCY, Map.of("correctionAction", "RESUBMIT"));
    runJob(Tasks.CHECK_ELIGIBILITY);
    complete(Tasks.DECIDE_APPLICATION, COORDINATOR, Map.of("decision", "REJECT"));

    assertThat(pi).hasPassedInOrder(Tasks.CORRECT_APPLICATION_405, Tasks.CHECK_ELIGIBILITY, Tasks.DECIDE_APPLICATION)
        .hasPassed(Ends.APPLICATION_REJECTED).isEnded();
  }

  // --- helpers ---------------------------------------------------------------------------------------------------

  private ProcessInstance apply() {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey(CaseProcess.PLAN_405,
        Map.of("programme", "PLAN_405", "lender1Name", "テスト銀行"));
    Assertions.assertThat(pi.getBusinessKey()).isEqualTo(CASE.value());
    assertThat(pi).variables().doesNotContainKeys("programme", "lender1Name");
    runJob(Tasks.CHECK_ELIGIBILITY);
    return pi;
  }

  private ProcessInstance applyAndAccept() {
    ProcessInstance pi = apply();
    complete(Tasks.DECIDE_APPLICATION, COORDINATOR,
        Map.of("decision", "ACCEPT", "applicationValidUntil", Dates.startOf(LocalDate.now().plusYears(2))));
    return pi;
  }

  private void draftAndAdvise() {
    complete(Tasks.DRAFT_PLAN_405, AGENCY, Map.of());
    complete(Tasks.ADVISE_PLAN, SUPERVISOR, Map.of("adviceOutcome", "SEND_BACK"));
    complete(Tasks.DRAFT_PLAN_405, AGENCY, Map.of());
    complete(Tasks.ADVISE_PLAN, SUPERVISOR, Map.of("adviceOutcome", "APPROVE"));
  }

  private void planAndConsent(int lenderCount) {
    draftAndAdvise();
    lendersRespond("CONSENT", lenderCount);
  }

  /** After the consents: company share and plan claim (unless already paid), then three yearly rounds with claims. */
  private void paymentsAndMonitoring(boolean planPaid) {
    if (!planPaid) {
      complete(Tasks.RECORD_COMPANY_SHARE, AGENCY, Map.of());
      payClaim();
    }
    for (int round = 1; round <= 3; round++) {
      fire(Tasks.WAIT_FOR_ROUND);
      monitoringRound();
      payClaim();
    }
  }

  private void lenders(int count) {
    when(lenderAgreements.toAsk(CASE.value(), "CONSENT")).thenReturn(LongStream.rangeClosed(11, 10 + count).boxed().toList());
  }
}
