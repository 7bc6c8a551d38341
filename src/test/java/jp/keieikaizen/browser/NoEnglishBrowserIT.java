package jp.keieikaizen.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
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
import jp.keieikaizen.system.TestAgencies;
import jp.keieikaizen.system.TestUsers;
import jp.keieikaizen.system.WholeAppOnMariaDb;

/**
 * The pages each role sees speak Japanese (#14): every page of the workspace a coordinator, an agency and a national
 * manager can open — the home, inbox, case list, a case, a task with its form rendered, the application form, the
 * figures, the inquiries, an error page — holds no English word outside an explicit allow-list (product names,
 * units, file formats, and codes the user types). A failure names the page and the words, with a screenshot.
 */
@WholeAppOnMariaDb
class NoEnglishBrowserIT {

  static final Path SHOTS = Path.of("target/screenshots");
  static final String PASSWORD = "No-English-2026", AGENCY_CODE = "108413550005";
  /** Product names, file formats, and the programme's own abbreviations (中小版GL枠, DD, 認定支援機関ID). */
  static final Set<String> ALLOWED = Set.of("Tasklist", "Camunda", "CSV", "Excel", "PDF", "PNG", "JPEG", "Word", "GL",
      "DD", "ID", "KB", "BPMN", "io");
  private static final Pattern WORD = Pattern.compile("[A-Za-z]{2,}");

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
  void everyPageARoleOpensHoldsNoEnglishOutsideTheAllowList() throws Exception {
    TestRestTemplate admin = anonymous.withBasicAuth(WholeAppOnMariaDb.ADMIN, WholeAppOnMariaDb.ADMIN_PASSWORD);
    long agencyId = TestAgencies.register(admin, AGENCY_CODE, "日本語確認事務所");
    TestUsers.ensure(identity, "ne-coord", PASSWORD, Groups.coordinator("13"), null);
    TestUsers.ensure(identity, "ne-agency", PASSWORD, Groups.agency(agencyId), null);
    TestUsers.ensure(identity, "ne-manager", PASSWORD, Groups.NATIONAL_MANAGER, null);
    var started = anonymous.withBasicAuth("ne-agency", PASSWORD).exchange("/api/early-plan/applications",
        HttpMethod.POST, new HttpEntity<>(jp.keieikaizen.EarlyPlanLifecycleIT.soleProprietor(AGENCY_CODE, "日本語確認商店")),
        new ParameterizedTypeReference<Map<String, Object>>() { });
    assertThat(started.getStatusCode().value()).as("%s", started.getBody()).isEqualTo(201);
    String caseNumber = (String) started.getBody().get("caseNumber");
    String decide = new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> {
      var t = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey("decideApplication")
          .singleResult();
      return t == null ? null : t.getId();
    });

    Map<String, List<String>> pages = new LinkedHashMap<>();
    pages.put("ne-coord", List.of("/app/", "/app/inbox", "/app/cases", "/app/cases/" + caseNumber,
        "/app/tasks/" + decide, "/app/dashboard", "/app/statistics", "/app/inquiries", "/app/applications/new",
        "/app/applications/new?programme=PLAN_405", "/app/cases/13-2099-9999"));
    pages.put("ne-agency", List.of("/app/", "/app/inbox", "/app/cases", "/app/cases/" + caseNumber,
        "/app/cases/" + caseNumber + "/application", "/app/applications/new"));
    pages.put("ne-manager", List.of("/app/", "/app/cases", "/app/cases/" + caseNumber, "/app/dashboard",
        "/app/statistics"));

    List<String> english = new ArrayList<>();
    for (var role : pages.entrySet()) {
      browser.manage().deleteAllCookies();
      browser.get("http://localhost:" + port + "/login");
      new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> d.findElement(By.id("username"))).sendKeys(role.getKey());
      browser.findElement(By.id("password")).sendKeys(PASSWORD);
      browser.findElement(By.id("login-submit")).click();
      new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.findElements(By.id("username")).isEmpty());
      for (String page : role.getValue()) {
        browser.get("http://localhost:" + port + page);
        List<WebElement> forms = browser.findElements(By.id("complete"));
        if (!forms.isEmpty()) { // a form page: wait until form-js has drawn the form
          new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> forms.get(0).isEnabled()
              || !d.findElement(By.id("form-problems")).getText().isEmpty());
        }
        Set<String> words = new TreeSet<>();
        Matcher m = WORD.matcher(browser.findElement(By.tagName("body")).getText());
        while (m.find()) {
          if (!ALLOWED.contains(m.group())) {
            words.add(m.group());
          }
        }
        if (!words.isEmpty()) {
          String shot = "no-english-" + role.getKey() + "-" + english.size();
          Files.write(SHOTS.resolve(shot + ".png"), browser.getScreenshotAs(OutputType.BYTES));
          english.add(role.getKey() + " " + page + ": " + words + " (" + shot + ".png)");
        }
      }
    }
    assertThat(english).as("pages with English words").isEmpty();
  }
}
