package jp.keieikaizen.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;

import jp.keieikaizen.casefile.CaseState;
import jp.keieikaizen.security.Groups;
import jp.keieikaizen.system.TestDocuments;
import jp.keieikaizen.system.TestUsers;
import jp.keieikaizen.system.WholeAppOnMariaDb;

/**
 * The workspace (#14) in headless Chromium, as a council coordinator: one login at the application's login page, the
 * inbox narrowed to the case, the task page with the case beside its form (rendered by form-js from forms/), claim,
 * form-js's own check in Japanese, the server's refusals (a missing reason at its field, missing documents above the
 * form), a document filed from the same page, and the completion back to the inbox with a confirmation; the engine
 * has moved the case on. Screenshots under target/screenshots/workspace-*.png.
 */
@WholeAppOnMariaDb
class WorkspaceBrowserIT {

  static final Path SHOTS = Path.of("target/screenshots");
  static final String COORDINATOR = "ws-coord-13", PASSWORD = "Workspace-Use-2026", AGENCY_CODE = "108413550002";
  static final String ACTIONS_AGENCY = "108413550003", APPLYING_AGENCY = "108413550004";

  @LocalServerPort int port;
  @Autowired TestRestTemplate anonymous;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  @Autowired org.camunda.bpm.engine.RuntimeService runtime;
  ChromeDriver browser;

  @BeforeEach
  void start() throws Exception {
    Files.createDirectories(SHOTS);
    browser = Chromium.start();
  }

  @AfterEach
  void close() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void aCoordinatorDecidesAnApplicationInTheWorkspace() throws Exception {
    TestRestTemplate admin = anonymous.withBasicAuth(WholeAppOnMariaDb.ADMIN, WholeAppOnMariaDb.ADMIN_PASSWORD);
    admin.postForEntity("/api/agencies", Map.of("agencyCode", AGENCY_CODE, "name", "作業画面試験事務所", "kind", "CPA",
        "certifiedFrom", "2024-04-01", "certifiedTo", "2029-03-31"), Map.class);
    TestUsers.ensure(identity, COORDINATOR, PASSWORD, Groups.coordinator("13"), null);
    Map<String, Object> application = jp.keieikaizen.EarlyPlanLifecycleIT.soleProprietor(AGENCY_CODE, "株式会社作業画面試験");
    var started = admin.exchange("/api/early-plan/applications", HttpMethod.POST, new HttpEntity<>(application),
        new ParameterizedTypeReference<Map<String, Object>>() { });
    assertThat(started.getStatusCode().value()).as("%s", started.getBody()).isEqualTo(201);
    String caseNumber = (String) started.getBody().get("caseNumber");
    Task decide = wait(Duration.ofSeconds(30)).until(d -> tasks.createTaskQuery().processInstanceBusinessKey(caseNumber)
        .taskDefinitionKey("decideApplication").singleResult());

    // one login, then the inbox narrowed to the case
    browser.get(url("/app/inbox?q=" + caseNumber));
    shown(By.id("username"), Duration.ofSeconds(20), "workspace-login-missing").sendKeys(COORDINATOR);
    browser.findElement(By.id("password")).sendKeys(PASSWORD);
    browser.findElement(By.id("login-submit")).click();
    WebElement listed = shown(By.cssSelector("#inbox a.task-link"), Duration.ofSeconds(30), "workspace-inbox-missing");
    assertThat(listed.getText()).isEqualTo("利用申請を決定する｜" + caseNumber + " 株式会社作業画面試験");
    shot("workspace-inbox");
    listed.click();

    // the task page: the case beside the task, nobody's yet, so claim it first
    shown(By.id("case-summary"), Duration.ofSeconds(20), "workspace-task-missing");
    assertThat(browser.findElement(By.id("case-company")).getText()).isEqualTo("株式会社作業画面試験");
    assertThat(browser.findElement(By.id("eligibility")).getText()).isEqualTo("要件を満たしています");
    assertThat(browser.findElements(By.cssSelector("#case-subsidy tbody tr"))).hasSizeGreaterThanOrEqualTo(1);
    browser.findElement(By.id("claim")).click();
    wait(Duration.ofSeconds(15)).until(d -> tasks.createTaskQuery().taskId(decide.getId()).taskAssignee(COORDINATOR)
        .count() == 1);
    WebElement complete = shown(By.id("complete"), Duration.ofSeconds(20), "workspace-form-missing");
    wait(Duration.ofSeconds(30)).until(d -> complete.isEnabled()); // form-js has rendered the form
    shot("workspace-task");

    // form-js's own check, in Japanese
    complete.click();
    assertThat(shown(By.cssSelector(".fjs-form-field-error"), Duration.ofSeconds(10), "workspace-no-check").getText())
        .isEqualTo("入力してください。");
    // the server's refusal at its field: a return needs its reason
    radio("Field_decision-1").click();
    complete.click();
    wait(Duration.ofSeconds(15)).until(d -> d.findElements(By.cssSelector(".fjs-form-field-error")).stream()
        .anyMatch(e -> e.getText().equals("差戻し・不受理の理由を入力してください")));
    assertThat(browser.findElement(By.id("form-problems")).getText()).isEqualTo("入力内容を確認してください（赤く示した項目）。");
    shot("workspace-refusal-at-field");
    // acceptance without the application set: refused above the form, naming what is missing
    radio("Field_decision-0").click();
    complete.click();
    wait(Duration.ofSeconds(15)).until(d -> d.findElement(By.id("form-problems")).getText().contains("必要書類が登録されていません"));
    assertThat(tasks.createTaskQuery().taskId(decide.getId()).count()).as("still open").isEqualTo(1);

    // a document filed from the same page, the rest through the API, then the decision goes through
    Path scan = Files.write(SHOTS.resolve("workspace-application-form.pdf"), TestDocuments.PDF);
    browser.findElement(By.id("file-0")).sendKeys(scan.toAbsolutePath().toString());
    browser.findElement(By.id("upload-0")).click();
    assertThat(shown(By.id("saved"), Duration.ofSeconds(20), "workspace-upload").getText())
        .isEqualTo("登録しました：利用申請書：workspace-application-form.pdf");
    assertThat(browser.getCurrentUrl()).endsWith("/app/tasks/" + decide.getId());
    TestDocuments.provide(anonymous.withBasicAuth(COORDINATOR, PASSWORD), decide.getId());
    browser.navigate().refresh();
    assertThat(shown(By.id("checklist-state"), Duration.ofSeconds(20), "workspace-checklist").getText())
        .isEqualTo("必要書類はそろっています。");
    WebElement completeAgain = shown(By.id("complete"), Duration.ofSeconds(20), "workspace-form-missing");
    wait(Duration.ofSeconds(30)).until(d -> completeAgain.isEnabled());
    radio("Field_decision-0").click();
    browser.findElement(By.cssSelector("textarea[id$='Field_decisionComment']")).sendKeys("要件を満たしているため受理");
    completeAgain.click();

    // back to the inbox (the next step is the agency's), with a confirmation; the engine moved the case on
    assertThat(shown(By.id("completed"), Duration.ofSeconds(30), "workspace-no-confirmation").getText())
        .isEqualTo("案件 " + caseNumber + " のタスクを完了しました。");
    assertThat(browser.getCurrentUrl()).contains("/app/inbox");
    shot("workspace-done");
    assertThat(tasks.createTaskQuery().taskId(decide.getId()).count()).isZero();
    Boolean offered = wait(Duration.ofSeconds(30)).until(d -> tasks.createTaskQuery()
        .processInstanceBusinessKey(caseNumber).taskDefinitionKey("draftPlan").count() == 1);
    assertThat(offered).as("the agency is offered the plan").isTrue();

    // the dashboard's stage times are per step, not per case
    browser.get(url("/app/dashboard"));
    List<String> stages = shown(By.cssSelector("#stages tbody"), Duration.ofSeconds(20), "workspace-stages")
        .findElements(By.tagName("tr")).stream().map(WebElement::getText).toList();
    assertThat(stages).anySatisfy(row -> assertThat(row).startsWith("利用申請を決定する"))
        .allSatisfy(row -> assertThat(row).doesNotContain("｜"));
  }

  /**
   * The case page's actions: the lead agency withdraws its early-plan case (取下げ) and the council's coordinator hands
   * a 405 case over (引継ぎ), each with a reason and a confirmation; each case ends in its state and its process ends.
   */
  @Test
  void anAgencyWithdrawsACaseAndACoordinatorHandsOneOver() throws Exception {
    TestRestTemplate admin = anonymous.withBasicAuth(WholeAppOnMariaDb.ADMIN, WholeAppOnMariaDb.ADMIN_PASSWORD);
    long agencyId = jp.keieikaizen.system.TestAgencies.register(admin, ACTIONS_AGENCY, "案件操作試験事務所");
    TestUsers.ensure(identity, "ws-agency", PASSWORD, Groups.agency(agencyId), null);
    TestUsers.ensure(identity, COORDINATOR, PASSWORD, Groups.coordinator("13"), null);
    TestRestTemplate agency = anonymous.withBasicAuth("ws-agency", PASSWORD);
    String early = apply(agency, "/api/early-plan/applications",
        jp.keieikaizen.EarlyPlanLifecycleIT.soleProprietor(ACTIONS_AGENCY, "株式会社取下げ試験"));
    Map<String, Object> plan405 = jp.keieikaizen.EarlyPlanLifecycleIT.application405();
    plan405.put("agencyCode", ACTIONS_AGENCY);
    plan405.put("companyName", "株式会社引継ぎ試験");
    String handed = apply(agency, "/api/405/applications", plan405);

    logIn("ws-agency", "/app/cases/" + early);
    assertThat(browser.findElements(By.id("handover-form"))).as("引継ぎ is the council's").isEmpty();
    browser.findElement(By.id("withdrawal-reason")).sendKeys("事業者の申出により取り下げ");
    browser.findElement(By.id("withdrawal-confirm")).click();
    shot("workspace-withdrawal");
    browser.findElement(By.id("withdrawal-submit")).click();
    assertThat(shown(By.id("action-done"), Duration.ofSeconds(20), "workspace-withdrawal-done").getText())
        .isEqualTo("取下げを記録しました。案件は終了しました。");
    assertThat(browser.findElement(By.id("case-state")).getText()).isEqualTo(CaseState.WITHDRAWN.label());
    assertThat(browser.findElements(By.id("withdrawal-form"))).as("no action on an ended case").isEmpty();
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(early).count()).isZero();

    browser.manage().deleteAllCookies();
    logIn(COORDINATOR, "/app/cases/" + handed);
    browser.findElement(By.id("handover-reason")).sendKeys("再生支援に移行するため引継ぎ");
    browser.findElement(By.id("handover-confirm")).click();
    browser.findElement(By.id("handover-submit")).click();
    assertThat(shown(By.id("action-done"), Duration.ofSeconds(20), "workspace-handover-done").getText())
        .isEqualTo("引継ぎを記録しました。");
    assertThat(browser.findElement(By.id("case-state")).getText()).isEqualTo(CaseState.TAKEN_OVER.label());
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(handed).count()).isZero();
    shot("workspace-handover-done");
  }

  /**
   * An agency applies entirely in the workspace: the application form with its agency and today filled in, the council
   * chosen from the list, form-js's choices in Japanese, the subsidy previewed before anything is stored, the case
   * number at the end, and the application set uploaded on the next page.
   */
  @Test
  void anAgencyAppliesInTheWorkspaceAndFilesTheApplicationSet() throws Exception {
    TestRestTemplate admin = anonymous.withBasicAuth(WholeAppOnMariaDb.ADMIN, WholeAppOnMariaDb.ADMIN_PASSWORD);
    long agencyId = jp.keieikaizen.system.TestAgencies.register(admin, APPLYING_AGENCY, "申請画面試験事務所");
    TestUsers.ensure(identity, "ws-applicant", PASSWORD, Groups.agency(agencyId), null);

    logIn("ws-applicant", "/app/applications/new");
    WebElement complete = shown(By.id("complete"), Duration.ofSeconds(20), "workspace-apply-missing");
    wait(Duration.ofSeconds(30)).until(d -> complete.isEnabled());
    assertThat(field("Field_agencyCode").getAttribute("value")).isEqualTo(APPLYING_AGENCY);
    assertThat(browser.findElements(By.cssSelector("#task-form .fjs-select-display")).stream().map(WebElement::getText))
        .as("form-js's placeholders in Japanese").isNotEmpty().allMatch("選択してください"::equals);
    WebElement council = field("Field_councilCode");
    assertThat(council.getAttribute("placeholder")).isEqualTo("入力して絞り込み");
    council.sendKeys("東京");
    option("東京都中小企業活性化協議会").click();
    field("Field_companyName").sendKeys("申請画面商店");
    choose("Field_entityType", "個人事業主");
    choose("Field_industry", "サービス業");
    field("Field_capitalYen").sendKeys("0");
    field("Field_employees").sendKeys("4");
    field("Field_fiscalYearEndMonth").sendKeys("12");
    field("Field_postalCode").sendKeys("100-0005");
    field("Field_address").sendKeys("東京都千代田区丸の内1-1-1");
    field("Field_representative").sendKeys("申請 花子");
    field("Field_mainLenderName").sendKeys("申請信用金庫");
    choose("Field_mainLenderKind", "信用金庫");
    field("Field_planFeeGross").sendKeys("225000");
    field("Field_planFeeTax").sendKeys("20454");
    field("Field_finalFeeGross").sendKeys("75000");
    field("Field_finalFeeTax").sendKeys("6818");
    field("Field_monitoringIntervalMonths").sendKeys("6");

    browser.findElement(By.id("preview")).click();
    WebElement preview = shown(By.cssSelector("#preview-result tbody tr"), Duration.ofSeconds(20), "workspace-preview");
    assertThat(browser.findElement(By.id("preview-result")).getText()).contains("申請画面試験事務所", "計画策定支援費用",
        "150,000円", "75,000円");
    assertThat(preview.isDisplayed()).isTrue();
    assertThat(browser.findElement(By.id("preview-findings")).getText()).as("fees within every ceiling")
        .isEqualTo("見積について、要件確認で指摘される項目はありません。");
    shot("workspace-apply-preview");

    complete.click();
    String number = shown(By.id("applied-number"), Duration.ofSeconds(30), "workspace-applied").getText()
        .replaceAll(".*案件番号は (\\S+) です。", "$1");
    assertThat(number).matches("13-\\d{4}-\\d{4,6}");
    assertThat(browser.getCurrentUrl()).endsWith("/app/cases/" + number + "/application");
    assertThat(browser.findElement(By.id("checklist-state")).getText()).isEqualTo("まだ登録されていない書類があります。");
    Path form = Files.write(SHOTS.resolve("workspace-applicant-form.pdf"), TestDocuments.PDF);
    browser.findElement(By.id("file-0")).sendKeys(form.toAbsolutePath().toString());
    browser.findElement(By.id("upload-0")).click();
    assertThat(shown(By.id("saved"), Duration.ofSeconds(20), "workspace-applied-upload").getText())
        .isEqualTo("登録しました：利用申請書：workspace-applicant-form.pdf");
    assertThat(browser.getCurrentUrl()).endsWith("/app/cases/" + number + "/application");
    shot("workspace-applied");
    var view = admin.exchange("/api/cases/" + number, HttpMethod.GET, null,
        new ParameterizedTypeReference<Map<String, Object>>() { }).getBody();
    assertThat(view).containsEntry("councilCode", "13").containsEntry("state", "APPLIED");
    assertThat(view.get("company").toString()).contains("申請画面商店");
  }

  private WebElement field(String idSuffix) throws Exception {
    WebElement field = shown(By.cssSelector("#task-form [id$='-" + idSuffix + "']"), Duration.ofSeconds(15),
        "workspace-field-" + idSuffix);
    browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", field);
    return field;
  }

  /** A form-js select: open its list and pick the option with the label. */
  private void choose(String idSuffix, String label) throws Exception {
    field(idSuffix + "-display").click();
    option(label).click();
  }

  private WebElement option(String label) throws Exception {
    return wait(Duration.ofSeconds(15)).until(d -> d.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
        .filter(e -> e.getText().equals(label)).findFirst().orElse(null));
  }

  private String apply(TestRestTemplate agency, String path, Map<String, Object> application) {
    var started = agency.exchange(path, HttpMethod.POST, new HttpEntity<>(application),
        new ParameterizedTypeReference<Map<String, Object>>() { });
    assertThat(started.getStatusCode().value()).as("%s", started.getBody()).isEqualTo(201);
    return (String) started.getBody().get("caseNumber");
  }

  /** Opens the page, logs in on the login page it leads to, and waits until it is back on the page. */
  private void logIn(String user, String page) throws Exception {
    browser.get(url(page));
    shown(By.id("username"), Duration.ofSeconds(20), "workspace-login-missing").sendKeys(user);
    browser.findElement(By.id("password")).sendKeys(PASSWORD);
    browser.findElement(By.id("login-submit")).click();
    try {
      wait(Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains(page) && d.findElements(By.id("username")).isEmpty());
    } catch (org.openqa.selenium.TimeoutException e) {
      shot("workspace-login-failed");
      throw new AssertionError("the login of " + user + " did not reach " + page + " but " + browser.getCurrentUrl()
          + "; the page held:\n" + browser.findElement(By.tagName("body")).getText(), e);
    }
  }

  private WebElement radio(String idSuffix) throws Exception {
    WebElement radio = shown(By.cssSelector("input[id$='" + idSuffix + "']"), Duration.ofSeconds(15), "workspace-radio");
    browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", radio);
    return radio;
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  /** Waits for the element; a timeout fails with a screenshot and what the page showed, so a red run says why. */
  private WebElement shown(By element, Duration timeout, String shotName) throws Exception {
    try {
      return wait(timeout).until(d -> d.findElement(element));
    } catch (org.openqa.selenium.TimeoutException e) {
      shot(shotName);
      throw new AssertionError(element + " not shown at " + browser.getCurrentUrl() + "; the page held:\n"
          + browser.findElement(By.tagName("body")).getText(), e);
    }
  }

  private WebDriverWait wait(Duration timeout) {
    WebDriverWait wait = new WebDriverWait(browser, timeout);
    wait.ignoring(org.openqa.selenium.NoSuchElementException.class)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    return wait;
  }

  private void shot(String name) throws Exception {
    Files.write(SHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
  }
}
