package jp.keieikaizen.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;

import jp.keieikaizen.security.Groups;
import jp.keieikaizen.system.TestAgencies;
import jp.keieikaizen.system.TestUsers;
import jp.keieikaizen.system.WholeAppOnMariaDb;

/**
 * An early plan from the agency's application to its 期末 claim paid, entirely in the workspace in Chromium, each step
 * by the role that owns it: the agency applies and files the application set, the coordinator decides, the agency
 * drafts the plan, the supervisor advises, the agency records the lender's receipt and the company's share and files
 * the plan claim, the coordinator returns it with a reason, the agency corrects it (the form opens with the claim as
 * filed), the coordinator approves and records the payment; a year later (the test fires the waiting timer) the agency
 * submits the 期末 report, the supervisor accepts it, the agency claims the monitoring fee and the coordinator pays
 * it; the case is closed. Nothing goes through /api but the set-up (an agency and three users) and the final checks.
 * Screenshots per step: target/screenshots/journey-early-*.png.
 */
@WholeAppOnMariaDb
class EarlyPlanJourneyBrowserIT {

  static final String PASSWORD = "Journey-Early-2026", AGENCY_CODE = "108413880001";
  static final String AGENCY = "je-agency", COORDINATOR = "je-coord-13", SUPERVISOR = "je-super-13";

  @LocalServerPort int port;
  @Autowired TestRestTemplate anonymous;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  Workspace ws;

  @BeforeEach
  void start() throws Exception {
    ws = new Workspace(Chromium.start(), port, "journey-early");
  }

  @AfterEach
  void close() {
    if (ws != null) {
      ws.browser().quit();
    }
  }

  @Test
  void anEarlyPlanRunsInTheWorkspaceFromItsApplicationToItsFinalClaimPaid() throws Exception {
    TestRestTemplate admin = anonymous.withBasicAuth(WholeAppOnMariaDb.ADMIN, WholeAppOnMariaDb.ADMIN_PASSWORD);
    long agency = TestAgencies.register(admin, AGENCY_CODE, "旅程試験税理士法人");
    TestUsers.ensure(identity, AGENCY, PASSWORD, Groups.agency(agency), null);
    TestUsers.ensure(identity, COORDINATOR, PASSWORD, Groups.coordinator("13"), null);
    TestUsers.ensure(identity, SUPERVISOR, PASSWORD, Groups.supervisor("13"), null);
    String today = Workspace.TODAY;

    // the agency applies and files the application set on the page after applying
    ws.logIn(AGENCY, PASSWORD, "/app/applications/new");
    ws.formReady();
    ws.choose("Field_councilCode", "東京", "東京都中小企業活性化協議会");
    ws.type("Field_companyName", "旅程試験商店");
    ws.choose("Field_entityType", null, "個人事業主");
    ws.choose("Field_industry", null, "小売業");
    ws.type("Field_capitalYen", "0");
    ws.type("Field_employees", "6");
    ws.type("Field_fiscalYearEndMonth", "3");
    ws.type("Field_postalCode", "1000005");
    ws.type("Field_address", "東京都千代田区丸の内2-2-2");
    ws.type("Field_representative", "旅程 一郎");
    ws.type("Field_mainLenderName", "旅程信用金庫");
    ws.choose("Field_mainLenderKind", null, "信用金庫");
    ws.type("Field_planFeeGross", "225000");
    ws.type("Field_planFeeTax", "20454");
    ws.type("Field_finalFeeGross", "75000");
    ws.type("Field_finalFeeTax", "6818");
    ws.type("Field_monitoringIntervalMonths", "6");
    ws.shot("01-application");
    ws.browser().findElement(By.id("complete")).click();
    String caseNumber = ws.shown(By.id("applied-number"), "applied").getText().replaceAll(".*案件番号は (\\S+) です。", "$1");
    assertThat(caseNumber).matches("13-\\d{4}-\\d{4,6}");
    ws.fileEveryLine();
    assertThat(ws.shown(By.id("checklist-state"), "checklist").getText()).isEqualTo("申請書類はそろっています。");
    ws.shot("02-application-set");

    // the coordinator decides
    ws.logIn(COORDINATOR, PASSWORD, "/app/inbox");
    ws.openTask(caseNumber, "利用申請を決定する");
    assertThat(ws.facts()).contains("すべての要件を満たしています", "見積 225,000円 → 補助金 150,000円");
    ws.radio("Field_decision", 0);
    ws.type("Field_decisionComment", "要件を満たしているため受理します");
    ws.complete("03-decide");

    // the agency drafts the plan; the supervisor advises
    ws.logIn(AGENCY, PASSWORD, "/app/inbox");
    ws.openTask(caseNumber, "計画を策定する");
    ws.fileEveryLine();
    ws.formReady();
    assertThat(ws.field("Field_planDate-date").getAttribute("placeholder")).as("dates in Japanese order")
        .isEqualTo("yyyy/mm/dd");
    ws.date("Field_planDate", today);
    ws.type("Field_planPeriodYears", "3");
    ws.type("Field_planSummary", "仕入先の見直しと在庫の圧縮");
    for (String content : List.of("Field_hasBusinessModelOverview", "Field_hasCashPlan", "Field_hasPlannedPnl", "Field_hasActionPlan")) {
      ws.check(content);
    }
    ws.complete("04-draft-plan");
    ws.logIn(SUPERVISOR, PASSWORD, "/app/inbox");
    ws.openTask(caseNumber, "計画に助言する");
    assertThat(ws.facts()).contains("仕入先の見直しと在庫の圧縮", "3年");
    ws.radio("Field_adviceOutcome", 0);
    ws.complete("05-advise");

    // the agency: the lender's receipt (the only answer an early plan offers), the company's share, the plan claim
    ws.logIn(AGENCY, PASSWORD, "/app/inbox");
    ws.openTask(caseNumber, "金融機関の回答を記録する（旅程信用金庫）");
    assertThat(ws.browser().findElements(By.cssSelector("#task-form input[id*='Field_lenderResponse-']"))).hasSize(1);
    ws.fileEveryLine();
    ws.formReady();
    ws.date("Field_planSubmittedOn", today);
    ws.radio("Field_lenderResponse", 0);
    ws.date("Field_respondedOn", today);
    ws.complete("06-lender-receipt");
    ws.openTask(caseNumber, "事業者負担分の振込を記録する");
    assertThat(ws.facts()).contains("振込が必要な事業者負担分", "75,000円");
    ws.fileEveryLine();
    ws.formReady();
    ws.date("Field_transferDate", today);
    ws.type("Field_transferAmount", "75000");
    ws.complete("07-company-share");
    ws.openTask(caseNumber, "費用の支払を申請する");
    assertThat(ws.facts()).contains("計画策定支援費用（第1回）");
    ws.fileClaim("08-plan-claim", "250000", "22727", null);

    // the coordinator returns the claim with its reason; the agency corrects it from the claim as filed
    ws.logIn(COORDINATOR, PASSWORD, "/app/inbox");
    ws.openTask(caseNumber, "支払申請を確認する");
    assertThat(ws.facts()).contains("250,000円", "事業者負担分（必要額）");
    ws.radio("Field_claimDecision", 1);
    ws.type("Field_claimComment", "請求額が見積額を超えています。見積どおりに補正してください");
    ws.complete("09-claim-returned");
    ws.logIn(AGENCY, PASSWORD, "/app/inbox");
    ws.openTask(caseNumber, "支払申請を補正する");
    assertThat(ws.facts()).contains("差戻しの理由", "請求額が見積額を超えています");
    assertThat(ws.value("Field_invoiceGross")).isEqualTo("250000");
    ws.fileEveryLine();
    ws.formReady();
    ws.type("Field_invoiceGross", "225000");
    ws.type("Field_invoiceTax", "20454");
    ws.complete("10-claim-corrected");

    // the coordinator approves and pays
    ws.logIn(COORDINATOR, PASSWORD, "/app/inbox");
    ws.payClaim(caseNumber, claimDocuments("Field_docLenderResponses"), "11-plan", "75,000円（旅程試験税理士法人 へ）",
        "残り 75,000円 は伴走支援の支払申請で支払");

    // a year on: the 期末 report, its review, the monitoring claim and its payment
    ws.fireTimer(runtime, management, caseNumber, "earlyPlan", "waitForFinalMonitoring");
    ws.logIn(AGENCY, PASSWORD, "/app/inbox");
    ws.submitReport(caseNumber, "12-final-report");
    ws.logIn(SUPERVISOR, PASSWORD, "/app/inbox");
    ws.openTask(caseNumber, "伴走支援レポートを確認する");
    ws.radio("Field_reviewOutcome", 0);
    ws.complete("13-report-accepted");
    ws.logIn(AGENCY, PASSWORD, "/app/inbox");
    ws.openTask(caseNumber, "費用の支払を申請する");
    assertThat(ws.facts()).contains("伴走支援費用（期末）（第1回）", "事業者負担分（必要額）");
    ws.fileClaim("14-final-claim", "75000", "6818", "25000");
    ws.logIn(COORDINATOR, PASSWORD, "/app/inbox");
    // the monitoring claim also pays the plan subsidy's second half (75,000 of 150,000), held back at the plan claim
    ws.payClaim(caseNumber, claimDocuments("Field_docMonitoringReport"), "15-final", "125,000円（旅程試験税理士法人 へ）",
        "この補助金 50,000円 ＋ 計画策定支援費用の補助金の残り 75,000円");

    // the case is closed with both claims paid, as the case page says
    ws.browser().get(ws.url("/app/cases/" + caseNumber));
    ws.until("the case to be closed", () -> {
      ws.browser().navigate().refresh();
      return ws.browser().findElement(By.tagName("body")).getText().contains("完了");
    });
    ws.shot("16-closed");
    var view = admin.exchange("/api/cases/" + caseNumber, HttpMethod.GET, null,
        new ParameterizedTypeReference<Map<String, Object>>() { }).getBody();
    assertThat(view).containsEntry("state", "CLOSED");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> claims = (List<Map<String, Object>>) view.get("claims");
    assertThat(claims).extracting(c -> c.get("category") + ":" + c.get("status") + ":" + c.get("payableYen"))
        .containsExactly("PLAN:PAID:75000", "FINAL_MONITORING:PAID:125000");
  }

  /** What the coordinator checks on every claim, and the document of the claim's own step. */
  static List<String> claimDocuments(String stepDocument) {
    return List.of("Field_docInvoice", "Field_docTransfer", "Field_docTimeSheet", "Field_docCheckpoints", stepDocument);
  }
}
