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

import jp.keieikaizen.security.Groups;
import jp.keieikaizen.system.TestDocuments;
import jp.keieikaizen.system.TestUsers;
import jp.keieikaizen.system.WholeAppOnMariaDb;

/**
 * Camunda Tasklist in headless Chromium, as the people who use it all day: a council coordinator logs in, opens
 * 自協議会の未処理タスク, finds the new case's decision by its number and company, claims it, fills in its Camunda Form
 * and completes it; the engine has moved the case on; then the agency's user finds the plan task in 自機関の対応待ち.
 * Screenshots under target/screenshots/.
 */
@WholeAppOnMariaDb
class TasklistBrowserIT {

  static final Path SHOTS = Path.of("target/screenshots");
  static final String COUNCIL = "45";
  static final String COORDINATOR = "tl-coord-45", AGENCY_USER = "tl-agency", PASSWORD = "Tasklist-Use-2026";
  static final String AGENCY_CODE = "108413550001";

  @LocalServerPort int port;
  @Autowired TestRestTemplate anonymous;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
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
  void aCoordinatorDecidesAnApplicationInTasklistAndTheAgencyIsOfferedThePlan() throws Exception {
    TestRestTemplate admin = anonymous.withBasicAuth(WholeAppOnMariaDb.ADMIN, WholeAppOnMariaDb.ADMIN_PASSWORD);
    admin.postForEntity("/api/agencies", Map.of("agencyCode", AGENCY_CODE, "name", "タスク一覧試験事務所", "kind", "CPA",
        "certifiedFrom", "2024-04-01", "certifiedTo", "2029-03-31"), Map.class);
    long agencyId = admin.exchange("/api/agencies", HttpMethod.GET, null,
        new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody().stream()
        .filter(a -> AGENCY_CODE.equals(a.get("agencyCode"))).map(a -> ((Number) a.get("id")).longValue()).findFirst()
        .orElseThrow();
    // a council of its own (宮崎): the 13 council's list fills with the other tests' open tasks, and Tasklist shows the
    // first of them only, so the test's case could sit below them, depending on which tests ran first
    TestUsers.ensure(identity, COORDINATOR, PASSWORD, Groups.coordinator(COUNCIL), null);
    TestUsers.ensure(identity, AGENCY_USER, PASSWORD, Groups.agency(agencyId), null);
    Map<String, Object> application = jp.keieikaizen.EarlyPlanLifecycleIT.soleProprietor(AGENCY_CODE, "株式会社タスク一覧試験");
    application.put("councilCode", COUNCIL);
    var started = admin.exchange("/api/early-plan/applications", HttpMethod.POST, new HttpEntity<>(application),
        new ParameterizedTypeReference<Map<String, Object>>() { });
    assertThat(started.getStatusCode().value()).as("%s", started.getBody()).isEqualTo(201);
    String caseNumber = (String) started.getBody().get("caseNumber");
    Task decide = wait(Duration.ofSeconds(30)).until(d -> tasks.createTaskQuery().processInstanceBusinessKey(caseNumber)
        .taskDefinitionKey("decideApplication").singleResult());

    // the coordinator: her council's open tasks, the new case's decision, claim, fill in the form, complete
    logIn(COORDINATOR);
    openFilter("自協議会の未処理タスク");
    // free task creation is for administrators: a coordinator is not offered 「タスクを作成」
    wait(Duration.ofSeconds(20)).until(d -> d.findElement(By.tagName("html")).getAttribute("class").contains("keiei-not-admin"));
    assertThat(browser.findElements(By.cssSelector(".create-task-action")).stream().noneMatch(WebElement::isDisplayed))
        .isTrue();
    WebElement listed = wait(Duration.ofSeconds(15)).until(d -> d.findElement(By.partialLinkText(caseNumber)));
    assertThat(listed.getText()).isEqualTo("利用申請を決定する｜" + caseNumber + " 株式会社タスク一覧試験");
    clickInView(listed); // the council's list is long when other tests of the run left tasks in it
    wait(Duration.ofSeconds(15)).until(d -> d.findElement(By.cssSelector("button.claim"))).click();
    wait(Duration.ofSeconds(10)).until(d -> tasks.createTaskQuery().taskId(decide.getId()).taskAssignee(COORDINATOR)
        .count() == 1);

    // the form links to the task's document page: the coordinator files the scanned application form there, the
    // agency the rest of the set (through the API here), and the page then shows the set complete
    WebElement documentsLink = shown(By.partialLinkText("このタスクの書類を確認・登録する"),
        Duration.ofSeconds(15), "documents-link-missing");
    assertThat(documentsLink.getAttribute("href")).endsWith("/app/tasks/" + decide.getId() + "/documents");
    String documentsPage = documentsLink.getAttribute("href");
    browser.get(documentsPage); // one login: no second one for the application's page
    shown(By.id("checklist"), Duration.ofSeconds(15), "task-documents-missing");
    assertThat(browser.getCurrentUrl()).isEqualTo(documentsPage);
    assertThat(browser.findElement(By.id("task-title")).getText()).contains("利用申請を決定する", caseNumber);
    assertThat(browser.findElement(By.id("checklist-state")).getText()).isEqualTo("まだ登録されていない書類があります。");
    Path scan = Files.write(SHOTS.resolve("application-form.pdf"), TestDocuments.PDF);
    browser.findElement(By.id("file-0")).sendKeys(scan.toAbsolutePath().toString());
    browser.findElement(By.id("upload-0")).click();
    assertThat(wait(Duration.ofSeconds(15)).until(d -> d.findElement(By.id("saved"))).getText())
        .isEqualTo("登録しました：利用申請書：application-form.pdf");
    assertThat(browser.findElement(By.cssSelector("#checklist tbody tr")).getAttribute("data-satisfied")).isEqualTo("true");
    assertThat(TestDocuments.provide(anonymous.withBasicAuth(COORDINATOR, PASSWORD), decide.getId())).isEqualTo(7);
    browser.navigate().refresh();
    assertThat(wait(Duration.ofSeconds(15)).until(d -> d.findElement(By.id("checklist-state"))).getText())
        .isEqualTo("必要書類はそろっています。");
    shot("task-documents");
    browser.findElement(By.id("back-to-task")).click();
    WebElement accept = wait(Duration.ofSeconds(15)).until(d -> d.findElement(By.cssSelector("input[id$='Field_decision-0']")));
    assertThat(browser.findElement(By.cssSelector("label[for='" + accept.getAttribute("id") + "']")).getText())
        .contains("受理");
    accept.click();
    browser.findElement(By.cssSelector("textarea[id$='Field_decisionComment']")).sendKeys("要件を満たしているため受理");
    // a comment on the task, through the API (Tasklist's 「コメントを追加」 writes the same engine comment)
    TestRestTemplate coordinator = anonymous.withBasicAuth(COORDINATOR, PASSWORD);
    var empty = coordinator.postForEntity("/api/tasks/" + decide.getId() + "/comments", Map.of("message", " "), Map.class);
    assertThat(empty.getStatusCode().value()).isEqualTo(400);
    assertThat(empty.getBody().toString()).contains("message");
    var commented = coordinator.postForEntity("/api/tasks/" + decide.getId() + "/comments",
        Map.of("message", "登記簿謄本（3か月以内）を確認済み"), Map.class);
    assertThat(commented.getStatusCode().value()).as("%s", commented.getBody()).isEqualTo(201);
    shot("tasklist-coordinator-form");
    WebElement complete = browser.findElement(By.cssSelector("button[ng-click='complete()']"));
    assertThat(complete.getText().strip()).as("Tasklist in Japanese").isEqualTo("完了");
    wait(Duration.ofSeconds(10)).until(d -> complete.isDisplayed() && complete.isEnabled());
    // the form's button bar sits under Tasklist's fixed footer at this window size, so the click is dispatched to
    // the button itself (after checking above that it is shown, labelled 完了 and enabled)
    browser.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", complete);

    // the engine moved the case on: the decision is recorded and the agency is offered the plan
    Task draft = wait(Duration.ofSeconds(30)).until(d -> tasks.createTaskQuery().processInstanceBusinessKey(caseNumber)
        .taskDefinitionKey("draftPlan").singleResult());
    assertThat(tasks.createTaskQuery().taskId(decide.getId()).count()).isZero();
    assertThat(draft.getName()).isEqualTo("計画を策定する｜" + caseNumber + " 株式会社タスク一覧試験");
    shot("tasklist-coordinator-done");

    // the case page: the open task links to Tasklist, and the timeline has the step, the comment and the record
    browser.get("http://localhost:" + port + "/app/cases/" + caseNumber);
    assertThat(browser.findElement(By.id("case-title")).getText()).isEqualTo(caseNumber + "　株式会社タスク一覧試験");
    assertThat(browser.findElement(By.cssSelector("#open-tasks a.open-task")).getAttribute("href"))
        .endsWith("/camunda/app/tasklist/default/#/?task=" + draft.getId());
    List<String> timeline = browser.findElements(By.cssSelector("#timeline tbody tr")).stream()
        .map(WebElement::getText).toList();
    assertThat(timeline).anySatisfy(row -> assertThat(row).contains("タスク", "タスク完了", "利用者 試験", "利用申請を決定する"))
        .anySatisfy(row -> assertThat(row).contains("コメント", "利用者 試験", "登記簿謄本（3か月以内）を確認済み"))
        .anySatisfy(row -> assertThat(row).contains("記録", "利用申請"));
    assertThat(timeline).as("codes in words").noneSatisfy(row -> assertThat(row).containsAnyOf("APPLIED", "DOCUMENT_ADDED",
        "DECISION_ACCEPT", "task "));
    shot("case-page");

    // the agency's user sees it in its own filter
    browser.manage().deleteAllCookies();
    logIn(AGENCY_USER);
    openFilter("自機関の対応待ち");
    WebElement offered = wait(Duration.ofSeconds(15)).until(d -> d.findElement(By.partialLinkText(caseNumber)));
    assertThat(offered.getText()).startsWith("計画を策定する｜");
    assertThat(browser.findElements(By.partialLinkText("自協議会の未処理タスク"))).as("not an agency's filter").isEmpty();
    clickInView(offered);
    wait(Duration.ofSeconds(15)).until(d -> d.findElement(By.cssSelector("[id*='Field_planDate']")));
    shot("tasklist-agency");
  }

  /** The national manager's Cockpit dashboard is in Japanese too (labels missing from ja.json fall back to English). */
  @Test
  void cockpitSpeaksJapaneseToTheNationalManager() throws Exception {
    TestUsers.ensure(identity, "tl-manager", PASSWORD, Groups.NATIONAL_MANAGER, null);
    logIn("tl-manager", "/camunda/app/cockpit/default/");
    wait(Duration.ofSeconds(20)).until(d -> d.findElement(By.tagName("body")).getText().contains("実行中のプロセスインスタンス"));
    assertThat(browser.findElement(By.tagName("body")).getText()).contains("プロセス", "未解決の障害", "未完了のユーザータスク",
        "日時の表示タイムゾーン");
    shot("cockpit-manager");
  }

  /** Scrolls the element to the middle of its list, where no footer covers it, and clicks it. */
  private void clickInView(WebElement element) {
    browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    element.click();
  }

  private void logIn(String user) throws Exception {
    logIn(user, "/camunda/app/tasklist/default/");
  }

  /**
   * Opens the page, which sends the browser to the application's login page (one login for the workspace and the
   * webapps), logs in there and waits until it is back on the page; a login that does not go through fails with a
   * screenshot and what the page showed.
   */
  private void logIn(String user, String page) throws Exception {
    browser.get("http://localhost:" + port + page);
    shown(By.id("username"), Duration.ofSeconds(20), "login-page-missing").sendKeys(user);
    browser.findElement(By.id("password")).sendKeys(PASSWORD);
    browser.findElement(By.id("login-submit")).click();
    try {
      wait(Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().contains(page) && d.findElements(By.id("username")).isEmpty());
    } catch (org.openqa.selenium.TimeoutException e) {
      shot("login-failed");
      throw new AssertionError("the login of " + user + " did not reach " + page + " but " + browser.getCurrentUrl()
          + "; the page held:\n" + browser.findElement(By.tagName("body")).getText(), e);
    }
  }

  /**
   * Opens a filter from Tasklist's list. On a loaded machine the list can come late: one reload, then a failure that
   * shows what the page held (and a screenshot), so a red run says why.
   */
  private void openFilter(String name) throws Exception {
    try {
      wait(Duration.ofSeconds(30)).until(d -> d.findElement(By.partialLinkText(name))).click();
    } catch (org.openqa.selenium.TimeoutException first) {
      browser.navigate().refresh();
      shown(By.partialLinkText(name), Duration.ofSeconds(30), "filter-missing").click();
    }
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
