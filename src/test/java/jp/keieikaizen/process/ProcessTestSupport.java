package jp.keieikaizen.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import jp.keieikaizen.casefile.CaseFileService;
import jp.keieikaizen.casefile.CaseNumber;
import jp.keieikaizen.intake.ApplicationService;
import jp.keieikaizen.intake.EligibilityResult;
import jp.keieikaizen.intake.EligibilityService;
import jp.keieikaizen.intake.RegisteredCase;
import jp.keieikaizen.lender.LenderService;
import jp.keieikaizen.monitoring.MonitoringService;
import jp.keieikaizen.process.CaseProcess.Tasks;
import jp.keieikaizen.subsidy.ClaimService;

/**
 * Each subclass registers the H2 engine with {@link #h2Engine()} in its own static field (one extension per class);
 * this class wires every delegate of the models over mocked services, and the helpers the path tests share: complete a
 * case's task after checking its candidate group and due date, run a job, fire a timer.
 */
abstract class ProcessTestSupport {

  /** H2 engine of camunda-test.cfg.xml (not camunda.cfg.xml: the app's REST API would pick that one up as "default"). */
  static ProcessEngineExtension h2Engine() {
    return ProcessEngineExtension.builder().configurationResource("camunda-test.cfg.xml").build();
  }

  static final CaseNumber CASE = new CaseNumber("13-2025-0001");
  static final String COORDINATOR = "council-13-coordinator", SUPERVISOR = "council-13-supervisor", AGENCY = "agency-7";
  static final Date SOON = Dates.startOf(LocalDate.now().plusDays(20));

  ApplicationService applications = mock(ApplicationService.class);
  EligibilityService eligibility = mock(EligibilityService.class);
  CaseFileService cases = mock(CaseFileService.class);
  MonitoringService monitoring = mock(MonitoringService.class);
  ClaimService claims = mock(ClaimService.class);
  LenderService lenders = mock(LenderService.class);
  LenderAgreements lenderAgreements = mock(LenderAgreements.class);
  MonitoringRounds monitoringRounds = mock(MonitoringRounds.class);
  CaseOptions caseOptions = mock(CaseOptions.class);
  ClaimAgencies claimAgencies = mock(ClaimAgencies.class);
  StartPermission startPermission = mock(StartPermission.class);

  /** The assertions use this class's H2 engine, not whichever engine the JVM-wide registry holds (the app's, too). */
  @BeforeEach
  void useTheH2Engine(org.camunda.bpm.engine.ProcessEngine engine) {
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(engine);
  }

  @AfterEach
  void forgetTheEngine() {
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset();
  }

  @BeforeEach
  void wireDelegates() {
    Mocks.register("registerApplicationDelegate", new RegisterApplicationDelegate(applications, startPermission));
    Mocks.register("registerApplication405Delegate", new RegisterApplication405Delegate(applications, startPermission));
    Mocks.register("checkEligibilityDelegate", new CheckEligibilityDelegate(eligibility));
    Mocks.register("recordLapseDelegate", new RecordLapseDelegate(cases));
    Mocks.register("scheduleMonitoringDelegate", new ScheduleMonitoringDelegate(monitoring));
    Mocks.register("scheduleMonitoring405Delegate", new ScheduleMonitoring405Delegate(monitoring));
    Mocks.register("computeSubsidyDelegate", new ComputeSubsidyDelegate(claims));
    Mocks.register("closeCaseDelegate", new CloseCaseDelegate(cases));
    Mocks.register("checkPlanClaimFiledDelegate", new CheckPlanClaimFiledDelegate(claims));
    Mocks.register("remindLenderDelegate", new RemindLenderDelegate(cases, lenders));
    Mocks.register("evaluateConsentsDelegate", new EvaluateConsentsDelegate(lenders));
    Mocks.register("checkFinalReportFiledDelegate", new CheckFinalReportFiledDelegate(monitoring));
    Mocks.register("lapseUnfiledClaimDelegate", new LapseUnfiledClaimDelegate(claims, cases));
    Mocks.register("lenderAgreements", lenderAgreements);
    Mocks.register("monitoringRounds", monitoringRounds);
    Mocks.register("caseOptions", caseOptions);
    Mocks.register("claimAgencies", claimAgencies);
    Mocks.register("caseRoutes", new CaseRoutes(cases));
    jp.keieikaizen.casefile.CaseFile file = mock(jp.keieikaizen.casefile.CaseFile.class);
    when(file.councilCode()).thenReturn("13");
    when(file.leadAgencyId()).thenReturn(7L);
    when(cases.get(CASE)).thenReturn(file);
    when(claimAgencies.of(anyString(), anyString())).thenReturn(List.of(7L));
    RegisteredCase registered = new RegisteredCase(CASE, "13", 7L, true);
    when(applications.registerEarlyPlan(any(), any())).thenReturn(registered);
    when(applications.register405(any(), any())).thenReturn(registered);
    when(eligibility.check(CASE)).thenReturn(EligibilityResult.of(List.of()));
    when(lenderAgreements.toAsk(anyString(), anyString())).thenReturn(List.of(11L));
    when(lenderAgreements.lenderName(anyString(), anyLong())).thenReturn("テスト信用金庫");
    when(lenderAgreements.responseDue()).thenReturn(SOON);
    when(lenderAgreements.reminderDate(any())).thenReturn(SOON);
    when(monitoringRounds.reportDue(anyString(), any(Integer.class))).thenReturn(SOON);
    when(monitoringRounds.start(anyString(), any(Integer.class))).thenReturn(SOON);
    when(monitoringRounds.claimLapsesAt(anyString(), any(Integer.class))).thenReturn(SOON);
    when(monitoringRounds.finalClaimLapsesAt(anyString())).thenReturn(SOON);
  }

  @AfterEach
  void resetMocks() {
    Mocks.reset();
  }

  /** Drives one lender agreement per open response task: each lender answers. */
  void lendersRespond(String response, int expectedTasks) {
    List<Task> open = tasks(Tasks.RECORD_LENDER_RESPONSE);
    Assertions.assertThat(open).as("lender response tasks").hasSize(expectedTasks);
    open.forEach(t -> {
      assertThat(t).hasCandidateGroup(AGENCY);
      Assertions.assertThat(t.getName()).contains("テスト信用金庫");
      taskService().complete(t.getId(), Map.of("lenderResponse", response));
    });
  }

  /** The paymentClaim call activity: file, compute (async), check, record the payment. */
  void payClaim() {
    complete(Tasks.FILE_CLAIM, AGENCY, Map.of());
    runJob(Tasks.COMPUTE_SUBSIDY);
    complete(Tasks.CHECK_CLAIM, COORDINATOR, Map.of("claimDecision", "APPROVE"));
    complete(Tasks.RECORD_PAYMENT, COORDINATOR, Map.of());
  }

  /** The monitoringRound call activity: report, accepted by the supervisor. */
  void monitoringRound() {
    complete(Tasks.SUBMIT_MONITORING_REPORT, AGENCY, Map.of());
    complete(Tasks.REVIEW_MONITORING_REPORT, SUPERVISOR, Map.of("reviewOutcome", "ACCEPT"));
  }

  /** Completes the case's open task with this key, after checking who it is offered to and that it is due. */
  void complete(String key, String candidateGroup, Map<String, Object> variables) {
    Task task = taskOf(key);
    assertThat(task).hasCandidateGroup(candidateGroup);
    Assertions.assertThat(task.getDueDate()).as("due date of " + key).isNotNull();
    taskService().complete(task.getId(), variables);
  }

  Task taskOf(String key) {
    List<Task> found = tasks(key);
    Assertions.assertThat(found).as("open task " + key).hasSize(1);
    return found.get(0);
  }

  List<Task> tasks(String key) {
    return taskService().createTaskQuery().processInstanceBusinessKey(CASE.value()).taskDefinitionKey(key).list();
  }

  void runJob(String activityId) {
    Job job = managementService().createJobQuery().activityId(activityId).singleResult();
    Assertions.assertThat(job).as("job at " + activityId).isNotNull();
    execute(job);
  }

  /** Fires the timer at an activity (an intermediate, boundary or event-subprocess start timer) now. */
  void fire(String activityId) {
    Job timer = managementService().createJobQuery().timers().activityId(activityId).singleResult();
    Assertions.assertThat(timer).as("timer at " + activityId).isNotNull();
    execute(timer);
  }

  /** Correlates a message to the case's process, as the API does for withdrawal and handover. */
  void send(String message) {
    runtimeService().createMessageCorrelation(message).processInstanceBusinessKey(CASE.value()).correlate();
  }

  /** The lead agency's (agency 7's) claim of a category, as the models address it. */
  static jp.keieikaizen.subsidy.ClaimService.ClaimRef ref(jp.keieikaizen.casefile.CostCategory category, int claimNo) {
    return new jp.keieikaizen.subsidy.ClaimService.ClaimRef(7L, category, claimNo);
  }

  long openInstances() {
    return runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(CASE.value()).count();
  }
}
