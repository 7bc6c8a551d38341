package jp.keieikaizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.MediaType;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.keieikaizen.casefile.TaskFormHandler;
import jp.keieikaizen.system.WholeAppOnMariaDb;

/**
 * The whole application on the embedded MariaDB, job executor running: one early-plan case from application to
 * closed through the REST API, with refused invalid input on the way.
 */
@WholeAppOnMariaDb
public class EarlyPlanLifecycleIT {

  static final String TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo")).toString();
  public static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
  };

  @Autowired TestRestTemplate anonymous;
  TestRestTemplate http;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired jp.keieikaizen.intake.ApplicationService applications;
  @Autowired HistoryService history;
  @Autowired RepositoryService repository;
  @Autowired JdbcTemplate jdbc;
  @Autowired List<TaskFormHandler> handlers;

  @org.junit.jupiter.api.BeforeEach
  void asAdministrator() {
    http = anonymous.withBasicAuth(WholeAppOnMariaDb.ADMIN, WholeAppOnMariaDb.ADMIN_PASSWORD);
  }

  @Test
  void anEarlyPlanCaseRunsFromApplicationToClosed() {
    registerAgency();
    refusedApplicationChangesNothing();
    String caseNumber = apply();
    assertThat(caseNumber).matches("13-\\d{4}-\\d{4}");

    String decide = awaitTask(caseNumber, "decideApplication");
    refusedCompletionLeavesTheTaskOpen(caseNumber, decide);
    complete(decide, Map.of("decision", "ACCEPT", "decisionComment", "要件充足"));

    complete(awaitTask(caseNumber, "draftPlan"), Map.of("planDate", TODAY, "planPeriodYears", 3,
        "hasBusinessModelOverview", true, "hasCashPlan", true, "hasPlannedPnl", true, "hasActionPlan", true));
    complete(awaitTask(caseNumber, "advisePlan"), Map.of("adviceOutcome", "APPROVE"));
    complete(awaitTask(caseNumber, "recordLenderResponse"),
        Map.of("planSubmittedOn", TODAY, "lenderResponse", "RECEIPT", "respondedOn", TODAY));
    complete(awaitTask(caseNumber, "recordCompanyShare"), Map.of("transferDate", TODAY, "transferAmount", 75_000));
    complete(awaitTask(caseNumber, "fileClaim"), Map.of("invoiceDate", TODAY, "invoiceGross", 225_000, "invoiceTax", 20_454));
    payClaim(caseNumber, "docLenderResponses");

    fireTimer(caseNumber, "waitForInterimMonitoring");
    monitoringRound(caseNumber, "TRIAL_BALANCE", 60_000, 5_454, 20_000);
    fireTimer(caseNumber, "waitForFinalMonitoring");
    monitoringRound(caseNumber, "TAX_RETURN", 75_000, 6_818, 25_000);

    await().atMost(Duration.ofSeconds(30)).until(() -> "CLOSED".equals(caseView(caseNumber).get("state")));
    Map<String, Object> view = caseView(caseNumber);
    assertThat(view).containsEntry("ruleVersion", "R7").containsEntry("eligible", true);
    assertThat(list(view, "claims")).extracting(c -> ((Number) c.get("payableYen")).longValue())
        .containsExactly(75_000L, 115_000L, 50_000L);
    assertThat(list(view, "claims")).extracting(c -> c.get("status")).containsOnly("PAID");
    var ledger = http.exchange("/api/cases/" + caseNumber + "/ledger", HttpMethod.GET, null,
        new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody();
    assertThat(ledger).extracting(e -> e.get("type") + ":" + e.get("category") + ":" + e.get("amountYen")).containsExactly(
        "DECISION:PLAN:75000", "PAYMENT:PLAN:75000", "DECISION:INTERIM_MONITORING:115000",
        "PAYMENT:INTERIM_MONITORING:115000", "DECISION:FINAL_MONITORING:50000", "PAYMENT:FINAL_MONITORING:50000");
    assertThat(list(view, "openTasks")).isEmpty();
    assertThat(list(view, "subsidy")).extracting(l -> l.get("category") + ":" + l.get("subsidyYen") + ":" + l.get("paidYen")
        + ":" + l.get("remainingYen")).containsExactlyInAnyOrder("PLAN:150000:150000:0", "INTERIM_MONITORING:40000:40000:0",
            "FINAL_MONITORING:50000:50000:0");
    int fiscalYear = LocalDate.now(ZoneId.of("Asia/Tokyo")).getMonthValue() >= 4 ? LocalDate.now().getYear() : LocalDate.now().getYear() - 1;
    var budget = http.exchange("/api/budget/" + fiscalYear, HttpMethod.GET, null,
        new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody();
    assertThat(budget).hasSize(47).filteredOn(b -> "13".equals(b.get("councilCode"))).singleElement().satisfies(tokyo -> {
      assertThat(((Number) tokyo.get("committedYen")).longValue()).isGreaterThanOrEqualTo(240_000);
      assertThat(((Number) tokyo.get("paidYen")).longValue()).isGreaterThanOrEqualTo(240_000);
    });
    assertThat(monitoringRoundsOf(view)).containsExactly("ACCEPT", "ACCEPT");
    assertThat(list(view, "lenders")).singleElement().satisfies(l -> assertThat(l).containsEntry("response", "RECEIPT"));
    var closed = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
        .processDefinitionKey("earlyPlan").singleResult();
    assertThat(closed.getEndActivityId()).isEqualTo("caseClosed");
    assertThat(runtime.createIncidentQuery().count()).isZero();
    assertThat(runtime.createVariableInstanceQuery().variableName("planDate").count()).isZero();
    // the case's history is what its audit trail reads (CaseHistoryPlugin): its instances and every completed step,
    // with who completed it, and the jobs that ran; no variable, detail or activity-instance rows, and no job log
    // entries of jobs created or deleted (the timers of steps done in time)
    String instance = closed.getId();
    assertThat(jdbc.queryForList("SELECT DISTINCT JOB_STATE_ FROM ACT_HI_JOB_LOG WHERE ROOT_PROC_INST_ID_ = ?",
        Integer.class, instance)).as("job log states").containsExactly(2);
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(caseNumber).finished().count())
        .isGreaterThanOrEqualTo(15);
    for (String table : List.of("ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_HI_ACTINST")) {
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE ROOT_PROC_INST_ID_ = ?", Long.class,
          instance)).as(table).isZero();
    }
  }

  /**
   * The application set is checked before the coordinator may accept: the task's checklist names every document, a
   * refused completion names each missing one and the document page and changes nothing, a register extract older
   * than 3 months does not count, and once the set is complete the case is accepted.
   */
  @Test
  @SuppressWarnings("unchecked")
  void anApplicationIsAcceptedOnlyWithItsDocuments() {
    registerAgency();
    String caseNumber = apply();
    String decide = awaitTask(caseNumber, "decideApplication");
    Map<String, Object> checklist = http.getForObject("/api/tasks/" + decide + "/documents", Map.class);
    assertThat(checklist).containsEntry("caseNumber", caseNumber).containsEntry("complete", false);
    List<Map<String, Object>> lines = (List<Map<String, Object>>) checklist.get("lines");
    assertThat(lines).extracting(l -> (String) l.get("type")).containsExactly("APPLICATION_FORM", "COMPANY_OVERVIEW",
        "QUOTE", "CERTIFICATION", "REGISTER_EXTRACT", "TAX_RETURN", "BANK_PRE_CONSULTATION");
    assertThat(lines).allSatisfy(l -> assertThat(l).containsEntry("condition", "受理するとき")
        .containsEntry("step", "APPLICATION").containsEntry("filed", 0).containsEntry("satisfied", false));
    assertThat(lines).filteredOn(l -> "TAX_RETURN".equals(l.get("type"))).singleElement()
        .satisfies(l -> assertThat(l).containsEntry("required", 3));

    // accepting without them is refused, naming each missing document and the page, and changes nothing
    var refused = post("/api/tasks/" + decide + "/complete", Map.of("decision", "ACCEPT", "decisionComment", "要件充足"));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(refused.getBody())).containsExactly("documents");
    assertThat(refused.getBody().toString()).contains("利用申請書", "確定申告書（直近3期分）（3通のうち0通）",
        "金融機関の事前相談書", "/app/tasks/" + decide + "/documents");
    assertThat(awaitTask(caseNumber, "decideApplication")).isEqualTo(decide);
    assertThat(caseView(caseNumber)).containsEntry("state", "APPLIED");

    // a register extract needs its date of issue, and one issued more than 3 months before the application is too old
    String since = (String) lines.get(4).get("issuedSince");
    var undated = jp.keieikaizen.system.TestDocuments.upload(http, caseNumber, "REGISTER_EXTRACT", "APPLICATION", null,
        null, "登記.pdf");
    assertThat(fields(undated.getBody())).containsExactly("issuedOn");
    var old = jp.keieikaizen.system.TestDocuments.upload(http, caseNumber, "REGISTER_EXTRACT", "APPLICATION", null,
        LocalDate.parse(since).minusDays(1).toString(), "古い登記.pdf");
    assertThat(old.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(((List<Map<String, Object>>) http.getForObject("/api/tasks/" + decide + "/documents", Map.class)
        .get("lines")).get(4)).containsEntry("filed", 0);
    var tooOld = post("/api/tasks/" + decide + "/complete", Map.of("decision", "ACCEPT", "decisionComment", "要件充足"));
    assertThat(tooOld.getBody().toString()).contains("履歴事項全部証明書（" + since + "以降の発行）");

    assertThat(jp.keieikaizen.system.TestDocuments.provide(http, decide)).isEqualTo(9);
    assertThat(http.getForObject("/api/tasks/" + decide + "/documents", Map.class)).containsEntry("complete", true);
    complete(decide, Map.of("decision", "ACCEPT", "decisionComment", "要件充足"));
    assertThat(caseView(caseNumber)).containsEntry("state", "PLANNING");
    // the plan task asks for the plan itself
    String draft = awaitTask(caseNumber, "draftPlan");
    var noPlan = post("/api/tasks/" + draft + "/complete", Map.of("planDate", TODAY, "planPeriodYears", 3,
        "hasBusinessModelOverview", true, "hasCashPlan", true, "hasPlannedPnl", true, "hasActionPlan", true));
    assertThat(fields(noPlan.getBody())).containsExactly("documents");
    assertThat(noPlan.getBody().toString()).contains("経営改善計画書");
  }

  /** A 405 通常枠 case: three lenders, one refuses until the plan is revised, three years of yearly monitoring claims. */
  @Test
  void a405CaseWithThreeLendersRunsFromApplicationToClosed() {
    registerAgency();
    http.postForEntity("/api/agencies", Map.of("agencyCode", "108413000288", "name", "協力弁護士事務所", "kind", "LAWYER",
        "certifiedFrom", "2023-01-01", "certifiedTo", "2027-12-31"), Map.class);
    Map<String, Object> application = application405();
    application.put("agency2Code", "108413000288");
    application.put("agency2PlanFeeGross", 110_000);
    application.put("agency2PlanFeeTax", 10_000);
    application.put("agency2MonitoringFeeGross", 0);
    application.put("agency2MonitoringFeeTax", 0);
    var response = http.postForEntity("/api/405/applications", application, Map.class);
    assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
    String caseNumber = (String) response.getBody().get("caseNumber");

    String decide = awaitTask(caseNumber, "decideApplication");
    assertThat(caseView(caseNumber)).containsEntry("eligible", false);
    // the plan fee is above the threshold: the application set asks for a 工程表, and acceptance waits for it
    @SuppressWarnings("unchecked")
    Map<String, Object> checklist = http.getForEntity("/api/tasks/" + decide + "/documents", Map.class).getBody();
    assertThat(list(checklist, "lines")).extracting(l -> l.get("type")).contains("GANTT_CHART");
    jp.keieikaizen.system.TestDocuments.provide(http, decide, java.util.Set.of("GANTT_CHART"));
    var refused = post("/api/tasks/" + decide + "/complete", Map.of("decision", "ACCEPT"));
    assertThat(refused.getBody().toString()).contains("工程表");
    byte[] chart = "%PDF-1.4\n工程表".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(upload(caseNumber, "GANTT_CHART", "工程表.pdf", MediaType.APPLICATION_PDF, chart).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    complete(decide, Map.of("decision", "ACCEPT"));
    assertThat(caseView(caseNumber)).containsEntry("ruleVersion", "R7").containsEntry("eligible", true);
    assertThat(list(caseView(caseNumber), "quotes")).extracting(q -> q.get("agencyCode") + ":" + q.get("category") + ":" + q.get("grossYen"))
        .containsExactlyInAnyOrder("108413000199:PLAN:900000", "108413000199:MONITORING:450000",
            "108413000288:PLAN:110000", "108413000288:MONITORING:0");

    complete(awaitTask(caseNumber, "draftPlan405"), Map.of("planDate", TODAY, "planPeriodYears", 5,
        "hasCompanyOverview", true, "hasBusinessModelOverview", true, "hasCashPlan", true, "hasFinancialStatements", true,
        "hasActionPlan", true, "hasFinancialSupport", true));
    complete(awaitTask(caseNumber, "advisePlan"), Map.of("adviceOutcome", "APPROVE"));
    await().atMost(Duration.ofSeconds(30)).until(() -> consentTasks(caseNumber).size() == 3);
    List<Map<String, Object>> consents = consentTasks(caseNumber);
    assertThat(consents).extracting(t -> (String) t.get("name"))
        .anySatisfy(n -> assertThat(n).contains("メイン銀行")).anySatisfy(n -> assertThat(n).contains("保証協会"));
    assertThat(consents).allSatisfy(t -> assertThat((List<?>) t.get("candidateGroups")).singleElement().asString().startsWith("agency-"));
    var noReason = post("/api/tasks/" + consents.get(2).get("id") + "/complete",
        Map.of("planSubmittedOn", TODAY, "lenderResponse", "REFUSAL", "respondedOn", TODAY));
    assertThat(fields(noReason.getBody())).containsExactly("responseNote");
    complete((String) consents.get(0).get("id"), consent());
    complete((String) consents.get(1).get("id"), consent());
    complete((String) consents.get(2).get("id"), Map.of("planSubmittedOn", TODAY, "lenderResponse", "REFUSAL",
        "respondedOn", TODAY, "responseNote", "返済猶予期間が長すぎる"));
    complete(awaitTask(caseNumber, "revisePlan"), Map.of("planDate", TODAY, "revisionNote", "返済計画を見直し"));
    await().atMost(Duration.ofSeconds(30)).until(() -> consentTasks(caseNumber).size() == 1);
    complete((String) consentTasks(caseNumber).get(0).get("id"), consent());

    complete(awaitTask(caseNumber, "recordCompanyShare"), Map.of("transferDate", TODAY, "transferAmount", 300_000));
    // each agency that quoted the plan files its own claim; the further agency has no monitoring, so it is paid in full
    await().atMost(Duration.ofSeconds(30)).until(() -> openTasks(caseNumber, "fileClaim").size() == 2);
    String furtherAgencyGroup = "agency-" + http.exchange("/api/agencies", HttpMethod.GET, null,
        new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody().stream()
        .filter(a -> "108413000288".equals(a.get("agencyCode"))).findFirst().orElseThrow().get("id");
    for (Map<String, Object> filing : openTasks(caseNumber, "fileClaim")) {
      boolean further = ((List<?>) filing.get("candidateGroups")).contains(furtherAgencyGroup);
      if (!further) {
        jp.keieikaizen.system.TestDocuments.provide(http, (String) filing.get("id"));
        var tooLarge = post("/api/tasks/" + filing.get("id") + "/complete", Map.of("invoiceDate", TODAY, "invoiceGross", 900_000,
            "invoiceTax", 81_818, "subcontractor1Name", "DD委託先株式会社", "subcontractor1Gross", 900_001, "subcontractor1Tax", 0));
        assertThat(fields(tooLarge.getBody())).containsExactly("subcontractor1Gross");
      }
      complete((String) filing.get("id"), further
          ? Map.of("invoiceDate", TODAY, "invoiceGross", 110_000, "invoiceTax", 10_000, "transferDate", TODAY, "transferAmount", 36_667)
          : Map.of("invoiceDate", TODAY, "invoiceGross", 900_000, "invoiceTax", 81_818, "subcontractor1Name", "DD委託先株式会社",
              "subcontractor1Gross", 330_000, "subcontractor1Tax", 30_000));
    }
    payClaim(caseNumber, "docLenderResponses");
    payClaim(caseNumber, "docLenderResponses");
    for (int round = 1; round <= 3; round++) {
      fireTimer(caseNumber, "waitForRound");
      monitoringRound(caseNumber, round == 3 ? "TAX_RETURN" : "TRIAL_BALANCE", 150_000, 13_636, 50_000);
    }

    await().atMost(Duration.ofSeconds(30)).until(() -> "CLOSED".equals(caseView(caseNumber).get("state")));
    Map<String, Object> view = caseView(caseNumber);
    assertThat(list(view, "claims")).extracting(c -> c.get("category") + ":" + c.get("payableYen"))
        .containsExactlyInAnyOrder("PLAN:300000", "PLAN:73333", "MONITORING:400000", "MONITORING:100000", "MONITORING:100000");
    assertThat(list(view, "lenders")).extracting(l -> l.get("response")).containsOnly("CONSENT");
    assertThat(list(view, "claims")).flatExtracting(c -> (List<?>) c.get("subcontractors")).singleElement()
        .satisfies(sub -> assertThat(sub.toString()).contains("name=DD委託先株式会社", "grossYen=330000"));
    assertThat(list(view, "monitoring")).hasSize(3);
    assertThat(list(view, "timeline")).extracting(e -> e.get("kind")).contains("LENDER_REFUSAL", "PLAN_REVISED");
    assertThat(runtime.createIncidentQuery().count()).isZero();
  }

  private static List<Object> monitoringRoundsOf(Map<String, Object> view) {
    return list(view, "monitoring").stream().map(r -> r.get("reviewOutcome")).toList();
  }

  @Test
  void aDraftApplicationsSubsidyIsPreviewedWithoutStoringAnything() {
    long casesBefore = count("case_file");
    Map<String, Object> draft = new HashMap<>(Map.of("planFeeGross", 300_000, "planFeeTax", 27_272, "finalFeeGross", 60_000,
        "finalFeeTax", 5_454, "monitoringIntervalMonths", 6));
    var preview = http.exchange("/api/subsidy/preview", HttpMethod.POST, new HttpEntity<>(draft),
        new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody();
    assertThat(preview).extracting(l -> l.get("category") + ":" + l.get("subsidyYen") + ":" + l.get("companyShareYen"))
        .containsExactlyInAnyOrder("PLAN:150000:150000", "FINAL_MONITORING:40000:20000");
    draft.put("planFeeTax", 400_000);
    assertThat(fields(post("/api/subsidy/preview", draft).getBody())).containsExactly("planFeeTax");
    assertThat(count("case_file")).isEqualTo(casesBefore);
  }

  /** The preview says what the eligibility check will say of the fees, by the same rules, before anything is stored. */
  @Test
  void aDraftsPreviewSaysWhatTheEligibilityCheckWillSayOfItsFees() {
    Map<String, Object> draft = application405();
    assertThat(applications.previewWithFindings(new jp.keieikaizen.common.FormValues(draft)).findings())
        .containsExactly("計画策定支援費用が450,000円を超えるため、申請書類に工程表（ガントチャート）が必要です");
    draft.put("planFeeGross", 1_400_000);
    draft.put("planFeeTax", 127_272);
    assertThat(applications.previewWithFindings(new jp.keieikaizen.common.FormValues(draft)).findings())
        .anySatisfy(f -> assertThat(f).startsWith("費用総額").endsWith("が小規模企業の上限1,500,000円を超えています"));
    Map<String, Object> early = new HashMap<>(Map.of("planFeeGross", 300_000, "planFeeTax", 27_272, "finalFeeGross",
        60_000, "finalFeeTax", 5_454, "monitoringIntervalMonths", 6));
    assertThat(applications.previewWithFindings(new jp.keieikaizen.common.FormValues(early)).findings())
        .singleElement().satisfies(f -> assertThat(f).startsWith("計画策定支援費用 の見積額").endsWith("が上限225,000円を超えています"));
  }

  private List<Map<String, Object>> consentTasks(String caseNumber) {
    return openTasks(caseNumber, "recordLenderResponse");
  }

  private List<Map<String, Object>> openTasks(String caseNumber, String key) {
    return list(caseView(caseNumber), "openTasks").stream().filter(t -> key.equals(t.get("key"))).toList();
  }

  private static Map<String, Object> consent() {
    return Map.of("planSubmittedOn", TODAY, "lenderResponse", "CONSENT", "respondedOn", TODAY);
  }

  public static Map<String, Object> application405() {
    Map<String, Object> v = application();
    List.of("mainLenderName", "mainLenderKind", "interimMonitoring", "interimFeeGross", "interimFeeTax", "finalFeeGross",
        "finalFeeTax").forEach(v::remove);
    v.put("programme", "PLAN_405");
    v.put("companyName", "株式会社四〇五試験");
    v.put("corporateNumber", "7000012050002");
    v.put("salesYen", 50_000_000);
    v.put("interestBearingDebtYen", 80_000_000);
    v.put("financialSupportExpected", true);
    v.put("lender1Name", "メイン銀行");
    v.put("lender1Kind", "REGIONAL_BANK");
    v.put("lender2Name", "サブ信用金庫");
    v.put("lender2Kind", "SHINKIN");
    v.put("lender3Name", "東京信用保証協会");
    v.put("lender3Kind", "CREDIT_GUARANTEE");
    v.put("planFeeGross", 900_000);
    v.put("planFeeTax", 81_818);
    v.put("monitoringFeeGross", 450_000);
    v.put("monitoringFeeTax", 40_909);
    v.put("monitoringIntervalMonths", 12);
    v.put("monitoringClaims", "YEARLY");
    return v;
  }

  /** Tasklist starts and completes through the engine's REST API; the same server-side checks apply there. */
  @Test
  void tasklistStyleStartAndCompletionAreValidatedOnTheServer() {
    registerAgency();
    long instancesBefore = runtime.createProcessInstanceQuery().count();
    Map<String, Object> bad = application();
    bad.put("employees", -1);
    var refused = post("/engine-rest/process-definition/key/earlyPlan/submit-form", Map.of("variables", untyped(bad)));
    assertThat(refused.getStatusCode()).as("%s", refused.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) refused.getBody().get("message")).contains("employees");
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instancesBefore);

    var started = post("/engine-rest/process-definition/key/earlyPlan/submit-form", Map.of("variables", untyped(application())));
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
    String caseNumber = (String) started.getBody().get("businessKey");
    assertThat(caseNumber).matches("13-\\d{4}-\\d{4}");

    String decide = awaitTask(caseNumber, "decideApplication");
    var incomplete = post("/engine-rest/task/" + decide + "/submit-form", Map.of("variables", untyped(Map.of("decision", "REJECT"))));
    assertThat(incomplete.getStatusCode()).as("%s", incomplete.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) incomplete.getBody().get("message")).contains("decisionComment");
    assertThat(awaitTask(caseNumber, "decideApplication")).isEqualTo(decide);

    var rejected = post("/engine-rest/task/" + decide + "/submit-form",
        Map.of("variables", untyped(Map.of("decision", "REJECT", "decisionComment", "対象外の業種"))));
    assertThat(rejected.getStatusCode().is2xxSuccessful()).isTrue();
    assertThat(caseView(caseNumber)).containsEntry("state", "REJECTED").containsEntry("endReason", "対象外の業種");
    // Tasklist's fields are ordinary variables, removed once registered; no history row is written for them
    String instance = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
        .singleResult().getId();
    for (String table : List.of("ACT_HI_VARINST", "ACT_HI_DETAIL")) {
      assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE PROC_INST_ID_ = ?", Long.class, instance))
          .as(table).isZero();
    }
  }

  @Test
  void aCaseKeepsItsDocumentsAndIsWithdrawnThroughTheApi() {
    registerAgency();
    String caseNumber = apply();
    awaitTask(caseNumber, "decideApplication");

    byte[] pdf = "%PDF-1.4\n利用申請書".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    var stored = upload(caseNumber, "APPLICATION_FORM", "申請書.pdf", MediaType.APPLICATION_PDF, pdf);
    assertThat(stored.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    var listed = http.exchange("/api/cases/" + caseNumber + "/documents", HttpMethod.GET, null,
        new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody();
    assertThat(listed).singleElement().satisfies(d -> assertThat(d).containsEntry("fileName", "申請書.pdf")
        .containsEntry("sizeBytes", pdf.length).containsEntry("step", "APPLICATION"));
    var download = http.getForEntity("/api/cases/" + caseNumber + "/documents/" + listed.get(0).get("id"), byte[].class);
    assertThat(download.getBody()).isEqualTo(pdf);
    assertThat(download.getHeaders().getFirst("X-Content-SHA256")).isEqualTo(listed.get(0).get("sha256"));
    var refused = upload(caseNumber, "PLAN", "plan.pdf", MediaType.APPLICATION_PDF, "MZ not a pdf".getBytes());
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

    assertThat(fields(post("/api/cases/" + caseNumber + "/withdrawal", Map.of()).getBody())).containsExactly("reason");
    assertThat(post("/api/cases/" + caseNumber + "/withdrawal", Map.of("reason", "事業者の都合により取下げ")).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(caseView(caseNumber)).containsEntry("state", "WITHDRAWN").containsEntry("endReason", "事業者の都合により取下げ");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).count()).isZero();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
        .processDefinitionKey("earlyPlan").singleResult().getEndActivityId()).isEqualTo("withdrawal"); // its event sub-process
    assertThat(post("/api/cases/" + caseNumber + "/withdrawal", Map.of("reason", "再度")).getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
    assertThat(http.getForEntity("/api/cases/13-1999-9999", Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
  }

  /**
   * The application set uploaded the moment the case exists, while the eligibility check changes the same case: each
   * upload is stored once (the first try that meets the check's change is repeated), never a 500 or a lost file.
   */
  @Test
  void documentsUploadedRightAfterApplyingAreEachStoredOnce() {
    registerAgency();
    for (int i = 0; i < 4; i++) {
      String caseNumber = apply();
      String name = "申請書" + i + ".pdf";
      var stored = upload(caseNumber, "APPLICATION_FORM", name, MediaType.APPLICATION_PDF,
          "%PDF-1.4\n利用申請書".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      assertThat(stored.getStatusCode()).as("%s", stored.getBody()).isEqualTo(HttpStatus.CREATED);
      var listed = http.exchange("/api/cases/" + caseNumber + "/documents", HttpMethod.GET, null,
          new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody();
      assertThat(listed).singleElement().satisfies(d -> assertThat(d).containsEntry("fileName", name));
    }
  }

  ResponseEntity<Map> upload(String caseNumber, String type, String fileName, MediaType mediaType, byte[] content) {
    return jp.keieikaizen.system.TestDocuments.upload(http, caseNumber, type, "APPLICATION", null, null, fileName,
        mediaType, content);
  }

  /** Values as the engine's REST API takes them ({name: {value}}), as Tasklist sends a form. */
  public static Map<String, Object> untyped(Map<String, Object> values) {
    Map<String, Object> variables = new HashMap<>();
    values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
    return variables;
  }

  @Test
  void everyUserTaskOfTheDeployedModelsHasAServerSideHandler() {
    Set<String> handled = handlers.stream().map(TaskFormHandler::taskKey).collect(Collectors.toSet());
    Set<String> userTasks = repository.createProcessDefinitionQuery().latestVersion().list().stream()
        .flatMap(d -> repository.getBpmnModelInstance(d.getId()).getModelElementsByType(UserTask.class).stream())
        .map(UserTask::getId).collect(Collectors.toSet());
    assertThat(userTasks).contains("decideApplication", "recordLenderResponse", "reviewApplicationValidity");
    assertThat(handled).isEqualTo(userTasks);
    // one source of truth for field names: each task's form has exactly the fields its handler reads
    Map<String, String> formOfTask = repository.createProcessDefinitionQuery().latestVersion().list().stream()
        .flatMap(d -> repository.getBpmnModelInstance(d.getId()).getModelElementsByType(UserTask.class).stream())
        .collect(Collectors.toMap(UserTask::getId, t -> t.getAttributeValueNs(
            "http://camunda.org/schema/1.0/bpmn", "formRef"), (a, b) -> a));
    List<String> mismatches = new java.util.ArrayList<>();
    for (TaskFormHandler handler : handlers) {
      Set<String> formKeys = jp.keieikaizen.process.FormLintTest.keys(formOfTask.get(handler.taskKey()));
      if (!formKeys.equals(Set.copyOf(handler.fields()))) {
        mismatches.add(handler.taskKey() + ": form " + formKeys + " vs handler " + handler.fields());
      }
    }
    assertThat(mismatches).isEmpty();
    assertThat(jp.keieikaizen.process.FormLintTest.keys("submitApplication"))
        .isEqualTo(Set.copyOf(jp.keieikaizen.intake.ApplicationFields.APPLICATION));
    assertThat(jp.keieikaizen.process.FormLintTest.keys("submitApplication405"))
        .isEqualTo(Set.copyOf(jp.keieikaizen.intake.ApplicationFields.APPLICATION_405));
  }

  void registerAgency() {
    var response = http.postForEntity("/api/agencies", Map.of("agencyCode", "108413000199", "name", "結合試験税理士法人",
        "kind", "TAX_ACCOUNTANT", "certifiedFrom", "2024-04-01", "certifiedTo", "2029-03-31"), Map.class);
    if (response.getStatusCode() == HttpStatus.BAD_REQUEST) { // registered by the other test of this class
      assertThat(fields(response.getBody())).containsExactly("agencyCode");
      return;
    }
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
  }

  private void refusedApplicationChangesNothing() {
    Map<String, Object> bad = application();
    bad.put("corporateNumber", "8234567890123");
    bad.put("postalCode", "1000-005");
    bad.put("planFeeTax", 300_000);
    long casesBefore = count("case_file"), companiesBefore = count("company");
    long instancesBefore = runtime.createProcessInstanceQuery().count();
    var response = http.postForEntity("/api/early-plan/applications", bad, Map.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(fields(response.getBody())).containsExactlyInAnyOrder("corporateNumber", "postalCode", "planFeeTax");
    assertThat(count("case_file")).isEqualTo(casesBefore);
    assertThat(count("company")).isEqualTo(companiesBefore);
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
  }

  private String apply() {
    var response = http.postForEntity("/api/early-plan/applications", application(), Map.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return (String) response.getBody().get("caseNumber");
  }

  private void refusedCompletionLeavesTheTaskOpen(String caseNumber, String taskId) {
    var response = post("/api/tasks/" + taskId + "/complete", Map.of("decision", "MAYBE"));
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(fields(response.getBody())).containsExactly("decision");
    var reject = post("/api/tasks/" + taskId + "/complete", Map.of("decision", "REJECT"));
    assertThat(fields(reject.getBody())).containsExactly("decisionComment");
    assertThat(awaitTask(caseNumber, "decideApplication")).isEqualTo(taskId);
    assertThat(caseView(caseNumber)).containsEntry("state", "APPLIED");
    String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).singleResult().getId();
    assertThat(runtime.createVariableInstanceQuery().processInstanceIdIn(instance).variableName("decision").count()).isZero();
  }

  /** The coordinator confirms the step's documents and approves; then records the payment. */
  void payClaim(String caseNumber, String stepDocument) {
    String check = awaitTask(caseNumber, "checkClaim");
    var unchecked = post("/api/tasks/" + check + "/complete", Map.of("claimDecision", "APPROVE"));
    assertThat(fields(unchecked.getBody())).contains("docInvoice", "docTransfer", stepDocument);
    complete(check, Map.of("claimDecision", "APPROVE", "docInvoice", true, "docTransfer", true, "docTimeSheet", true,
        "docCheckpoints", true, stepDocument, true));
    complete(awaitTask(caseNumber, "recordPayment"), Map.of("paidOn", TODAY, "paymentReference", "振込-" + System.nanoTime()));
  }

  void monitoringRound(String caseNumber, String financials, long gross, long tax, long share) {
    complete(awaitTask(caseNumber, "submitMonitoringReport"), Map.of("reportSubmittedOn", TODAY, "lenderMeetingOn", TODAY,
        "financials", financials, "coversResults", true, "coversActionProgress", true, "coversGapAnalysis", true,
        "coversLenderRequests", true));
    complete(awaitTask(caseNumber, "reviewMonitoringReport"), Map.of("reviewOutcome", "ACCEPT"));
    complete(awaitTask(caseNumber, "fileClaim"), Map.of("invoiceDate", TODAY, "invoiceGross", gross,
        "invoiceTax", tax, "transferDate", TODAY, "transferAmount", share));
    payClaim(caseNumber, "docMonitoringReport");
  }

  /** Moves the case's waiting timer to now; the running job executor then fires it. */
  void fireTimer(String caseNumber, String activityId) {
    String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
        .processDefinitionKeyIn("earlyPlan", "plan405").singleResult().getId();
    Job timer = await().atMost(Duration.ofSeconds(30)).until(() -> management.createJobQuery().timers()
        .processInstanceId(instance).activityId(activityId).singleResult(), j -> j != null);
    management.setJobDuedate(timer.getId(), new java.util.Date());
  }

  String awaitTask(String caseNumber, String key) {
    return await().atMost(Duration.ofSeconds(30)).until(() -> list(caseView(caseNumber), "openTasks").stream()
        .filter(t -> key.equals(t.get("key"))).map(t -> (String) t.get("id")).findFirst().orElse(null), id -> id != null);
  }

  /** Files what the task's checklist lacks (as the agency or coordinator would), then completes it. */
  void complete(String taskId, Map<String, Object> values) {
    jp.keieikaizen.system.TestDocuments.provide(http, taskId);
    var response = post("/api/tasks/" + taskId + "/complete", values);
    assertThat(response.getStatusCode()).as("completing %s: %s", taskId, response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  ResponseEntity<Map<String, Object>> post(String path, Map<String, Object> body) {
    return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body), JSON);
  }

  Map<String, Object> caseView(String caseNumber) {
    return http.exchange("/api/cases/" + caseNumber, HttpMethod.GET, null, JSON).getBody();
  }

  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> list(Map<String, Object> view, String key) {
    return (List<Map<String, Object>>) view.get(key);
  }

  @SuppressWarnings("unchecked")
  /** The fields a 400 answer names. */
  public static List<String> fields(Map<?, ?> problem) {
    return ((List<Map<String, String>>) problem.get("errors")).stream().map(e -> e.get("field")).toList();
  }

  private long count(String table) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
  }

  /** An early-plan application by a sole proprietor (no 法人番号, so prior use never interferes) through the agency. */
  public static Map<String, Object> soleProprietor(String agencyCode, String companyName) {
    Map<String, Object> v = application();
    v.put("agencyCode", agencyCode);
    v.remove("corporateNumber");
    v.put("entityType", "SOLE_PROPRIETOR");
    v.put("companyName", companyName);
    return v;
  }

  public static Map<String, Object> application() {
    Map<String, Object> v = new HashMap<>();
    v.put("councilCode", "13");
    v.put("agencyCode", "108413000199");
    v.put("applicationDate", TODAY);
    v.put("companyName", "株式会社結合試験");
    v.put("corporateNumber", "9234567890123");
    v.put("entityType", "STOCK_COMPANY");
    v.put("industry", "MANUFACTURING");
    v.put("capitalYen", 30_000_000);
    v.put("employees", 45);
    v.put("fiscalYearEndMonth", 3);
    v.put("postalCode", "100-0005");
    v.put("address", "東京都千代田区丸の内3-2-2");
    v.put("representative", "山田 太郎");
    v.put("mainLenderName", "テスト信用金庫");
    v.put("mainLenderKind", "SHINKIN");
    v.put("planFeeGross", 225_000);
    v.put("planFeeTax", 20_454);
    v.put("interimMonitoring", true);
    v.put("interimFeeGross", 60_000);
    v.put("interimFeeTax", 5_454);
    v.put("finalFeeGross", 75_000);
    v.put("finalFeeTax", 6_818);
    v.put("monitoringIntervalMonths", 6);
    return v;
  }
}
