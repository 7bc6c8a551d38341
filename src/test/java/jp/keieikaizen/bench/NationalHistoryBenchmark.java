package jp.keieikaizen.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import jp.keieikaizen.report.FiscalQuarter;
import jp.keieikaizen.report.HistoricImport;
import jp.keieikaizen.report.StatisticsService;

/**
 * The nation's history at the seed's scale (82,550 inquiries and 26,429 decided cases over 47 councils since 2013):
 * generated from the seed's table, imported through the same service as the API on MariaDB (its own fresh embedded
 * server, or the one at SPRING_DATASOURCE_URL), then the statistics table as of 2024-09-30 for R6 第2四半期, checked
 * against the seed line by line and timed. Prints rows/s for the import and the median milliseconds of the statistics
 * query and of the statistics page. Not part of the normal test run: {@code ./mvnw -Pbench verify}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "keiei.embedded-db.data-dir=target/bench-mariadb", "keiei.embedded-db.fresh=true", "keiei.embedded-db.demo=false",
    "keiei.security.initial-admin.id=bench-admin", "keiei.security.initial-admin.password=Nation-Stats-2026" })
class NationalHistoryBenchmark {

  private static final Logger LOG = LoggerFactory.getLogger(NationalHistoryBenchmark.class);
  static final int REPEATS = 21;

  @Autowired HistoricImport imports;
  @Autowired StatisticsService statistics;
  @org.springframework.boot.test.web.server.LocalServerPort int port;

  @Test
  void importTheNationsHistoryAndRenderTheStatisticsTable() throws Exception {
    List<SeedRegisters.SeedRow> seed = SeedRegisters.read(SeedRegisters.seedFile());
    byte[] inquiries = SeedRegisters.inquiries(seed, 2024).getBytes(StandardCharsets.UTF_8);
    byte[] decisions = SeedRegisters.decisions(seed, 2024).getBytes(StandardCharsets.UTF_8);
    Path out = Files.createDirectories(Path.of("target/bench"));
    Files.write(out.resolve("seed-inquiries.csv"), inquiries);
    Files.write(out.resolve("seed-decisions.csv"), decisions);

    long t0 = System.nanoTime();
    HistoricImport.Result inq = imports.run(HistoricImport.Kind.INQUIRIES, "seed-inquiries.csv", inquiries, false, null,
        "bench");
    long t1 = System.nanoTime();
    HistoricImport.Result dec = imports.run(HistoricImport.Kind.DECISIONS, "seed-decisions.csv", decisions, false, null,
        "bench");
    long t2 = System.nanoTime();
    assertThat(inq.imported()).isEqualTo(82_550);
    assertThat(dec.imported()).isEqualTo(26_429);

    FiscalQuarter quarter = FiscalQuarter.parse(SeedRegisters.QUARTER);
    StatisticsService.Table table = statistics.table(SeedRegisters.AS_OF, quarter, null, null);
    int matching = 0;
    List<String> differing = new ArrayList<>();
    for (int i = 0; i < 47; i++) {
      SeedRegisters.SeedRow s = seed.get(i);
      StatisticsService.Row r = table.rows().stream().filter(row -> row.councilCode().equals(s.councilCode())).findFirst()
          .orElseThrow();
      if (s.inquiries() == r.inquiriesTotal() && s.inquiriesQuarter() == r.inquiriesQuarter()
          && s.decisions() == r.decisionsTotal() && s.decisionsQuarter() == r.decisionsQuarter()) {
        matching++;
      } else {
        differing.add(s.name() + " " + r);
      }
    }
    SeedRegisters.SeedRow total = seed.get(47);
    assertThat(differing).isEmpty();
    assertThat(List.of(table.total().inquiriesTotal(), table.total().inquiriesQuarter(), table.total().decisionsTotal(),
        table.total().decisionsQuarter())).containsExactly(total.inquiries(), total.inquiriesQuarter(), total.decisions(),
            total.decisionsQuarter());

    double[] query = new double[REPEATS];
    for (int i = 0; i < REPEATS; i++) {
      long s = System.nanoTime();
      statistics.table(SeedRegisters.AS_OF, quarter, null, null);
      query[i] = (System.nanoTime() - s) / 1e6;
    }
    java.net.http.HttpClient browser = login();
    double[] page = new double[REPEATS];
    String html = null;
    for (int i = 0; i < REPEATS; i++) {
      long s = System.nanoTime();
      html = browser.send(java.net.http.HttpRequest.newBuilder(uri("/app/statistics?asOf=2024-09-30&quarter=2024Q2"))
          .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
      page[i] = (System.nanoTime() - s) / 1e6;
    }
    assertThat(html).contains("令和6年9月末までの実績", "うちR6 第2四半期", "82,550", "1,933", "26,429", "566");

    double importSeconds = (t2 - t0) / 1e9;
    LOG.warn("""

        national history benchmark (MariaDB, {} cores)
          import inquiries : {} rows in {} s = {} rows/s
          import decisions : {} rows in {} s = {} rows/s
          import overall   : {} rows/s
          statistics table as of {} for {}: {}/47 councils and the total equal the seed (合計 {} / {} / {} / {})
          statistics query : median {} ms (p90 {} ms) over {} calls
          statistics page  : median {} ms (p90 {} ms) over {} calls (HTML, 47 rows)
          registers written to target/bench/seed-inquiries.csv and seed-decisions.csv""",
        Runtime.getRuntime().availableProcessors(), inq.imported(), fmt((t1 - t0) / 1e9),
        Math.round(inq.imported() / ((t1 - t0) / 1e9)), dec.imported(), fmt((t2 - t1) / 1e9),
        Math.round(dec.imported() / ((t2 - t1) / 1e9)), Math.round((inq.imported() + dec.imported()) / importSeconds),
        SeedRegisters.AS_OF, quarter.label(), matching, table.total().inquiriesTotal(), table.total().inquiriesQuarter(),
        table.total().decisionsTotal(), table.total().decisionsQuarter(), fmt(median(query)), fmt(p90(query)), REPEATS,
        fmt(median(page)), fmt(p90(page)), REPEATS);
  }

  /** A browser's session: the login form with its CSRF token, cookies kept, no redirects followed. */
  private java.net.http.HttpClient login() throws Exception {
    java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
        .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
    String form = browser.send(java.net.http.HttpRequest.newBuilder(uri("/login")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    String csrf = form.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
    String body = "username=bench-admin&password=Nation-Stats-2026&_csrf=" + java.net.URLEncoder.encode(csrf, StandardCharsets.UTF_8);
    var done = browser.send(java.net.http.HttpRequest.newBuilder(uri("/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(done.headers().firstValue("Location").orElse("")).endsWith("/app/");
    return browser;
  }

  private java.net.URI uri(String path) {
    return java.net.URI.create("http://localhost:" + port + path);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static double p90(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[(int) Math.ceil(0.9 * sorted.length) - 1];
  }

  private static String fmt(double value) {
    return String.format("%.1f", value);
  }
}
