package jp.keieikaizen.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.*;

import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import jp.keieikaizen.casefile.CaseNumber;
import jp.keieikaizen.casefile.CostCategory;
import jp.keieikaizen.process.CaseProcess.Tasks;
import jp.keieikaizen.subsidy.ClaimService;

/** Every path of the reusable call activities payment-claim.bpmn and monitoring-round.bpmn. */
class CallActivityProcessTest {

  /** H2 engine of camunda-test.cfg.xml (not camunda.cfg.xml: the app's REST API would pick that one up as "default"). */
  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder().configurationResource("camunda-test.cfg.xml").build();

  static final String CASE = "13-2025-0002";
  static final Map<String, Object> IDS = Map.of("councilCode", "13", "leadAgencyId", 7L);

  ClaimService claims = mock(ClaimService.class);
  MonitoringDueDates dueDates = mock(MonitoringDueDates.class);

  @BeforeEach
  void wire() {
    Mocks.register("computeSubsidyDelegate", new ComputeSubsidyDelegate(claims));
    Mocks.register("monitoringDueDates", dueDates);
    when(dueDates.reportDue(any(), any())).thenReturn(new Date(0));
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  @Test
  @Deployment(resources = "processes/payment-claim.bpmn")
  void approvedClaimIsPaid() {
    ProcessInstance pi = startClaim();
    execute(job(pi));
    assertThat(pi).task(Tasks.CHECK_CLAIM).hasCandidateGroup("council-13-coordinator");
    complete(task(pi), withVariables("claimDecision", "APPROVE"));
    assertThat(pi).task(Tasks.RECORD_PAYMENT).hasCandidateGroup("council-13-coordinator");
    complete(task(pi));

    assertThat(pi).hasPassedInOrder(Tasks.COMPUTE_SUBSIDY, Tasks.CHECK_CLAIM, Tasks.RECORD_PAYMENT)
        .hasNotPassed(Tasks.CORRECT_CLAIM).hasPassed("claimPaid").isEnded();
    verify(claims).compute(new CaseNumber(CASE), CostCategory.PLAN);
  }

  @Test
  @Deployment(resources = "processes/payment-claim.bpmn")
  void returnedClaimIsCorrectedRecomputedAndPaid() {
    ProcessInstance pi = startClaim();
    execute(job(pi));
    complete(task(pi), withVariables("claimDecision", "RETURN"));
    assertThat(pi).task(Tasks.CORRECT_CLAIM).hasCandidateGroup("agency-7");
    complete(task(pi));
    execute(job(pi));
    complete(task(pi), withVariables("claimDecision", "APPROVE"));
    complete(task(pi));

    assertThat(pi).hasPassedInOrder(Tasks.CHECK_CLAIM, Tasks.CORRECT_CLAIM, Tasks.COMPUTE_SUBSIDY, Tasks.CHECK_CLAIM,
        Tasks.RECORD_PAYMENT).isEnded();
    verify(claims, times(2)).compute(new CaseNumber(CASE), CostCategory.PLAN);
  }

  @Test
  @Deployment(resources = "processes/monitoring-round.bpmn")
  void acceptedReportIsClaimed() {
    ProcessInstance pi = startRound();
    assertThat(pi).task(Tasks.SUBMIT_MONITORING_REPORT).hasCandidateGroup("agency-7").hasDueDate(new Date(0));
    complete(task(pi));
    assertThat(pi).task(Tasks.REVIEW_MONITORING_REPORT).hasCandidateGroup("council-13-supervisor");
    complete(task(pi), withVariables("reviewOutcome", "ACCEPT"));
    assertThat(pi).task(Tasks.FILE_MONITORING_CLAIM).hasCandidateGroup("agency-7");
    complete(task(pi));

    assertThat(pi).hasPassed("roundReported").isEnded();
    verify(dueDates).reportDue(CASE, "FINAL");
  }

  @Test
  @Deployment(resources = "processes/monitoring-round.bpmn")
  void returnedReportIsResubmitted() {
    ProcessInstance pi = startRound();
    complete(task(pi));
    complete(task(pi), withVariables("reviewOutcome", "RETURN"));
    assertThat(pi).isWaitingAt(Tasks.SUBMIT_MONITORING_REPORT);
    complete(task(pi));
    complete(task(pi), withVariables("reviewOutcome", "ACCEPT"));
    complete(task(pi));

    assertThat(pi).hasPassedInOrder(Tasks.SUBMIT_MONITORING_REPORT, Tasks.REVIEW_MONITORING_REPORT,
        Tasks.SUBMIT_MONITORING_REPORT, Tasks.REVIEW_MONITORING_REPORT, Tasks.FILE_MONITORING_CLAIM).isEnded();
  }

  private ProcessInstance startClaim() {
    var vars = new java.util.HashMap<String, Object>(IDS);
    vars.put("claimCategory", "PLAN");
    return runtimeService().startProcessInstanceByKey(CaseProcess.PAYMENT_CLAIM, CASE, vars);
  }

  private ProcessInstance startRound() {
    var vars = new java.util.HashMap<String, Object>(IDS);
    vars.put("roundKind", "FINAL");
    vars.put("claimCategory", "FINAL_MONITORING");
    return runtimeService().startProcessInstanceByKey(CaseProcess.MONITORING_ROUND, CASE, vars);
  }
}
