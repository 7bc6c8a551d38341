package jp.keieikaizen.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.*;

import java.util.HashMap;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import jp.keieikaizen.casefile.CostCategory;
import jp.keieikaizen.lender.CaseLender;
import jp.keieikaizen.process.CaseProcess.Tasks;
import jp.keieikaizen.subsidy.ClaimService.ClaimRef;

/** Every path of the reusable call activities: payment-claim, monitoring-round and lender-agreement. */
class CallActivityProcessTest extends ProcessTestSupport {

  @RegisterExtension
  static ProcessEngineExtension engine = h2Engine();

  @Test
  @Deployment(resources = "processes/payment-claim.bpmn")
  void approvedClaimIsPaid() {
    ProcessInstance pi = start(CaseProcess.PAYMENT_CLAIM, Map.of("claimCategory", "MONITORING", "claimNo", 2));
    payClaim();

    assertThat(pi).hasPassedInOrder(Tasks.FILE_CLAIM, Tasks.COMPUTE_SUBSIDY, Tasks.CHECK_CLAIM, Tasks.RECORD_PAYMENT)
        .hasNotPassed(Tasks.CORRECT_CLAIM).hasPassed("noClaimDeadline", "claimPaid").isEnded();
    verify(claims).compute(CASE, ref(CostCategory.MONITORING, 2));
  }

  @Test
  @Deployment(resources = "processes/payment-claim.bpmn")
  void returnedClaimIsCorrectedRecomputedAndPaid() {
    ProcessInstance pi = start(CaseProcess.PAYMENT_CLAIM, Map.of("claimCategory", "PLAN"));
    complete(Tasks.FILE_CLAIM, AGENCY, Map.of());
    runJob(Tasks.COMPUTE_SUBSIDY);
    complete(Tasks.CHECK_CLAIM, COORDINATOR, Map.of("claimDecision", "RETURN"));
    complete(Tasks.CORRECT_CLAIM, AGENCY, Map.of());
    runJob(Tasks.COMPUTE_SUBSIDY);
    complete(Tasks.CHECK_CLAIM, COORDINATOR, Map.of("claimDecision", "APPROVE"));
    complete(Tasks.RECORD_PAYMENT, COORDINATOR, Map.of());

    assertThat(pi).hasPassedInOrder(Tasks.CHECK_CLAIM, Tasks.CORRECT_CLAIM, Tasks.COMPUTE_SUBSIDY, Tasks.CHECK_CLAIM,
        Tasks.RECORD_PAYMENT).isEnded();
    verify(claims, times(2)).compute(CASE, ref(CostCategory.PLAN, 1));
  }

  @Test
  @Deployment(resources = "processes/payment-claim.bpmn")
  void aMonitoringClaimNotFiledByItsDeadlineLapses() {
    ProcessInstance pi = start(CaseProcess.PAYMENT_CLAIM, Map.of("claimCategory", "MONITORING", "claimNo", 1,
        "claimLapsesAt", SOON));
    Assertions.assertThat(taskOf(Tasks.FILE_CLAIM).getDueDate()).isEqualTo(SOON);

    fire("claimDeadlinePassed");

    assertThat(pi).hasPassed("lapseUnfiledClaim", "claimLapsed").hasNotPassed(Tasks.COMPUTE_SUBSIDY).isEnded();
    Assertions.assertThat(tasks(Tasks.FILE_CLAIM)).isEmpty();
    verify(cases).recordEvent(eq(CASE), eq("CLAIM_LAPSED_MONITORING"), eq(null), any());
  }

  @Test
  @Deployment(resources = "processes/payment-claim.bpmn")
  void aMonitoringClaimFiledInTimeGoesOnPastTheDeadline() {
    ProcessInstance pi = start(CaseProcess.PAYMENT_CLAIM, Map.of("claimCategory", "MONITORING", "claimNo", 1,
        "claimLapsesAt", SOON));
    complete(Tasks.FILE_CLAIM, AGENCY, Map.of());
    when(claims.isFiled(CASE, ref(CostCategory.MONITORING, 1))).thenReturn(true);
    fire("claimDeadlinePassed");
    runJob(Tasks.COMPUTE_SUBSIDY);
    complete(Tasks.CHECK_CLAIM, COORDINATOR, Map.of("claimDecision", "APPROVE"));
    complete(Tasks.RECORD_PAYMENT, COORDINATOR, Map.of());

    assertThat(pi).hasPassed("claimFiledInTime", "claimPaid").hasNotPassed("claimLapsed").isEnded();
    verify(cases, never()).recordEvent(eq(CASE), eq("CLAIM_LAPSED_MONITORING"), any(), any());
  }

  @Test
  @Deployment(resources = "processes/payment-claim.bpmn")
  void aPaidClaimEndsItsDeadlineWatch() {
    ProcessInstance pi = start(CaseProcess.PAYMENT_CLAIM, Map.of("claimCategory", "MONITORING", "claimNo", 1,
        "claimLapsesAt", SOON));
    payClaim();

    assertThat(pi).hasPassed("claimPaid").hasNotPassed("lapseUnfiledClaim", "claimLapsed").isEnded();
    Assertions.assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  @Test
  @Deployment(resources = "processes/monitoring-round.bpmn")
  void acceptedReportIsRecorded() {
    ProcessInstance pi = start(CaseProcess.MONITORING_ROUND, Map.of("roundNo", 3));
    Assertions.assertThat(taskOf(Tasks.SUBMIT_MONITORING_REPORT).getDueDate()).isEqualTo(SOON);
    monitoringRound();

    assertThat(pi).hasPassed("roundRecorded").isEnded();
    verify(monitoringRounds).reportDue(CASE.value(), 3);
  }

  @Test
  @Deployment(resources = "processes/monitoring-round.bpmn")
  void returnedReportIsResubmitted() {
    ProcessInstance pi = start(CaseProcess.MONITORING_ROUND, Map.of("roundNo", 1));
    complete(Tasks.SUBMIT_MONITORING_REPORT, AGENCY, Map.of());
    complete(Tasks.REVIEW_MONITORING_REPORT, SUPERVISOR, Map.of("reviewOutcome", "RETURN"));
    monitoringRound();

    assertThat(pi).hasPassedInOrder(Tasks.SUBMIT_MONITORING_REPORT, Tasks.REVIEW_MONITORING_REPORT,
        Tasks.SUBMIT_MONITORING_REPORT, Tasks.REVIEW_MONITORING_REPORT).isEnded();
  }

  @Test
  @Deployment(resources = "processes/lender-agreement.bpmn")
  void lenderAnswersInTime() {
    ProcessInstance pi = startAgreement();
    lendersRespond("CONSENT", 1);

    assertThat(pi).hasPassed("lenderResponded").hasNotPassed(Tasks.REMIND_LENDER, Tasks.FOLLOW_UP_LENDER_RESPONSE).isEnded();
  }

  @Test
  @Deployment(resources = "processes/lender-agreement.bpmn")
  void aReminderGoesOnTheTimelineBeforeTheDueDate() {
    CaseLender lender = mock(CaseLender.class);
    when(lender.name()).thenReturn("テスト信用金庫");
    when(lenders.lender(CASE, 11L)).thenReturn(lender);
    ProcessInstance pi = startAgreement();
    fire(Tasks.LENDER_RESPONSE_REMINDER);
    assertThat(pi).hasPassed(Tasks.REMIND_LENDER, "reminderSent").isActive();
    lendersRespond("REFUSAL", 1);

    assertThat(pi).hasPassed("lenderResponded").isEnded();
    verify(cases).recordEvent(eq(CASE), eq("LENDER_REMINDER"), any(), any());
  }

  @Test
  @Deployment(resources = "processes/lender-agreement.bpmn")
  void anOverdueAnswerEscalatesToTheCoordinatorAndTheAnswerEndsTheFollowUp() {
    ProcessInstance pi = startAgreement();
    fire(Tasks.LENDER_RESPONSE_OVERDUE);
    Assertions.assertThat(taskOf(Tasks.FOLLOW_UP_LENDER_RESPONSE).getName()).contains("テスト信用金庫");
    assertThat(taskOf(Tasks.FOLLOW_UP_LENDER_RESPONSE)).hasCandidateGroup(COORDINATOR);
    lendersRespond("CONSENT", 1);

    assertThat(pi).hasPassed("lenderResponded").hasNotPassed("overdueFollowedUp").isEnded();
    Assertions.assertThat(tasks(Tasks.FOLLOW_UP_LENDER_RESPONSE)).isEmpty();
  }

  @Test
  @Deployment(resources = "processes/lender-agreement.bpmn")
  void theCoordinatorFollowsUpAndTheLenderAnswersLater() {
    ProcessInstance pi = startAgreement();
    fire(Tasks.LENDER_RESPONSE_OVERDUE);
    complete(Tasks.FOLLOW_UP_LENDER_RESPONSE, COORDINATOR, Map.of());
    assertThat(pi).hasPassed("overdueFollowedUp").isActive();
    lendersRespond("CONSENT", 1);

    assertThat(pi).hasPassed("lenderResponded").isEnded();
  }

  private ProcessInstance startAgreement() {
    return start(CaseProcess.LENDER_AGREEMENT, Map.of("lenderId", 11L, "responseKind", "CONSENT", "lenderName",
        "テスト信用金庫", "lenderResponseDue", SOON));
  }

  private ProcessInstance start(String key, Map<String, Object> variables) {
    Map<String, Object> all = new HashMap<>(variables);
    all.put("claimAgencyId", 7L);
    return runtimeService().startProcessInstanceByKey(key, CASE.value(), all);
  }
}
