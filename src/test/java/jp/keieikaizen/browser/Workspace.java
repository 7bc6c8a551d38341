package jp.keieikaizen.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import jp.keieikaizen.system.TestDocuments;

/**
 * The workspace as a user drives it in Chromium: log in on the login page, find a task in the inbox, claim it, fill
 * its form-js form (text, numbers, dates typed as shown, radios, checkboxes), file what its checklist lacks from the
 * same page, and complete it; the steps every journey shares (a claim checked and paid, a waiting timer moved to now).
 * Every wait is on a condition with a timeout sized for a busy two-core machine; a wait
 * that times out fails with a screenshot under target/screenshots and the text the page held.
 */
final class Workspace {

  static final Path SHOTS = Path.of("target/screenshots");
  static final Duration PAGE = Duration.ofSeconds(30);
  /** Today in Japan, as the forms take dates. */
  static final String TODAY = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")).toString();

  private final ChromeDriver browser;
  private final int port;
  private final String prefix;
  private int files;

  Workspace(ChromeDriver browser, int port, String prefix) throws Exception {
    this.browser = browser;
    this.port = port;
    this.prefix = prefix;
    // every wait here is an explicit one on a condition; an implicit wait would make each "is it absent?" look wait
    browser.manage().timeouts().implicitlyWait(Duration.ZERO);
    Files.createDirectories(SHOTS);
  }

  ChromeDriver browser() {
    return browser;
  }

  /** Ends any session, opens the page and logs in on the login page it leads to; waits until it is back on the page. */
  void logIn(String user, String password, String page) throws Exception {
    browser.manage().deleteAllCookies();
    browser.get(url(page));
    shown(By.id("username"), "login").sendKeys(user);
    browser.findElement(By.id("password")).sendKeys(password);
    browser.findElement(By.id("login-submit")).click();
    until("the login of " + user + " to reach " + page, () -> browser.getCurrentUrl().contains(page)
        && browser.findElements(By.id("username")).isEmpty());
  }

  /** Finds the case's task in the inbox by its name, opens it and claims it when it is nobody's yet. */
  void openTask(String caseNumber, String taskName) throws Exception {
    WebElement link = until("the inbox to list " + taskName + " of " + caseNumber, () -> {
      browser.get(url("/app/inbox?q=" + caseNumber)); // a step the engine runs on its own may still be under way
      return browser.findElements(By.cssSelector("#inbox a.task-link")).stream()
          .filter(a -> a.getText().startsWith(taskName + "｜")).findFirst().orElse(null);
    });
    link.click();
    shown(By.id("case-summary"), "task-page");
    if (!browser.findElements(By.id("claim")).isEmpty()) {
      submit(browser.findElement(By.id("claim")), "the claimed task page");
    }
    formReady();
  }

  /** Waits until form-js has rendered the task's form (its completion button is enabled then). */
  void formReady() throws Exception {
    WebElement complete = shown(By.id("complete"), "form");
    until("the form to be rendered", complete::isEnabled);
  }

  /** The facts the step shows above its form. */
  String facts() throws Exception {
    return shown(By.id("step-facts"), "facts").getText();
  }

  /**
   * Files everything the task's checklist (or the page's application set) still lacks, a line at a time, as many files
   * as the line needs in one upload, with an issue date of today where the line asks for one.
   */
  void fileEveryLine() throws Exception {
    for (int round = 0; round < 20; round++) {
      List<WebElement> missing = browser.findElements(By.cssSelector("#checklist tbody tr[data-satisfied='false']"));
      if (missing.isEmpty()) {
        return;
      }
      WebElement line = missing.get(0);
      String[] counts = line.findElement(By.cssSelector("td.num")).getText().split("/");
      int needed = Math.max(1, Integer.parseInt(counts[1].strip()) - Integer.parseInt(counts[0].strip()));
      List<String> paths = new ArrayList<>();
      for (int i = 0; i < needed; i++) {
        paths.add(Files.write(SHOTS.resolve(prefix + "-file-" + (++files) + ".pdf"), TestDocuments.PDF).toAbsolutePath()
            .toString());
      }
      for (WebElement date : line.findElements(By.cssSelector("input[name='issuedOn']"))) {
        browser.executeScript("arguments[0].value = arguments[1];", date, TODAY);
      }
      line.findElement(By.cssSelector("input[type='file']")).sendKeys(String.join("\n", paths));
      submit(line.findElement(By.cssSelector("button[type='submit']")), "the page after the upload");
      until("the upload to be saved", () -> !browser.findElements(By.id("saved")).isEmpty()
          || !browser.findElements(By.id("problems")).isEmpty());
      if (!browser.findElements(By.id("problems")).isEmpty()) {
        shot("upload-refused");
        throw new AssertionError("upload refused: " + browser.findElement(By.id("problems")).getText());
      }
    }
    throw new AssertionError("the checklist was still not complete after 20 uploads");
  }

  void type(String fieldId, String text) throws Exception {
    WebElement field = field(fieldId);
    field.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
  }

  /**
   * A form-js date field, typed as the field shows dates: form-js formats them in the browser's locale and says how in
   * its placeholder (yyyy/mm/dd in Japanese, mm/dd/yyyy in English).
   */
  void date(String fieldId, String isoDate) throws Exception {
    WebElement field = field(fieldId + "-date");
    String[] ymd = isoDate.split("-");
    String shape = String.valueOf(field.getAttribute("placeholder")).toLowerCase();
    String typed = shape.startsWith("y") ? ymd[0] + "/" + ymd[1] + "/" + ymd[2]
        : shape.startsWith("d") ? ymd[2] + "/" + ymd[1] + "/" + ymd[0] : ymd[1] + "/" + ymd[2] + "/" + ymd[0];
    field.click();
    field.sendKeys(Keys.chord(Keys.CONTROL, "a"), typed, Keys.TAB);
  }

  /** Chooses a radio option and waits until form-js shows it chosen (a click while a date picker closes can be lost). */
  void radio(String fieldId, int index) throws Exception {
    until(fieldId + " option " + index + " to be chosen", () -> {
      try {
        WebElement radio = field(fieldId + "-" + index);
        if (!radio.isSelected()) {
          radio.click();
        }
        return radio.isSelected();
      } catch (Exception e) {
        return false;
      }
    });
  }

  void check(String fieldId) throws Exception {
    WebElement box = field(fieldId);
    if (!box.isSelected()) {
      box.click();
    }
  }

  /** A form-js select: open its list (typing to narrow it where it is searchable) and pick the option. */
  void choose(String fieldId, String typed, String label) throws Exception {
    if (typed == null) {
      field(fieldId + "-display").click();
    } else {
      field(fieldId).sendKeys(typed);
    }
    until("the option " + label, () -> browser.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
        .filter(e -> e.getText().equals(label)).findFirst().orElse(null)).click();
  }

  String value(String fieldId) throws Exception {
    return field(fieldId).getAttribute("value");
  }

  /** Completes the task and waits until the page has left it (the inbox, or the user's next task of the case). */
  void complete(String shotName) throws Exception {
    String page = browser.getCurrentUrl();
    shot(shotName);
    browser.findElement(By.id("complete")).click();
    until("the completion to leave the task page", () -> !browser.getCurrentUrl().equals(page)
        || !browser.findElement(By.id("form-problems")).getText().isBlank());
    if (browser.getCurrentUrl().equals(page)) {
      shot(shotName + "-refused");
      throw new AssertionError("the completion was refused: " + browser.findElement(By.id("form-problems")).getText()
          + " " + browser.findElements(By.cssSelector(".fjs-form-field-error")).stream().map(WebElement::getText).toList());
    }
    assertThat(shown(By.id("completed"), "completed").getText()).contains("のタスクを完了しました。");
  }

  WebElement field(String fieldId) throws Exception {
    WebElement field = shown(By.cssSelector("#task-form [id$='-" + fieldId + "']"), "field-" + fieldId);
    browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", field);
    return field;
  }

  /**
   * The coordinator's two steps of a claim: checks the claim's documents (the ones the form asks about for its
   * category), approves, and records the payment the next task asks for; the payment's facts must contain
   * {@code payment}.
   */
  void payClaim(String caseNumber, List<String> documents, String shot, String... payment) throws Exception {
    openTask(caseNumber, "支払申請を確認する");
    for (String doc : documents) {
      check(doc);
    }
    radio("Field_claimDecision", 0);
    complete(shot + "-claim-approved");
    openTask(caseNumber, "支払を記録する");
    assertThat(facts()).contains("支払う額").contains(payment);
    date("Field_paidOn", TODAY);
    type("Field_paymentReference", "振込-" + shot);
    complete(shot + "-paid");
  }

  /** The agency's monitoring report on the round's task: filed with its documents, every content covered, 決算書 attached. */
  void submitReport(String caseNumber, String shot) throws Exception {
    openTask(caseNumber, "伴走支援レポートを提出する");
    fileEveryLine();
    formReady();
    date("Field_reportSubmittedOn", TODAY);
    date("Field_lenderMeetingOn", TODAY);
    for (String covered : List.of("Field_coversResults", "Field_coversActionProgress", "Field_coversGapAnalysis",
        "Field_coversLenderRequests")) {
      check(covered);
    }
    radio("Field_financials", 1);
    complete(shot);
  }

  /**
   * The claim form of the open task, filed with its documents: the invoice of today, and the company's transfer of
   * today when {@code transfer} is given (a claim whose share was not recorded before).
   */
  void fileClaim(String shot, String gross, String tax, String transfer) throws Exception {
    fileEveryLine();
    formReady();
    date("Field_invoiceDate", TODAY);
    type("Field_invoiceGross", gross);
    type("Field_invoiceTax", tax);
    if (transfer != null) {
      date("Field_transferDate", TODAY);
      type("Field_transferAmount", transfer);
    }
    complete(shot);
  }

  /** Time passes: the case's waiting timer (of the process or its sub-process) is due now, and the job executor fires it. */
  void fireTimer(org.camunda.bpm.engine.RuntimeService runtime, org.camunda.bpm.engine.ManagementService management,
      String caseNumber, String processKey, String activityId) throws Exception {
    String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
        .processDefinitionKey(processKey).singleResult().getId();
    org.camunda.bpm.engine.runtime.Job timer = until("the timer " + activityId, () -> management.createJobQuery()
        .timers().processInstanceId(instance).activityId(activityId).singleResult());
    management.setJobDuedate(timer.getId(), new java.util.Date());
  }

  String url(String path) {
    return "http://localhost:" + port + path;
  }

  /**
   * Clicks a button that posts a form and waits until the browser shows the page it leads to: until then the old page
   * (with its rows, and a 登録しました of the upload before) is still there to be read. The old page is marked on its
   * window, which a new page does not inherit; while the browser is between the two, a look fails and is tried again.
   */
  void submit(WebElement button, String next) throws Exception {
    browser.executeScript("window.keieiOldPage = true;");
    button.click();
    until(next, () -> {
      try {
        return Boolean.TRUE.equals(browser.executeScript(
            "return window.keieiOldPage === undefined && document.readyState !== 'loading';"));
      } catch (org.openqa.selenium.WebDriverException betweenPages) {
        return false;
      }
    });
  }

  WebElement shown(By element, String what) throws Exception {
    return until(element + " (" + what + ")", () -> browser.findElement(element));
  }

  /** Waits for the condition; a timeout fails with a screenshot and what the page showed, so a red run says why. */
  <T> T until(String what, java.util.function.Supplier<T> condition) throws Exception {
    WebDriverWait wait = new WebDriverWait(browser, PAGE, Duration.ofMillis(100));
    wait.ignoring(org.openqa.selenium.NoSuchElementException.class)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    try {
      return wait.until(d -> {
        T value = condition.get();
        return value instanceof Boolean b && !b ? null : value;
      });
    } catch (org.openqa.selenium.TimeoutException e) {
      String name = "timeout-" + System.currentTimeMillis();
      shot(name);
      throw new AssertionError("waited in vain for " + what + " at " + browser.getCurrentUrl() + " (screenshot "
          + prefix + "-" + name + ".png); the page held:\n" + browser.findElement(By.tagName("body")).getText(), e);
    }
  }

  void shot(String name) throws Exception {
    Files.write(SHOTS.resolve(prefix + "-" + name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
  }
}
