package jp.keieikaizen.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.*;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import jp.keieikaizen.casefile.CaseFileService;
import jp.keieikaizen.casefile.CaseNumber;
import jp.keieikaizen.casefile.CaseState;
import jp.keieikaizen.casefile.CostCategory;
import jp.keieikaizen.intake.ApplicationService;
import jp.keieikaizen.intake.EligibilityResult;
import jp.keieikaizen.intake.EligibilityService;
import jp.keieikaizen.intake.RegisteredCase;
import jp.keieikaizen.monitoring.EarlyPlanSchedule;
import jp.keieikaizen.monitoring.MonitoringService;
import jp.keieikaizen.process.CaseProcess.Ends;
import jp.keieikaizen.process.CaseProcess.Tasks;
import jp.keieikaizen.subsidy.ClaimService;

/** Every path of early-plan.bpmn, with the real delegates over mocked services; jobs and timers driven by hand. */
@Deployment(resources = { "processes/early-plan.bpmn", "processes/payment-claim.bpmn", "processes/monitoring-round.bpmn" })
class EarlyPlanProcessTest {

  /** H2 engine of camunda-test.cfg.xml (not camunda.cfg.xml: the app's REST API would pick that one up as "default"). */
  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder().configurationResource("camunda-test.cfg.xml").build();

  static final CaseNumber CASE = new CaseNumber("13-2025-0001");
  static final String COORDINATOR = "council-13-coordinator", SUPERVISOR = "council-13-supervisor", AGENCY = "agency-7";

  ApplicationService applications = mock(ApplicationService.class);
  EligibilityService eligibility = mock(EligibilityService.class);
  CaseFileService cases = mock(CaseFileService.class);
  MonitoringService monitoring = mock(MonitoringService.class);
  ClaimService claims = mock(ClaimService.class);
  MonitoringDueDates dueDates = mock(MonitoringDueDates.class);

  @BeforeEach
  void wire() {
    Mocks.register("registerApplicationDelegate", new RegisterApplicationDelegate(applications));
    Mocks.register("checkEligibilityDelegate", new CheckEligibilityDelegate(eligibility));
    Mocks.register("recordLapseDelegate", new RecordLapseDelegate(cases));
    Mocks.register("scheduleMonitoringDelegate", new ScheduleMonitoringDelegate(monitoring));
    Mocks.register("computeSubsidyDelegate", new ComputeSubsidyDelegate(claims));
    Mocks.register("closeCaseDelegate", new CloseCaseDelegate(cases));
    Mocks.register("monitoringDueDates", dueDates);
    when(applications.registerEarlyPlan(any(), any())).thenReturn(new RegisteredCase(CASE, "13", 7L, true));
    when(eligibility.check(CASE)).thenReturn(EligibilityResult.of(List.of()));
    when(dueDates.reportDue(any(), any())).thenReturn(new Date());
  }

  @AfterEach
  void reset() {
    Mocks.reset();
  }

  @Test
  void acceptedCaseWithInterimMonitoringIsClosed() {
    schedule(true);
    ProcessInstance pi = applyAndAccept();
    draftAndApprovePlan();
    fileAndPayPlanClaim();
    fire(Tasks.WAIT_FOR_INTERIM_MONITORING);
    monitoringRound("INTERIM_MONITORING");
    fire(Tasks.WAIT_FOR_FINAL_MONITORING);
    monitoringRound("FINAL_MONITORING");

    assertThat(pi).hasPassedInOrder(Tasks.DECIDE_APPLICATION, Tasks.DRAFT_PLAN, Tasks.ADVISE_PLAN, Tasks.RECORD_LENDER_RECEIPT,
        Tasks.RECORD_COMPANY_SHARE, Tasks.FILE_PLAN_CLAIM, Tasks.CLAIM_PLAN_PAYMENT, Tasks.MONITOR_INTERIM,
        Tasks.CLAIM_INTERIM_PAYMENT, Tasks.MONITOR_FINAL, Tasks.CLAIM_FINAL_PAYMENT, Tasks.CLOSE_CASE)
        .hasPassed(Ends.CASE_CLOSED).isEnded();
    verify(claims).compute(CASE, CostCategory.PLAN);
    verify(claims).compute(CASE, CostCategory.INTERIM_MONITORING);
    verify(claims).compute(CASE, CostCategory.FINAL_MONITORING);
    verify(cases).end(eq(CASE), eq(CaseState.CLOSED), any(), any());
  }

  @Test
  void acceptedCaseWithoutInterimMonitoringGoesStraightToFinalMonitoring() {
    schedule(false);
    ProcessInstance pi = applyAndAccept();
    draftAndApprovePlan();
    fileAndPayPlanClaim();
    fire(Tasks.WAIT_FOR_FINAL_MONITORING);
    monitoringRound("FINAL_MONITORING");

    assertThat(pi).hasNotPassed(Tasks.WAIT_FOR_INTERIM_MONITORING, Tasks.MONITOR_INTERIM)
        .hasPassed(Tasks.MONITOR_FINAL, Ends.CASE_CLOSED).isEnded();
    verify(claims, never()).compute(CASE, CostCategory.INTERIM_MONITORING);
  }

  @Test
  void returnedApplicationIsCorrectedResubmittedAndCarriedToTheEnd() {
    schedule(false);
    ProcessInstance pi = apply();
    complete(Tasks.DECIDE_APPLICATION, COORDINATOR, Map.of("decision", "RETURN"));
    complete(Tasks.CORRECT_APPLICATION, AGENCY, Map.of("correctionAction", "RESUBMIT"));
    runJob(Tasks.CHECK_ELIGIBILITY);
    complete(Tasks.DECIDE_APPLICATION, COORDINATOR, acceptance());
    draftAndApprovePlan();
    fileAndPayPlanClaim();
    fire(Tasks.WAIT_FOR_FINAL_MONITORING);
    monitoringRound("FINAL_MONITORING");

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
    complete(Tasks.DRAFT_PLAN, AGENCY, Map.of());
    complete(Tasks.ADVISE_PLAN, SUPERVISOR, Map.of("adviceOutcome", "APPROVE"));
    complete(Tasks.RECORD_LENDER_RECEIPT, AGENCY, Map.of());
    complete(Tasks.RECORD_COMPANY_SHARE, AGENCY, Map.of());
    fileAndPayPlanClaim();
    fire(Tasks.WAIT_FOR_FINAL_MONITORING);
    monitoringRound("FINAL_MONITORING");

    assertThat(pi).hasPassedInOrder(Tasks.DRAFT_PLAN, Tasks.ADVISE_PLAN, Tasks.DRAFT_PLAN, Tasks.ADVISE_PLAN,
        Tasks.RECORD_LENDER_RECEIPT).hasPassed(Ends.CASE_CLOSED).isEnded();
  }

  @Test
  void planClaimNotFiledWithinAYearLapses() {
    ProcessInstance pi = applyAndAccept();
    complete(Tasks.DRAFT_PLAN, AGENCY, Map.of());
    fire(Tasks.PLAN_CLAIM_OVERDUE);

    assertThat(pi).hasPassed(Tasks.RECORD_LAPSE, Ends.APPLICATION_LAPSED).hasNotPassed(Tasks.CLAIM_PLAN_PAYMENT).isEnded();
    verify(cases).end(eq(CASE), eq(CaseState.LAPSED), any(), any());
  }

  @Test
  void caseWithdrawnDuringMonitoringEndsWithItsCalledRound() {
    schedule(true);
    ProcessInstance pi = applyAndAccept();
    draftAndApprovePlan();
    fileAndPayPlanClaim();
    fire(Tasks.WAIT_FOR_INTERIM_MONITORING);
    assertThat(taskOf(Tasks.SUBMIT_MONITORING_REPORT)).isNotNull();

    runtimeService().createMessageCorrelation(CaseProcess.Messages.CASE_WITHDRAWN)
        .processInstanceBusinessKey(CASE.value()).correlate();

    assertThat(pi).hasPassed(Ends.CASE_WITHDRAWN).hasNotPassed(Tasks.CLOSE_CASE).isEnded();
    Assertions.assertThat(runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(CASE.value()).count()).isZero();
  }

  @Test
  void withdrawalBeforeTheDecisionEndsTheCase() {
    ProcessInstance pi = apply();
    runtimeService().createMessageCorrelation(CaseProcess.Messages.CASE_WITHDRAWN)
        .processInstanceBusinessKey(CASE.value()).correlate();

    assertThat(pi).hasPassed(Ends.CASE_WITHDRAWN).hasNotPassed(Tasks.PREPARE_PLAN).isEnded();
  }

  // --- helpers ---------------------------------------------------------------------------------------------------

  private ProcessInstance apply() {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey(CaseProcess.EARLY_PLAN, Map.of("companyName", "テスト"));
    assertThat(pi).isWaitingAt(Tasks.CHECK_ELIGIBILITY);
    Assertions.assertThat(pi.getBusinessKey()).isEqualTo(CASE.value());
    assertThat(pi).variables().containsEntry("councilCode", "13").containsEntry("leadAgencyId", 7L)
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
    return Map.of("decision", "ACCEPT", "planClaimDeadline", date(LocalDate.now().plusYears(1)));
  }

  private void draftAndApprovePlan() {
    complete(Tasks.DRAFT_PLAN, AGENCY, Map.of());
    complete(Tasks.ADVISE_PLAN, SUPERVISOR, Map.of("adviceOutcome", "APPROVE"));
    complete(Tasks.RECORD_LENDER_RECEIPT, AGENCY, Map.of());
    complete(Tasks.RECORD_COMPANY_SHARE, AGENCY, Map.of());
  }

  private void fileAndPayPlanClaim() {
    complete(Tasks.FILE_PLAN_CLAIM, AGENCY, Map.of());
    payClaim();
  }

  /** The paymentClaim call activity: compute (async), check, record payment. */
  private void payClaim() {
    runJob(Tasks.COMPUTE_SUBSIDY);
    complete(Tasks.CHECK_CLAIM, COORDINATOR, Map.of("claimDecision", "APPROVE"));
    complete(Tasks.RECORD_PAYMENT, COORDINATOR, Map.of());
  }

  /** The monitoringRound call activity, then the payment of its claim. */
  private void monitoringRound(String category) {
    Task submit = taskOf(Tasks.SUBMIT_MONITORING_REPORT);
    Assertions.assertThat(runtimeService().getVariable(submit.getExecutionId(), "claimCategory")).isEqualTo(category);
    complete(Tasks.SUBMIT_MONITORING_REPORT, AGENCY, Map.of());
    complete(Tasks.REVIEW_MONITORING_REPORT, SUPERVISOR, Map.of("reviewOutcome", "ACCEPT"));
    complete(Tasks.FILE_MONITORING_CLAIM, AGENCY, Map.of());
    payClaim();
  }

  private void schedule(boolean interim) {
    LocalDate plan = LocalDate.of(2025, 9, 1);
    when(monitoring.scheduleEarlyPlan(CASE)).thenReturn(EarlyPlanSchedule.of(plan, 3, interim, 6, 2));
  }

  /** Completes the case's open task with this key, after checking who it is offered to and that it is due. */
  private void complete(String key, String candidateGroup, Map<String, Object> variables) {
    Task task = taskOf(key);
    assertThat(task).hasCandidateGroup(candidateGroup);
    Assertions.assertThat(task.getDueDate()).isNotNull();
    taskService().complete(task.getId(), variables);
  }

  private Task taskOf(String key) {
    Task task = taskService().createTaskQuery().processInstanceBusinessKey(CASE.value()).taskDefinitionKey(key).singleResult();
    assertThat(task).as("open task " + key).isNotNull();
    return task;
  }

  private void runJob(String activityId) {
    Job job = managementService().createJobQuery().activityId(activityId).singleResult();
    assertThat(job).as("job at " + activityId).isNotNull();
    execute(job);
  }

  /** Fires the timer at an activity (an intermediate timer or a boundary timer) now. */
  private void fire(String activityId) {
    Job timer = managementService().createJobQuery().timers().activityId(activityId).singleResult();
    assertThat(timer).as("timer at " + activityId).isNotNull();
    execute(timer);
  }

  private static Date date(LocalDate d) {
    return Dates.startOf(d);
  }
}
