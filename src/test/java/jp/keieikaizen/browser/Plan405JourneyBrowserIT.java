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
 * 405 cases entirely in the workspace in Chromium, each step by the role that owns it; nothing goes through /api but
 * the set-up (an agency and three users) and the final checks. Screenshots per step: target/screenshots/journey-405-*.png
 * and journey-gl-*.png.
 *
 * <ul>
 * <li>通常枠 with a realistic plan fee (900,000 yen, above the 工程表 threshold) and two lenders: the agency applies and
 * files the application set with its 工程表; the coordinator accepts; the agency drafts the plan; the supervisor
 * advises; the main lender refuses, the other consents; the agency revises the plan (the page names the lender and
 * its reason) and the main lender consents; the company's share, the plan claim and its payment (the first half of
 * the plan subsidy); a year later (the test fires the waiting timer) the first monitoring round's report, its review,
 * its claim and payment (this year's monitoring subsidy with the plan subsidy's second half).</li>
 * <li>中小版GL枠: the application with its DD fee apart from the plan fee, the acceptance, the DD, the plan and its
 * advice, up to the lenders' answers the plan asks for.</li>
 * </ul>
 */
@WholeAppOnMariaDb
class Plan405JourneyBrowserIT {

  static final String PASSWORD = "Journey-405-2026", AGENCY_CODE = "108413880002";
  static final String AGENCY = "j405-agency", COORDINATOR = "j405-coord-13", SUPERVISOR = "j405-super-13";

  @LocalServerPort int port;
  @Autowired TestRestTemplate anonymous;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  TestRestTemplate admin;
  Workspace ws;

  @BeforeEach
  void start() throws Exception {
    admin = anonymous.withBasicAuth(WholeAppOnMariaDb.ADMIN, WholeAppOnMariaDb.ADMIN_PASSWORD);
    long agency = TestAgencies.register(admin, AGENCY_CODE, "四〇五旅程コンサルティング株式会社");
    TestUsers.ensure(identity, AGENCY, PASSWORD, Groups.agency(agency), null);
    TestUsers.ensure(identity, COORDINATOR, PASSWORD, Groups.coordinator("13"), null);
    TestUsers.ensure(identity, SUPERVISOR, PASSWORD, Groups.supervisor("13"), null);
  }

  @AfterEach
  void close() {
    if (ws != null) {
      ws.browser().quit();
    }
  }

  @Test
  void a405PlanWithTwoLendersRunsInTheWorkspaceFromItsApplicationToItsFirstMonitoringRoundPaid() throws Exception {
    ws = new Workspace(Chromium.start(), port, "journey-405");
    String today = Workspace.TODAY;

    // the agency applies: two lenders, a plan fee that needs a 工程表, the subsidy and the finding shown before sending
    String caseNumber = apply(0, "四〇五旅程工業株式会社", "8880013880002", List.of("旅程銀行", "旅程第二信用金庫"),
        "900000", "81818", "450000", "40909", null);
    assertThat(ws.browser().findElement(By.id("checklist")).getText()).contains("工程表");
    ws.fileEveryLine();
    ws.shot("02-application-set");

    // the coordinator sees the findings and the subsidy per category, and accepts
    ws.logIn(COORDINATOR, PASSWORD, "/app/inbox");
    ws.openTask(caseNumber, "利用申請を決定する");
    assertThat(ws.facts()).contains("すべての要件を満たしています", "見積 900,000円 → 補助金 600,000円",
        "見積 450,000円 → 補助金 300,000円");
    ws.radio("Field_decision", 0);
    ws.complete("03-decide");

    // the agency drafts the plan; the supervisor advises
    ws.logIn(AGENCY, PASSWORD, "/app/inbox");
    draftPlan(caseNumber, "04-draft-plan", "不採算部門からの撤退と返済条件の変更");
    ws.logIn(SUPERVISOR, PASSWORD, "/app/inbox");
    ws.openTask(caseNumber, "計画に助言する");
    assertThat(ws.facts()).contains("不採算部門からの撤退と返済条件の変更", "5年");
    ws.radio("Field_adviceOutcome", 0);
    ws.complete("05-advise");

    // the lenders: the main one refuses with its reason, the other consents (the plan's date is asked once)
    ws.logIn(AGENCY, PASSWORD, "/app/inbox");
    ws.openTask(caseNumber, "金融機関の回答を記録する（旅程銀行）");
    assertThat(ws.browser().findElements(By.cssSelector("#task-form input[id*='Field_lenderResponse-']")))
        .as("a 405 lender consents or refuses").hasSize(2);
    ws.fileEveryLine();
    ws.formReady();
    ws.date("Field_planSubmittedOn", today);
    ws.radio("Field_lenderResponse", 1);
    ws.date("Field_respondedOn", today);
    ws.type("Field_responseNote", "返済原資の根拠が不足しています");
    ws.complete("06-main-lender-refuses");
    ws.openTask(caseNumber, "金融機関の回答を記録する（旅程第二信用金庫）");
    assertThat(ws.value("Field_planSubmittedOn-date")).as("the plan's submission date, recorded for the first lender")
        .isNotBlank();
    consent("07-second-lender-consents");

    // the agency revises the plan for the refusal it is shown; the main lender consents to the revision
    ws.openTask(caseNumber, "計画を修正する");
    assertThat(ws.facts()).contains("旅程銀行", "返済原資の根拠が不足しています", "旅程第二信用金庫", "同意済み");
    ws.fileEveryLine();
    ws.formReady();
    ws.date("Field_planDate", today);
    ws.type("Field_revisionNote", "返済原資の根拠として受注見込みの内訳を追加");
    ws.complete("08-revise-plan");
    ws.openTask(caseNumber, "金融機関の回答を記録する（旅程銀行）");
    assertThat(ws.facts()).contains("不同意", "返済原資の根拠が不足しています");
    consent("09-main-lender-consents");

    // the company's share of the plan fee, the plan claim, and its payment: half the plan subsidy now
    ws.openTask(caseNumber, "事業者負担分の振込を記録する");
    assertThat(ws.facts()).contains("振込が必要な事業者負担分", "300,000円");
    ws.fileEveryLine();
    ws.formReady();
    ws.date("Field_transferDate", today);
    ws.type("Field_transferAmount", "300000");
    ws.complete("10-company-share");
    ws.openTask(caseNumber, "費用の支払を申請する");
    assertThat(ws.facts()).contains("計画策定支援費用（第1回）");
    ws.fileClaim("11-plan-claim", "900000", "81818", null);
    ws.logIn(COORDINATOR, PASSWORD, "/app/inbox");
    ws.payClaim(caseNumber, EarlyPlanJourneyBrowserIT.claimDocuments("Field_docLenderResponses"), "12-plan",
        "300,000円（四〇五旅程コンサルティング株式会社 へ）");

    // a year on: the first monitoring round's report, its review, its claim and its payment
    ws.fireTimer(runtime, management, caseNumber, "plan405", "waitForRound");
    ws.logIn(AGENCY, PASSWORD, "/app/inbox");
    ws.submitReport(caseNumber, "13-first-report");
    ws.logIn(SUPERVISOR, PASSWORD, "/app/inbox");
    ws.openTask(caseNumber, "伴走支援レポートを確認する");
    ws.radio("Field_reviewOutcome", 0);
    ws.complete("14-report-accepted");
    ws.logIn(AGENCY, PASSWORD, "/app/inbox");
    ws.openTask(caseNumber, "費用の支払を申請する");
    String claimFacts = ws.facts();
    assertThat(claimFacts).contains("伴走支援費用", "事業者負担分（必要額）");
    ws.fileClaim("15-monitoring-claim", "150000", "13636", "50000");
    ws.logIn(COORDINATOR, PASSWORD, "/app/inbox");
    // the first monitoring claim also pays the plan subsidy's second half (300,000 of 600,000), held back at the plan claim
    ws.payClaim(caseNumber, EarlyPlanJourneyBrowserIT.claimDocuments("Field_docMonitoringReport"), "16-monitoring",
        "400,000円（四〇五旅程コンサルティング株式会社 へ）", "この補助金 100,000円 ＋ 計画策定支援費用の補助金の残り 300,000円");

    // the case page: both lenders' answers kept, the claims paid, the case in its monitoring
    ws.browser().get(ws.url("/app/cases/" + caseNumber));
    String casePage = ws.shown(By.tagName("body"), "case").getText();
    ws.shot("17-case");
    assertThat(casePage).contains("第1版：不同意", "第2版：同意", "伴走支援中");
    Map<String, Object> view = view(caseNumber);
    assertThat(view).containsEntry("state", "MONITORING");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> claims = (List<Map<String, Object>>) view.get("claims");
    assertThat(claims).extracting(c -> c.get("category") + ":" + c.get("status")).containsExactly("PLAN:PAID",
        "MONITORING:PAID");
    assertThat(claims).extracting(c -> c.get("payableYen")).containsExactly(300_000, 400_000);
  }

  @Test
  void aGuidelineCaseRunsInTheWorkspaceThroughItsDueDiligenceToThePlan() throws Exception {
    ws = new Workspace(Chromium.start(), port, "journey-gl");
    String today = Workspace.TODAY;

    // the DD fee in its own field, the plan fee without it
    String caseNumber = apply(1, "中小版GL旅程株式会社", "7880013880003", List.of("GL旅程銀行", "GL旅程信用金庫"),
        "600000", "54545", "300000", "27272", new String[] {"450000", "40909"});
    ws.fileEveryLine();
    ws.logIn(COORDINATOR, PASSWORD, "/app/inbox");
    ws.openTask(caseNumber, "利用申請を決定する");
    assertThat(ws.facts()).contains("すべての要件を満たしています", "見積 600,000円 → 補助金 400,000円");
    ws.radio("Field_decision", 0);
    ws.complete("03-decide");

    // the DD, then the plan built on it; the supervisor advises
    ws.logIn(AGENCY, PASSWORD, "/app/inbox");
    ws.openTask(caseNumber, "デューデリジェンスを行う");
    ws.fileEveryLine();
    ws.formReady();
    ws.date("Field_ddCompletedOn", today);
    ws.type("Field_thirdPartyExpert", "旅程 三郎（旅程法律事務所）");
    ws.check("Field_hasFinancialDd");
    ws.check("Field_hasBusinessDd");
    ws.type("Field_ddSummary", "債務超過の解消に5年を要する見込み");
    ws.complete("04-due-diligence");
    draftPlan(caseNumber, "05-draft-plan", "中小版GLに基づく再生計画");
    ws.logIn(SUPERVISOR, PASSWORD, "/app/inbox");
    ws.openTask(caseNumber, "計画に助言する");
    ws.radio("Field_adviceOutcome", 0);
    ws.complete("06-advise");

    // the plan goes to its lender
    ws.logIn(AGENCY, PASSWORD, "/app/inbox");
    ws.openTask(caseNumber, "金融機関の回答を記録する（GL旅程銀行）");
    ws.shot("07-lender");
    Map<String, Object> view = view(caseNumber);
    assertThat(view).containsEntry("programme", "PLAN_405_GL");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> quotes = (List<Map<String, Object>>) view.get("quotes");
    assertThat(quotes).extracting(q -> q.get("category") + ":" + q.get("grossYen"))
        .containsExactlyInAnyOrder("DUE_DILIGENCE:450000", "PLAN:600000", "MONITORING:300000");
  }

  /**
   * The agency's application on the 405 page: programme option 0 (通常枠) or 1 (中小版GL枠), its lenders (the first
   * is the main one), the fees; a 法人番号 of its own (the same number is accepted at most three times in all, and
   * other tests apply with theirs); the page previews the subsidy before sending. Returns the case number the page shows.
   */
  private String apply(int programme, String company, String corporateNumber, List<String> lenders, String planGross,
      String planTax, String monitoringGross, String monitoringTax, String[] dueDiligence) throws Exception {
    ws.logIn(AGENCY, PASSWORD, "/app/applications/new?programme=PLAN_405");
    ws.formReady();
    ws.radio("Field_programme", programme);
    ws.choose("Field_councilCode", "東京", "東京都中小企業活性化協議会");
    ws.type("Field_companyName", company);
    ws.choose("Field_entityType", null, "株式会社");
    ws.type("Field_corporateNumber", corporateNumber);
    ws.choose("Field_industry", null, "製造業・建設業・運輸業その他");
    ws.type("Field_capitalYen", "10000000");
    ws.type("Field_employees", "18");
    ws.type("Field_fiscalYearEndMonth", "3");
    ws.type("Field_postalCode", "1000005");
    ws.type("Field_address", "東京都千代田区丸の内1-4-5");
    ws.type("Field_representative", "旅程 二郎");
    ws.type("Field_salesYen", "300000000");
    ws.type("Field_interestBearingDebtYen", "250000000");
    ws.check("Field_financialSupportExpected");
    for (int i = 0; i < lenders.size(); i++) {
      ws.type("Field_lender" + (i + 1) + "Name", lenders.get(i));
      ws.choose("Field_lender" + (i + 1) + "Kind", null, i == 0 ? "地方銀行・第二地方銀行" : "信用金庫");
    }
    if (dueDiligence != null) {
      ws.type("Field_ddFeeGross", dueDiligence[0]);
      ws.type("Field_ddFeeTax", dueDiligence[1]);
    }
    ws.type("Field_planFeeGross", planGross);
    ws.type("Field_planFeeTax", planTax);
    ws.type("Field_monitoringFeeGross", monitoringGross);
    ws.type("Field_monitoringFeeTax", monitoringTax);
    ws.type("Field_monitoringIntervalMonths", "12");
    ws.radio("Field_monitoringClaims", 0);
    ws.browser().findElement(By.id("preview")).click();
    String findings = ws.until("the preview's findings", () -> {
      String text = ws.browser().findElement(By.id("preview-findings")).getText();
      return text.contains("工程表") ? text : null;
    });
    assertThat(findings).as("the plan fee above 450,000 yen asks for a 工程表").contains("工程表");
    assertThat(ws.browser().findElement(By.id("preview-result")).getText()).as("the subsidy before sending")
        .contains(planGross.replaceAll("(\\d)(?=(\\d{3})+$)", "$1,"));
    ws.shot("01-application");
    ws.browser().findElement(By.id("complete")).click();
    String caseNumber = ws.shown(By.id("applied-number"), "applied").getText().replaceAll(".*案件番号は (\\S+) です。", "$1");
    assertThat(caseNumber).matches("13-\\d{4}-\\d{4,6}");
    return caseNumber;
  }

  /** The agency's 405 plan: its date, five years, a summary and every content the plan must have. */
  private void draftPlan(String caseNumber, String shot, String summary) throws Exception {
    ws.openTask(caseNumber, "経営改善計画を策定する");
    ws.fileEveryLine();
    ws.formReady();
    ws.date("Field_planDate", Workspace.TODAY);
    ws.type("Field_planPeriodYears", "5");
    ws.type("Field_planSummary", summary);
    for (String content : List.of("Field_hasCompanyOverview", "Field_hasBusinessModelOverview", "Field_hasCashPlan",
        "Field_hasFinancialStatements", "Field_hasActionPlan", "Field_hasFinancialSupport")) {
      ws.check(content);
    }
    ws.complete(shot);
  }

  /** The open lender's consent, with its 同意書 filed on the same page. */
  private void consent(String shot) throws Exception {
    ws.fileEveryLine();
    ws.formReady();
    if (ws.value("Field_planSubmittedOn-date").isBlank()) {
      ws.date("Field_planSubmittedOn", Workspace.TODAY);
    }
    ws.radio("Field_lenderResponse", 0);
    ws.date("Field_respondedOn", Workspace.TODAY);
    ws.complete(shot);
  }

  private Map<String, Object> view(String caseNumber) {
    return admin.exchange("/api/cases/" + caseNumber, HttpMethod.GET, null,
        new ParameterizedTypeReference<Map<String, Object>>() { }).getBody();
  }
}
