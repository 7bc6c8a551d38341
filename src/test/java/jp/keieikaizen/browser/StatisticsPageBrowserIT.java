package jp.keieikaizen.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.keieikaizen.security.Groups;
import jp.keieikaizen.system.WholeAppOnMariaDb;

/**
 * In headless Chromium: the national manager logs in, opens the statistics page for a quarter, and every number the
 * table shows equals the JSON endpoint's; then the dashboard draws its charts, and a bar of it leads to the cases it
 * counts. Screenshots under target/screenshots/.
 */
@WholeAppOnMariaDb
class StatisticsPageBrowserIT {

  static final String MANAGER = "browser-manager", PASSWORD = "Chart-Viewer-2026";
  static final Path SHOTS = Path.of("target/screenshots");

  @LocalServerPort int port;
  @Autowired TestRestTemplate anonymous;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  ChromeDriver browser;

  @BeforeEach
  void managerAndBrowser() throws Exception {
    if (identity.createUserQuery().userId(MANAGER).count() == 0) {
      User user = identity.newUser(MANAGER);
      user.setFirstName("全国本部");
      user.setLastName("閲覧者");
      user.setPassword(PASSWORD);
      identity.saveUser(user);
      identity.createMembership(MANAGER, Groups.NATIONAL_MANAGER);
    }
    // a few inquiries of 2024 Q2 in two councils, so the quarter column is not all zeros
    for (String council : List.of("01", "13", "13")) {
      jdbc.update("INSERT INTO inquiry (council_code, received_on, asker, channel, outcome, recorded_at) "
          + "VALUES (?, '2024-08-15', 'COMPANY', 'PHONE', 'INFORMATION_ONLY', NOW(3))", council);
    }
    // and one application, so the pipeline has a case to draw and to lead to
    var admin = anonymous.withBasicAuth(WholeAppOnMariaDb.ADMIN, WholeAppOnMariaDb.ADMIN_PASSWORD);
    admin.postForEntity("/api/agencies", Map.of("agencyCode", "108413660001", "name", "ブラウザ試験事務所", "kind", "CPA",
        "certifiedFrom", "2024-04-01", "certifiedTo", "2029-03-31"), Map.class);
    Map<String, Object> application = jp.keieikaizen.EarlyPlanLifecycleIT.application();
    application.put("agencyCode", "108413660001");
    assertThat(admin.postForEntity("/api/early-plan/applications", application, Map.class).getStatusCode().value())
        .isEqualTo(201);
    Files.createDirectories(SHOTS);
    browser = Chromium.start();
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void theManagerReadsTheSameFiguresOnThePageAsInTheJsonAndSeesTheDashboardCharts() throws Exception {
    browser.get(url("/app/statistics"));
    assertThat(browser.getCurrentUrl()).endsWith("/login");
    browser.findElement(By.id("username")).sendKeys(MANAGER);
    browser.findElement(By.id("password")).sendKeys(PASSWORD);
    browser.findElement(By.id("login-submit")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/app/"));

    browser.get(url("/app/statistics"));
    WebElement asOf = browser.findElement(By.id("asOf"));
    browser.executeScript("arguments[0].value = '2024-09-30'", asOf);
    browser.findElement(By.id("show")).click(); // the quarter list follows the as-of date
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(asOf));
    WebElement quarter = browser.findElement(By.id("quarter"));
    new Select(quarter).selectByValue("2024Q2");
    browser.findElement(By.id("show")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(quarter));
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(d -> d.findElement(By.id("asof-label")).getText().contains("令和6年9月末までの実績"));
    Files.write(SHOTS.resolve("statistics.png"), browser.getScreenshotAs(OutputType.BYTES));

    Map<String, List<Long>> page = new LinkedHashMap<>();
    for (WebElement row : browser.findElements(By.cssSelector("#statistics-table tr[data-council]"))) {
      page.put(row.getAttribute("data-council"), row.findElements(By.cssSelector("td[data-figure]")).stream()
          .map(td -> Long.parseLong(td.getText().replace(",", ""))).toList());
    }
    Map<String, Object> json = anonymous.withBasicAuth(MANAGER, PASSWORD).exchange(
        "/api/statistics?asOf=2024-09-30&quarter=2024Q2", HttpMethod.GET, null,
        new ParameterizedTypeReference<Map<String, Object>>() { }).getBody();
    Map<String, List<Long>> api = new LinkedHashMap<>();
    for (Object r : (List<?>) json.get("rows")) {
      api.put((String) ((Map<?, ?>) r).get("councilCode"), figures((Map<?, ?>) r));
    }
    api.put("total", figures((Map<?, ?>) json.get("total")));
    assertThat(page).hasSize(48).isEqualTo(api);
    assertThat(page.get("13").get(1)).as("東京's inquiries in R6 第2四半期").isGreaterThanOrEqualTo(2);
    assertThat(browser.findElement(By.cssSelector("#statistics-table thead")).getText()).contains("うちR6 第2四半期");

    browser.get(url("/app/dashboard"));
    new WebDriverWait(browser, Duration.ofSeconds(15))
        .until(d -> "3".equals(d.findElement(By.tagName("body")).getAttribute("data-charts-ready")));
    WebElement chart = browser.findElement(By.id("pipeline-chart"));
    assertThat(chart.getSize().getHeight()).isGreaterThan(100);
    Object drawnBars = browser.executeScript(
        "return window.dashboardCharts[0].data.datasets.reduce((n, d) => n + d.data.filter(v => v > 0).length, 0)");
    Files.write(SHOTS.resolve("dashboard.png"), browser.getScreenshotAs(OutputType.BYTES));
    assertThat(((Number) drawnBars).longValue()).as("bars drawn").isPositive();
    {
      // a figure of the table leads to the cases it counts
      WebElement stateTotal = browser.findElement(By.cssSelector("#pipeline tfoot a[data-state='APPLIED']"));
      long shown = Long.parseLong(stateTotal.getText());
      stateTotal.click();
      new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/app/cases"));
      assertThat(browser.findElement(By.id("case-count")).getText()).isEqualTo(shown + " 件");
      Files.write(SHOTS.resolve("cases.png"), browser.getScreenshotAs(OutputType.BYTES));
    }
  }

  @Test
  void aCoordinatorRecordsAnInquiryOnTheInquiryPageAndAMarkupNameIsRefused() throws Exception {
    if (identity.createUserQuery().userId("browser-coord-40").count() == 0) {
      User user = identity.newUser("browser-coord-40");
      user.setFirstName("福岡");
      user.setLastName("受付");
      user.setPassword("Inquiry-Desk-2026");
      identity.saveUser(user);
      identity.createMembership("browser-coord-40", Groups.coordinator("40"));
    }
    browser.get(url("/login"));
    browser.findElement(By.id("username")).sendKeys("browser-coord-40");
    browser.findElement(By.id("password")).sendKeys("Inquiry-Desk-2026");
    browser.findElement(By.id("login-submit")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/app/"));

    browser.get(url("/app/inquiries"));
    assertThat(browser.findElement(By.id("councilCode")).getAttribute("value")).isEqualTo("40");
    browser.findElement(By.id("companyName")).sendKeys("<script>alert(1)</script>");
    WebElement record = browser.findElement(By.id("record"));
    record.click();
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(record));
    assertThat(browser.findElement(By.id("problems")).getText()).startsWith("事業者名：").doesNotContain("companyName");
    assertThat(browser.findElements(By.id("saved"))).isEmpty();

    WebElement name = browser.findElement(By.id("companyName"));
    name.clear();
    name.sendKeys("A&B商事株式会社");
    new Select(browser.findElement(By.id("asker"))).selectByValue("LENDER");
    record = browser.findElement(By.id("record"));
    record.click();
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(record));
    assertThat(browser.findElement(By.id("saved")).getText()).startsWith("記録しました");
    assertThat(browser.findElement(By.id("inquiry-list")).getText()).contains("A&B商事株式会社", "金融機関");
    Files.write(SHOTS.resolve("inquiries.png"), browser.getScreenshotAs(OutputType.BYTES));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inquiry WHERE company_name = 'A&B商事株式会社' AND council_code = '40'",
        Long.class)).isEqualTo(1);
  }

  private static List<Long> figures(Map<?, ?> row) {
    return List.of(((Number) row.get("inquiriesTotal")).longValue(), ((Number) row.get("inquiriesQuarter")).longValue(),
        ((Number) row.get("decisionsTotal")).longValue(), ((Number) row.get("decisionsQuarter")).longValue());
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
