package jp.keieikaizen.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium and chromium-driver for browser tests: installed with apt-get when missing (as CI and a fresh
 * machine need), and a loud failure when that is impossible; never a browser download by a test tool.
 */
final class Chromium {

  static final Path BROWSER = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  private Chromium() {
  }

  static synchronized void ensureInstalled() throws Exception {
    if (Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER)) {
      return;
    }
    run("apt-get", "update", "-qq");
    run("apt-get", "install", "-y", "-qq", "--no-install-recommends", "chromium", "chromium-driver", "fonts-noto-cjk");
    if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
      throw new IllegalStateException("chromium and chromium-driver are needed for the browser tests and could not be"
          + " installed with apt-get: install them (apt-get install chromium chromium-driver) and run the tests again");
    }
  }

  /**
   * A headless Chromium at 1400×1000, in Japanese and Japan's time zone like its users, without the background traffic
   * this closed network refuses.
   */
  static ChromeDriver start() throws Exception {
    ensureInstalled();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--window-size=1400,1000", "--lang=ja-JP",
        "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
    options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "ja-JP,ja"));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort().withEnvironment(java.util.Map.of("TZ", "Asia/Tokyo", "LANG", "ja_JP.UTF-8", "LANGUAGE", "ja")).build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
    return driver;
  }

  private static void run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
    if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IllegalStateException("could not install the browser for the browser tests: '" + String.join(" ", command)
          + "' failed (exit " + (process.isAlive() ? "timeout" : process.exitValue()) + "); install chromium and"
          + " chromium-driver with apt-get and run the tests again");
    }
  }
}
