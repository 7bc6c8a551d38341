package jp.keieikaizen;

import static jp.keieikaizen.EarlyPlanLifecycleIT.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import jp.keieikaizen.security.Groups;
import jp.keieikaizen.system.TestAgencies;
import jp.keieikaizen.system.TestDocuments;
import jp.keieikaizen.system.TestUsers;
import jp.keieikaizen.system.WebappSession;
import jp.keieikaizen.system.WholeAppOnMariaDb;

/**
 * Every correction and return path, driven through /api on MariaDB by the people who work it (an agency's user, the
 * council's coordinator and supervisor), not by the administrator: an application returned and resubmitted (the quote
 * re-entered unchanged, and changed), returned and withdrawn, and a claim returned, corrected and paid. Plan revision
 * after a lender's refusal and the consent that follows are driven in {@link EarlyPlanLifecycleIT}. On the way, the
 * workspace's task pages are read as their users see them: each step shows what it is asked to decide (the reason of
 * a return, the company's share due, the claim as filed, a lender's earlier refusal), a returned claim's form opens
 * with the claim as filed, and a lender's answer offers only the answers the programme allows. A 405 application's
 * validity is extended by the coordinator on the case page (有効期限の延長), under the same rules as /api.
 */
@WholeAppOnMariaDb
class CorrectionPathsIT {

  static final String PASSWORD = "Correction-pass-1";
  static final String AGENCY_CODE = "108413990021";
  static final String AGENCY = "cp-agency", COORDINATOR = "cp-coord-13", SUPERVISOR = "cp-super-13";

  @Autowired TestRestTemplate anonymous;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired org.camunda.bpm.engine.ManagementService management;
  @LocalServerPort int port;

  @BeforeEach
  void users() {
    TestRestTemplate admin = anonymous.withBasicAuth(WholeAppOnMariaDb.ADMIN, WholeAppOnMariaDb.ADMIN_PASSWORD);
    long agencyId = TestAgencies.register(admin, AGENCY_CODE, "補正試験税理士法人");
    TestUsers.ensure(identity, AGENCY, PASSWORD, Groups.agency(agencyId), null);
    TestUsers.ensure(identity, COORDINATOR, PASSWORD, Groups.coordinator("13"), null);
    TestUsers.ensure(identity, SUPERVISOR, PASSWORD, Groups.supervisor("13"), null);
  }

  @Test
  void anEarlyPlanApplicationReturnedIsResubmittedUnchangedThenAcceptedAndItsClaimReturnedCorrectedAndPaid() {
    String caseNumber = apply("/api/early-plan/applications",
        EarlyPlanLifecycleIT.soleProprietor(AGENCY_CODE, "株式会社補正試験一"));
    returnForCorrection(caseNumber);

    assertThat(page(AGENCY, task(caseNumber, "correctApplication"))).contains("協議会からの差戻し", "見積明細を確認してください");
    Map<String, Object> unchanged = new HashMap<>(Map.of("correctionAction", "RESUBMIT", "correctionNote", "見積を確認しました",
        "planFeeGross", 225_000, "planFeeTax", 20_454, "interimMonitoring", true, "interimFeeGross", 60_000,
        "interimFeeTax", 5_454, "finalFeeGross", 75_000, "finalFeeTax", 6_818, "monitoringIntervalMonths", 6));
    complete(AGENCY, task(caseNumber, "correctApplication"), unchanged);
    assertThat(view(caseNumber)).containsEntry("state", "APPLIED");
    assertThat(timelineKinds(caseNumber)).contains("DECISION_RETURN", "RESUBMITTED");
    assertThat(quotes(caseNumber)).containsExactlyInAnyOrder("PLAN:225000", "INTERIM_MONITORING:60000",
        "FINAL_MONITORING:75000");

    complete(COORDINATOR, task(caseNumber, "decideApplication"), Map.of("decision", "ACCEPT"));
    complete(AGENCY, task(caseNumber, "draftPlan"), Map.of("planDate", TODAY, "planPeriodYears", 3,
        "hasBusinessModelOverview", true, "hasCashPlan", true, "hasPlannedPnl", true, "hasActionPlan", true));
    complete(SUPERVISOR, task(caseNumber, "advisePlan"), Map.of("adviceOutcome", "APPROVE"));
    String receipt = task(caseNumber, "recordLenderResponse");
    assertThat(choices(form(AGENCY, receipt), "lenderResponse")).as("an early plan's lender gives a receipt")
        .containsExactly("RECEIPT");
    complete(AGENCY, receipt, Map.of("planSubmittedOn", TODAY, "lenderResponse", "RECEIPT", "respondedOn", TODAY));
    String share = task(caseNumber, "recordCompanyShare");
    // plan fee 225,000 yen: subsidy 150,000, the company's share 75,000
    assertThat(page(AGENCY, share)).contains("振込が必要な事業者負担分", "75,000円", "記録済みの振込", "まだありません");
    complete(AGENCY, share, Map.of("transferDate", TODAY, "transferAmount", 75_000));
    complete(AGENCY, task(caseNumber, "fileClaim"), Map.of("invoiceDate", TODAY, "invoiceGross", 250_000,
        "invoiceTax", 22_727));

    String check = task(caseNumber, "checkClaim");
    var noReason = post(COORDINATOR, "/api/tasks/" + check + "/complete", Map.of("claimDecision", "RETURN"));
    assertThat(EarlyPlanLifecycleIT.fields(noReason.getBody())).containsExactly("claimComment");
    assertThat(page(COORDINATOR, check)).contains("計画策定支援費用（第1回）", "請求額（税込）", "250,000円",
        "事業者負担分（必要額）", "記録済みの振込");
    complete(COORDINATOR, check, Map.of("claimDecision", "RETURN", "claimComment", "請求額が見積額を超えています"));
    String correct = task(caseNumber, "correctClaim");
    assertThat(page(AGENCY, correct)).contains("差戻しの理由", "請求額が見積額を超えています");
    Map<String, Object> asFiled = map(form(AGENCY, correct).get("values"));
    assertThat(asFiled).as("the returned claim opens as filed").containsEntry("invoiceGross", 250_000)
        .containsEntry("invoiceTax", 22_727).containsEntry("transferAmount", 75_000).containsEntry("invoiceDate", TODAY);
    complete(AGENCY, correct, Map.of("invoiceDate", TODAY, "invoiceGross", 225_000, "invoiceTax", 20_454));
    String pay = task(caseNumber, "checkClaim");
    complete(COORDINATOR, pay, Map.of("claimDecision", "APPROVE", "docInvoice", true,
        "docTransfer", true, "docTimeSheet", true, "docCheckpoints", true, "docLenderResponses", true));
    String payment = task(caseNumber, "recordPayment");
    assertThat(page(COORDINATOR, payment)).contains("支払う額", "75,000円（補正試験税理士法人 へ）");
    complete(COORDINATOR, payment, Map.of("paidOn", TODAY, "paymentReference", "補正-1"));

    await().atMost(Duration.ofSeconds(30)).until(() -> EarlyPlanLifecycleIT.list(view(caseNumber), "claims").stream()
        .anyMatch(c -> "PAID".equals(c.get("status"))));
    assertThat(EarlyPlanLifecycleIT.list(view(caseNumber), "claims")).singleElement().satisfies(c -> {
      assertThat(c).containsEntry("status", "PAID");
      assertThat(((Number) c.get("payableYen")).longValue()).isEqualTo(75_000L);
    });
    assertThat(timelineKinds(caseNumber)).contains("CLAIM_RETURN_PLAN", "CLAIM_APPROVE_PLAN");
    String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).singleResult().getId();
    assertThat(runtime.createIncidentQuery().processInstanceId(instance).count()).isZero();
  }

  @Test
  void anEarlyPlanApplicationReturnedIsWithdrawnByTheAgency() {
    String caseNumber = apply("/api/early-plan/applications",
        EarlyPlanLifecycleIT.soleProprietor(AGENCY_CODE, "株式会社補正試験二"));
    returnForCorrection(caseNumber);
    var noNote = post(AGENCY, "/api/tasks/" + task(caseNumber, "correctApplication") + "/complete",
        Map.of("correctionAction", "WITHDRAW"));
    assertThat(EarlyPlanLifecycleIT.fields(noNote.getBody())).containsExactly("correctionNote");
    complete(AGENCY, task(caseNumber, "correctApplication"), Map.of("correctionAction", "WITHDRAW",
        "correctionNote", "事業者の都合により取り下げます"));
    await().atMost(Duration.ofSeconds(30)).until(() -> "WITHDRAWN".equals(view(caseNumber).get("state")));
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).count()).isZero();
  }

  @Test
  void a405ApplicationReturnedIsResubmittedWithANewQuoteAndAccepted() {
    String caseNumber = apply("/api/405/applications", soleProprietor405("補正試験四〇五商店", 440_000, 40_000));
    returnForCorrection(caseNumber);

    Map<String, Object> corrected = new HashMap<>(Map.of("correctionAction", "RESUBMIT", "correctionNote", "見積を修正",
        "planFeeGross", 330_000, "planFeeTax", 30_000, "monitoringFeeGross", 220_000, "monitoringFeeTax", 20_000,
        "monitoringIntervalMonths", 12, "monitoringClaims", "YEARLY"));
    complete(AGENCY, task(caseNumber, "correctApplication405"), corrected);
    assertThat(quotes(caseNumber)).containsExactlyInAnyOrder("PLAN:330000", "MONITORING:220000");
    // the same quote once more, unchanged: the correction path runs as often as the council returns it
    returnForCorrection(caseNumber);
    complete(AGENCY, task(caseNumber, "correctApplication405"), corrected);
    assertThat(quotes(caseNumber)).containsExactlyInAnyOrder("PLAN:330000", "MONITORING:220000");

    String decide = task(caseNumber, "decideApplication");
    assertThat(page(COORDINATOR, decide)).contains("決定の前に確認する内容", "すべての要件を満たしています",
        "見積 330,000円 → 補助金 220,000円", "補助金の合計（受理で予算に計上）");
    complete(COORDINATOR, decide, Map.of("decision", "ACCEPT"));
    task(caseNumber, "draftPlan405");
    assertThat(view(caseNumber)).containsEntry("state", "PLANNING");

    // the plan, a refusal by one lender, the revision that answers it, and the lenders' consent
    complete(AGENCY, task(caseNumber, "draftPlan405"), Map.of("planDate", TODAY, "planPeriodYears", 5,
        "planSummary", "不採算部門の撤退と条件変更", "hasCompanyOverview", true, "hasBusinessModelOverview", true,
        "hasCashPlan", true, "hasFinancialStatements", true, "hasActionPlan", true, "hasFinancialSupport", true));
    String advise = task(caseNumber, "advisePlan");
    assertThat(page(SUPERVISOR, advise)).contains("助言する計画", "計画期間", "5年", "不採算部門の撤退と条件変更");
    complete(SUPERVISOR, advise, Map.of("adviceOutcome", "APPROVE"));
    String first = lenderTask(caseNumber, "メイン銀行");
    Map<String, Object> firstForm = form(AGENCY, first);
    assertThat(choices(firstForm, "lenderResponse")).as("a 405 lender consents or refuses").containsExactly("CONSENT", "REFUSAL");
    complete(AGENCY, first, Map.of("planSubmittedOn", TODAY, "lenderResponse", "REFUSAL", "respondedOn", TODAY,
        "responseNote", "返済原資の根拠が不足"));
    String second = lenderTask(caseNumber, "サブ信用金庫");
    assertThat(map(form(AGENCY, second).get("values")))
        .as("the plan's submission date recorded for another lender").containsEntry("planSubmittedOn", TODAY);
    for (String lender : List.of("サブ信用金庫", "東京信用保証協会")) {
      complete(AGENCY, lenderTask(caseNumber, lender), Map.of("planSubmittedOn", TODAY, "lenderResponse", "CONSENT",
          "respondedOn", TODAY));
    }
    String revise = task(caseNumber, "revisePlan");
    assertThat(page(AGENCY, revise)).contains("不同意の内容", "メイン銀行（第1版の計画", "不同意：返済原資の根拠が不足",
        "サブ信用金庫", "同意済み");
    complete(AGENCY, revise, Map.of("planDate", TODAY, "revisionNote", "返済原資の根拠を追加"));
    String again = lenderTask(caseNumber, "メイン銀行");
    assertThat(page(AGENCY, again)).contains("これまでの回答（第1版の計画）", "不同意", "返済原資の根拠が不足");
    complete(AGENCY, again, Map.of("planSubmittedOn", TODAY, "lenderResponse", "CONSENT", "respondedOn", TODAY));
    task(caseNumber, "recordCompanyShare");
    WebappSession coordinator = session(COORDINATOR);
    assertThat(coordinator.send("GET", "/app/cases/" + caseNumber, null, null).body())
        .as("the case page keeps the refusal beside the consent").contains("第1版：不同意", "第2版：同意");
  }

  /**
   * The coordinator extends a 405 application's validity before it ends, on the case page and through /api: the case's
   * date and the process's timer move together, the timeline says so; the agency may not; a date not after the current
   * one or a missing reason is refused at its field; an early plan and a case whose review task is open answer 409.
   */
  @Test
  void aCoordinatorExtendsA405ApplicationsValidityBeforeItEnds() {
    String caseNumber = apply("/api/405/applications", soleProprietor405("有効期限試験商店", 330_000, 30_000));
    complete(COORDINATOR, task(caseNumber, "decideApplication"), Map.of("decision", "ACCEPT"));
    task(caseNumber, "draftPlan405");
    java.time.LocalDate validUntil = java.time.LocalDate.parse((String) view(caseNumber).get("applicationValidUntil"));
    assertThat(validUntil).as("two years from acceptance").isEqualTo(java.time.LocalDate.parse(TODAY).plusYears(2));
    String api = "/api/cases/" + caseNumber + "/validity-extension";
    String later = validUntil.plusMonths(6).toString();

    assertThat(post(AGENCY, api, Map.of("newValidUntil", later, "reason", "同意の見込み")).getStatusCode())
        .as("the council extends, not the agency").isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(EarlyPlanLifecycleIT.fields(post(COORDINATOR, api, Map.of("newValidUntil", validUntil.toString(),
        "reason", "同意の見込み")).getBody())).containsExactly("newValidUntil");
    assertThat(EarlyPlanLifecycleIT.fields(post(COORDINATOR, api, Map.of("newValidUntil", later)).getBody()))
        .containsExactly("reason");
    assertThat(view(caseNumber)).containsEntry("applicationValidUntil", validUntil.toString());

    // on the case page, with its confirmation
    WebappSession coordinator = session(COORDINATOR);
    assertThat(coordinator.send("GET", "/app/cases/" + caseNumber, null, null).body())
        .contains("利用申請の有効期限", validUntil.toString(), "有効期限の延長");
    WebappSession.Answer unconfirmed = coordinator.workspace("POST", "/app/cases/" + caseNumber + "/validity-extension",
        "newValidUntil=" + later + "&reason=" + encode("メイン行の同意が見込まれるため"), "application/x-www-form-urlencoded");
    assertThat(unconfirmed.status()).isEqualTo(302);
    assertThat(coordinator.send("GET", "/app/cases/" + caseNumber, null, null).body()).contains("確認：");
    assertThat(view(caseNumber)).containsEntry("applicationValidUntil", validUntil.toString());
    WebappSession.Answer done = coordinator.workspace("POST", "/app/cases/" + caseNumber + "/validity-extension",
        "newValidUntil=" + later + "&reason=" + encode("メイン行の同意が見込まれるため") + "&confirm=yes",
        "application/x-www-form-urlencoded");
    assertThat(done.status()).isEqualTo(302);
    assertThat(coordinator.send("GET", "/app/cases/" + caseNumber, null, null).body())
        .contains("利用申請の有効期限を " + later + " まで延長しました。");
    Map<String, Object> extended = view(caseNumber);
    assertThat(extended).containsEntry("applicationValidUntil", later);
    assertThat(EarlyPlanLifecycleIT.list(extended, "timeline")).anySatisfy(e -> assertThat(e)
        .containsEntry("kind", "VALIDITY_EXTEND").containsEntry("detail", later + "まで：メイン行の同意が見込まれるため"));
    String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
        .processDefinitionKey("plan405").singleResult().getId();
    var timer = management.createJobQuery().timers().processInstanceId(instance).activityId("applicationValidityEnded")
        .singleResult();
    assertThat(timer.getDuedate().toInstant()).as("the process's timer moved with the case's date")
        .isEqualTo(java.time.LocalDate.parse(later).plusDays(1).atStartOfDay(java.time.ZoneId.of("Asia/Tokyo")).toInstant());

    // once the date has come, the decision is the review task's
    management.setJobDuedate(timer.getId(), new java.util.Date());
    task(caseNumber, "reviewApplicationValidity");
    var open = post(COORDINATOR, api, Map.of("newValidUntil", java.time.LocalDate.parse(later).plusMonths(1).toString(),
        "reason", "さらに延長"));
    assertThat(open.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(open.getBody().toString()).contains("有効期限を延長するか判断する");

    // an early plan has no validity to extend
    String early = apply("/api/early-plan/applications", EarlyPlanLifecycleIT.soleProprietor(AGENCY_CODE, "有効期限早期試験"));
    var earlyRefused = post(COORDINATOR, "/api/cases/" + early + "/validity-extension",
        Map.of("newValidUntil", later, "reason", "延長"));
    assertThat(earlyRefused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
  }

  /** A sole proprietor's 405 application by this class's agency: a plan fee below the 工程表 threshold, 220,000 monitoring. */
  private static Map<String, Object> soleProprietor405(String company, long planGross, long planTax) {
    Map<String, Object> application = EarlyPlanLifecycleIT.application405();
    application.put("agencyCode", AGENCY_CODE);
    application.remove("corporateNumber");
    application.put("entityType", "SOLE_PROPRIETOR");
    application.put("companyName", company);
    application.put("planFeeGross", planGross);
    application.put("planFeeTax", planTax);
    application.put("monitoringFeeGross", 220_000);
    application.put("monitoringFeeTax", 20_000);
    return application;
  }

  private static String encode(String text) {
    return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
  }

  // --- helpers

  private String lenderTask(String caseNumber, String lender) {
    return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60))
        .until(() -> EarlyPlanLifecycleIT.list(view(caseNumber), "openTasks").stream()
            .filter(t -> "recordLenderResponse".equals(t.get("key")) && ((String) t.get("name")).contains(lender))
            .map(t -> (String) t.get("id")).findFirst().orElse(null), id -> id != null);
  }

  /** The task's page in the workspace, as its user sees it (claimed for them first, as they would). */
  private String page(String user, String taskId) {
    post(user, "/api/tasks/" + taskId + "/claim", Map.of());
    WebappSession.Answer page = session(user).send("GET", "/app/tasks/" + taskId, null, null);
    assertThat(page.status()).as(page.body()).isEqualTo(200);
    return page.body();
  }

  private Map<String, Object> form(String user, String taskId) {
    WebappSession.Answer form = session(user).send("GET", "/app/tasks/" + taskId + "/form", null, null);
    assertThat(form.status()).as(form.body()).isEqualTo(200);
    return map(form.json());
  }

  /** The values a form's radio group offers. */
  private static List<Object> choices(Map<String, Object> form, String key) {
    return EarlyPlanLifecycleIT.list(map(form.get("schema")), "components").stream()
        .flatMap(c -> c.containsKey("components") ? EarlyPlanLifecycleIT.list(c, "components").stream() : java.util.stream.Stream.of(c))
        .filter(c -> key.equals(c.get("key"))).flatMap(c -> EarlyPlanLifecycleIT.list(c, "values").stream())
        .map(v -> v.get("value")).toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object json) {
    return (Map<String, Object>) json;
  }

  private final Map<String, WebappSession> sessions = new HashMap<>();

  private WebappSession session(String user) {
    return sessions.computeIfAbsent(user, u -> {
      WebappSession session = WebappSession.anonymous(port);
      session.formLogin(u, PASSWORD);
      return session;
    });
  }

  private String apply(String path, Map<String, Object> application) {
    ResponseEntity<Map<String, Object>> response = as(AGENCY).exchange(path, HttpMethod.POST, new HttpEntity<>(application),
        EarlyPlanLifecycleIT.JSON);
    assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
    return (String) response.getBody().get("caseNumber");
  }

  private void returnForCorrection(String caseNumber) {
    complete(COORDINATOR, task(caseNumber, "decideApplication"), Map.of("decision", "RETURN",
        "decisionComment", "見積明細を確認してください"));
    assertThat(view(caseNumber)).containsEntry("state", "RETURNED");
  }

  private void complete(String user, String taskId, Map<String, Object> values) {
    TestDocuments.provide(as(user), taskId);
    var response = post(user, "/api/tasks/" + taskId + "/complete", values);
    assertThat(response.getStatusCode()).as("%s completing %s: %s", user, taskId, response.getBody())
        .isEqualTo(HttpStatus.NO_CONTENT);
  }

  private ResponseEntity<Map<String, Object>> post(String user, String path, Map<String, Object> body) {
    return as(user).exchange(path, HttpMethod.POST, new HttpEntity<>(body), EarlyPlanLifecycleIT.JSON);
  }

  private String task(String caseNumber, String key) {
    return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60))
        .until(() -> EarlyPlanLifecycleIT.list(view(caseNumber), "openTasks").stream()
            .filter(t -> key.equals(t.get("key"))).map(t -> (String) t.get("id")).findFirst().orElse(null), id -> id != null);
  }

  private Map<String, Object> view(String caseNumber) {
    return as(COORDINATOR).exchange("/api/cases/" + caseNumber, HttpMethod.GET, null, EarlyPlanLifecycleIT.JSON).getBody();
  }

  private List<String> quotes(String caseNumber) {
    return EarlyPlanLifecycleIT.list(view(caseNumber), "quotes").stream()
        .map(q -> q.get("category") + ":" + q.get("grossYen")).toList();
  }

  private List<Object> timelineKinds(String caseNumber) {
    return EarlyPlanLifecycleIT.list(view(caseNumber), "timeline").stream().map(e -> e.get("kind")).toList();
  }

  private TestRestTemplate as(String user) {
    return anonymous.withBasicAuth(user, PASSWORD);
  }

}
