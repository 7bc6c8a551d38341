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
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import jp.keieikaizen.security.Groups;
import jp.keieikaizen.system.TestAgencies;
import jp.keieikaizen.system.TestDocuments;
import jp.keieikaizen.system.TestUsers;
import jp.keieikaizen.system.WholeAppOnMariaDb;

/**
 * Every correction and return path, driven through /api on MariaDB by the people who work it (an agency's user, the
 * council's coordinator and supervisor), not by the administrator: an application returned and resubmitted (the quote
 * re-entered unchanged, and changed), returned and withdrawn, and a claim returned, corrected and paid. Plan revision
 * after a lender's refusal and the consent that follows are driven in {@link EarlyPlanLifecycleIT}.
 */
@WholeAppOnMariaDb
class CorrectionPathsIT {

  static final String PASSWORD = "Correction-pass-1";
  static final String AGENCY_CODE = "108413990021";
  static final String AGENCY = "cp-agency", COORDINATOR = "cp-coord-13", SUPERVISOR = "cp-super-13";

  @Autowired TestRestTemplate anonymous;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;

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
    complete(AGENCY, task(caseNumber, "recordLenderResponse"),
        Map.of("planSubmittedOn", TODAY, "lenderResponse", "RECEIPT", "respondedOn", TODAY));
    complete(AGENCY, task(caseNumber, "recordCompanyShare"), Map.of("transferDate", TODAY, "transferAmount", 75_000));
    complete(AGENCY, task(caseNumber, "fileClaim"), Map.of("invoiceDate", TODAY, "invoiceGross", 250_000,
        "invoiceTax", 22_727));

    String check = task(caseNumber, "checkClaim");
    var noReason = post(COORDINATOR, "/api/tasks/" + check + "/complete", Map.of("claimDecision", "RETURN"));
    assertThat(EarlyPlanLifecycleIT.fields(noReason.getBody())).containsExactly("claimComment");
    complete(COORDINATOR, check, Map.of("claimDecision", "RETURN", "claimComment", "請求額が見積額を超えています"));
    complete(AGENCY, task(caseNumber, "correctClaim"), Map.of("invoiceDate", TODAY, "invoiceGross", 225_000,
        "invoiceTax", 20_454));
    complete(COORDINATOR, task(caseNumber, "checkClaim"), Map.of("claimDecision", "APPROVE", "docInvoice", true,
        "docTransfer", true, "docTimeSheet", true, "docCheckpoints", true, "docLenderResponses", true));
    complete(COORDINATOR, task(caseNumber, "recordPayment"), Map.of("paidOn", TODAY, "paymentReference", "補正-1"));

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
    Map<String, Object> application = EarlyPlanLifecycleIT.application405();
    application.put("agencyCode", AGENCY_CODE);
    application.remove("corporateNumber");
    application.put("entityType", "SOLE_PROPRIETOR");
    application.put("companyName", "補正試験四〇五商店");
    application.put("planFeeGross", 440_000);
    application.put("planFeeTax", 40_000);
    application.put("monitoringFeeGross", 220_000);
    application.put("monitoringFeeTax", 20_000);
    String caseNumber = apply("/api/405/applications", application);
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

    complete(COORDINATOR, task(caseNumber, "decideApplication"), Map.of("decision", "ACCEPT"));
    task(caseNumber, "draftPlan405");
    assertThat(view(caseNumber)).containsEntry("state", "PLANNING");
  }

  // --- helpers

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
