package jp.keieikaizen.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.keieikaizen.bench.LifecycleData;
import jp.keieikaizen.casefile.Programme;

/**
 * Two application JVMs against one MariaDB (SPRING_DATASOURCE_URL when given, else a database of this run's embedded
 * server). 1,000 cases of both programmes are driven through the API, as a load balancer would spread them, with their
 * asynchronous continuations (eligibility check, subsidy computation) and timers (the first monitoring round) run by
 * the two job executors. Midway, while node B holds job locks, node B is killed with SIGKILL. Afterwards every case
 * must stand where it should (its first monitoring report open, its plan claim paid), the ledger must hold exactly one
 * decision and one payment per paid claim, no job may have succeeded twice, no incident may be left, and node A must
 * have run the jobs node B had locked once their locks expired.
 */
class ClusterIT {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterIT.class);
  static final int CASES = Integer.getInteger("cluster.cases", 1_000);
  static final int WORKERS = 8;
  static final int LOCK_MILLIS = 10_000;
  static final String ADMIN = "cluster-admin", PASSWORD = "Two-Nodes-2026", AGENCY = "108413440001";
  static final ObjectMapper JSON = new ObjectMapper();

  static String jdbcUrl;
  static String dbUser;
  static String dbPassword;
  static Node nodeA;
  static Node nodeB;

  /** An application JVM. */
  record Node(String id, int port, Process process, Path log) {
    URI uri(String path) {
      return URI.create("http://127.0.0.1:" + port + path);
    }
  }

  @BeforeAll
  static void databaseAndTwoNodes() throws Exception {
    String configured = System.getenv("SPRING_DATASOURCE_URL");
    String serverUrl;
    if (configured != null && !configured.isBlank()) {
      dbUser = System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "root");
      dbPassword = System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", "");
      serverUrl = configured;
    } else {
      serverUrl = EmbeddedMariaDb.start(new File(TestDatabase.DATA_DIR), false).jdbcUrl("keiei_cluster");
      dbUser = "root";
      dbPassword = "";
    }
    // a database of its own on that server, from nothing: <database>_cluster beside the configured one
    java.util.regex.Matcher url = java.util.regex.Pattern.compile("(jdbc:mariadb://[^/]+/)([^?]*)(\\?.*)?").matcher(serverUrl);
    if (!url.matches()) {
      throw new IllegalStateException("not a MariaDB JDBC URL: " + serverUrl);
    }
    String database = (url.group(2).isEmpty() ? "keiei" : url.group(2).replace("_cluster", "")) + "_cluster";
    String options = url.group(3) == null ? "" : url.group(3);
    try (Connection c = DriverManager.getConnection(url.group(1) + options, dbUser, dbPassword);
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS `" + database + "`");
      s.execute("CREATE DATABASE `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    }
    jdbcUrl = url.group(1) + database + options;
    Files.createDirectories(Path.of("target/cluster"));
    nodeA = start("node-a");
    awaitHealthy(nodeA); // one node at a time creates the schema and deploys the models
    // node B acquires many jobs at once and works them one by one, so it holds locks most of the time
    nodeB = start("node-b", "--camunda.bpm.job-execution.max-jobs-per-acquisition=20",
        "--camunda.bpm.job-execution.core-pool-size=1", "--camunda.bpm.job-execution.max-pool-size=1",
        "--camunda.bpm.job-execution.queue-capacity=40");
    awaitHealthy(nodeB);
  }

  @AfterAll
  static void stopNodes() {
    for (Node node : new Node[] {nodeA, nodeB}) {
      if (node != null && node.process().isAlive()) {
        node.process().destroy();
        try {
          node.process().waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        node.process().destroyForcibly();
      }
    }
  }

  @Test
  void casesRunOnTwoNodesAndOneNodesDeathLosesNothingAndRepeatsNothing() throws Exception {
    Driver driver = new Driver();
    driver.registerAgency();
    ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
    List<Future<String>> results = new ArrayList<>();
    long started = System.nanoTime();
    for (int i = 0; i < CASES; i++) {
      boolean early = i % 2 == 0;
      results.add(workers.submit(() -> driver.runCase(early)));
    }
    Map<String, Object> kill = killNodeBMidway(driver);
    List<String> caseNumbers = new ArrayList<>();
    for (Future<String> result : results) {
      caseNumbers.add(result.get(20, TimeUnit.MINUTES));
    }
    workers.shutdown();
    double seconds = (System.nanoTime() - started) / 1e9;

    @SuppressWarnings("unchecked")
    List<String> orphans = (List<String>) kill.get("orphans");
    Timestamp lockExpiry = (Timestamp) kill.get("lockExpiry");
    // node A takes the dead node's locked jobs once their locks expire
    long deadline = System.currentTimeMillis() + LOCK_MILLIS * 3L + 30_000;
    while (count("SELECT COUNT(*) FROM ACT_RU_JOB WHERE ID_ IN (" + in(orphans) + ")") > 0
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(500);
    }

    long paidClaims = count("SELECT COUNT(*) FROM payment_claim WHERE status = 'PAID'");
    long payments = count("SELECT COUNT(*) FROM payment_ledger WHERE entry_type = 'PAYMENT'");
    long decisions = count("SELECT COUNT(*) FROM payment_ledger WHERE entry_type = 'DECISION'");
    long doubleEntries = count("SELECT COUNT(*) FROM (SELECT claim_id, entry_type FROM payment_ledger "
        + "GROUP BY claim_id, entry_type HAVING COUNT(*) > 1) d");
    // the cases' jobs only: the engine's history cleanup job lives on and succeeds once per run, and it runs whenever
    // the test falls in its nightly window (history-cleanup-batch-window-*, in the JVM's time zone)
    long jobsSucceededTwice = count("SELECT COUNT(*) FROM (SELECT JOB_ID_ FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2 "
        + "AND PROCESS_INSTANCE_ID_ IS NOT NULL GROUP BY JOB_ID_ HAVING COUNT(*) > 1) j");
    long incidents = count("SELECT COUNT(*) FROM ACT_RU_INCIDENT");
    long atFirstReport = count("SELECT COUNT(DISTINCT PROC_INST_ID_) FROM ACT_RU_TASK "
        + "WHERE TASK_DEF_KEY_ = 'submitMonitoringReport'");
    long orphansLeft = count("SELECT COUNT(*) FROM ACT_RU_JOB WHERE ID_ IN (" + in(orphans) + ")");
    long orphansRunAfterExpiry = count("SELECT COUNT(DISTINCT JOB_ID_) FROM ACT_HI_JOB_LOG WHERE JOB_STATE_ = 2 AND JOB_ID_ IN ("
        + in(orphans) + ") AND TIMESTAMP_ >= '" + lockExpiry + "'");
    long jobsLeftDue = count("SELECT COUNT(*) FROM ACT_RU_JOB WHERE PROCESS_INSTANCE_ID_ IS NOT NULL "
        + "AND (DUEDATE_ IS NULL OR DUEDATE_ <= NOW())");

    LOG.warn("""

        cluster test: {} cases on two nodes in {} s ({} requests, {} retried on the other node)
          node B killed with SIGKILL after {} cases, holding {} job locks (expiring {})
          cases at their first monitoring report: {} of {}
          paid claims {}, ledger payments {}, ledger decisions {}, duplicate ledger entries {}
          jobs that succeeded twice {}, incidents {}, due jobs left {}
          node B's locked jobs run by node A after their locks expired: {} of {} (left {})""",
        CASES, String.format("%.0f", seconds), driver.requests.get(), driver.retries.get(), kill.get("afterCases"),
        orphans.size(), lockExpiry, atFirstReport, CASES, paidClaims, payments, decisions, doubleEntries,
        jobsSucceededTwice, incidents, jobsLeftDue, orphansRunAfterExpiry, orphans.size(), orphansLeft);

    assertThat(caseNumbers).doesNotContainNull().doesNotHaveDuplicates().hasSize(CASES);
    assertThat(atFirstReport).isEqualTo(CASES);
    assertThat(paidClaims).isEqualTo(CASES);
    assertThat(payments).isEqualTo(paidClaims);
    assertThat(decisions).isEqualTo(paidClaims);
    assertThat(doubleEntries).isZero();
    assertThat(jobsSucceededTwice).isZero();
    assertThat(incidents).isZero();
    assertThat(orphans).as("node B held job locks when it was killed").isNotEmpty();
    assertThat(orphansLeft).isZero();
    assertThat(orphansRunAfterExpiry).isEqualTo(orphans.size());
    assertThat(nodeB.process().isAlive()).isFalse();
  }

  /** Sends the node's process a signal (STOP, CONT) and waits until it is sent. */
  private static void signal(Node node, String signal) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(node.process().pid())).inheritIO().start();
    if (!kill.waitFor(30, TimeUnit.SECONDS) || kill.exitValue() != 0) {
      throw new IllegalStateException("kill -" + signal + " " + node.process().pid() + " failed");
    }
  }

  /** When a third of the cases are done and node B holds job locks, SIGKILL it; returns what it held. */
  private Map<String, Object> killNodeBMidway(Driver driver) throws Exception {
    while (driver.finished.get() < CASES / 3) {
      Thread.sleep(200);
    }
    List<String> locked = List.of();
    Timestamp expiry = null;
    long burstAt = System.currentTimeMillis() + 20_000;
    while (driver.finished.get() < CASES) {
      if (System.currentTimeMillis() > burstAt) {
        // not caught yet: let time pass for the cases waiting on their first monitoring round at once (where those
        // cases are headed anyway), so both nodes acquire a burst of jobs
        burstAt = Long.MAX_VALUE;
        execute("UPDATE ACT_RU_JOB j JOIN ACT_RU_JOBDEF d ON d.ID_ = j.JOB_DEF_ID_ SET j.DUEDATE_ = NOW() "
            + "WHERE d.ACT_ID_ IN ('waitForInterimMonitoring', 'waitForRound') AND j.LOCK_OWNER_ IS NULL");
      }
      if (!strings("SELECT ID_ FROM ACT_RU_JOB WHERE LOCK_OWNER_ = 'node-b' AND LOCK_EXP_TIME_ > NOW()").isEmpty()) {
        // frozen first (SIGSTOP), so the locks read next are still held when it dies: a node that ran its few
        // locked jobs between the look and the kill left no orphan (seen once on a clean-clone run)
        signal(nodeB, "STOP");
        locked = strings("SELECT ID_ FROM ACT_RU_JOB WHERE LOCK_OWNER_ = 'node-b' AND LOCK_EXP_TIME_ > NOW()");
        if (!locked.isEmpty()) {
          nodeB.process().destroyForcibly(); // SIGKILL
          nodeB.process().waitFor(30, TimeUnit.SECONDS);
          expiry = timestamp("SELECT MAX(LOCK_EXP_TIME_) FROM ACT_RU_JOB WHERE ID_ IN (" + in(locked) + ")");
          break;
        }
        signal(nodeB, "CONT");
      }
      Thread.sleep(20);
    }
    // only the jobs still locked by the dead node are its orphans (any it had finished before dying are gone)
    List<String> orphans = locked.isEmpty() ? List.of()
        : strings("SELECT ID_ FROM ACT_RU_JOB WHERE LOCK_OWNER_ = 'node-b' AND ID_ IN (" + in(locked) + ")");
    driver.dead.add("node-b");
    Map<String, Object> kill = new HashMap<>();
    kill.put("afterCases", driver.finished.get());
    kill.put("orphans", orphans);
    kill.put("lockExpiry", expiry == null ? new Timestamp(0) : expiry);
    return kill;
  }

  // --- the nodes

  private static Node start(String id, String... settings) throws IOException {
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    // the application's classpath: the test run's without the test classes (they hold the models a second time)
    String classpath = String.join(File.pathSeparator, java.util.Arrays.stream(System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path")).split(File.pathSeparator)).filter(e -> !e.endsWith("test-classes")
        && !e.endsWith("test-classes/")).toList());
    Path log = Path.of("target/cluster/" + id + ".log");
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-XX:+UseSerialGC", "-cp", classpath, "jp.keieikaizen.Application",
        "--server.port=" + port, "--keiei.cluster.node-id=" + id,
        "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_MILLIS,
        "--camunda.bpm.job-execution.wait-time-in-millis=200", "--camunda.bpm.job-execution.max-wait=1000",
        "--keiei.security.initial-admin.id=" + ADMIN, "--keiei.security.initial-admin.password=" + PASSWORD,
        // this test is about jobs, locks and a node's death; uploading some 17 files per case for 1,000 cases would
        // double its time, so its nodes do not require documents (EarlyPlanLifecycleIT and the browser test prove that)
        "--keiei.documents.enforce=false",
        "--logging.level.root=WARN", "--logging.level.org.camunda.bpm.engine.context=OFF")
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.command().addAll(List.of(settings));
    builder.environment().put("SPRING_DATASOURCE_URL", jdbcUrl);
    builder.environment().put("SPRING_DATASOURCE_USERNAME", dbUser);
    builder.environment().put("SPRING_DATASOURCE_PASSWORD", dbPassword);
    return new Node(id, port, builder.start(), log);
  }

  private static void awaitHealthy(Node node) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.currentTimeMillis() + 180_000;
    while (System.currentTimeMillis() < deadline) {
      if (!node.process().isAlive()) {
        throw new IllegalStateException(node.id() + " died at start; see " + node.log());
      }
      try {
        if (http.send(HttpRequest.newBuilder(node.uri("/actuator/health")).build(),
            HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException(node.id() + " did not start in time; see " + node.log());
  }

  // --- the driver: what a load balancer and its users do

  static final class Driver {

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final String auth = "Basic " + Base64.getEncoder().encodeToString((ADMIN + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    final AtomicInteger next = new AtomicInteger();
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger retries = new AtomicInteger();
    final AtomicInteger finished = new AtomicInteger();
    final ConcurrentLinkedQueue<String> dead = new ConcurrentLinkedQueue<>();

    void registerAgency() throws Exception {
      call("POST", "/api/agencies", Map.of("agencyCode", AGENCY, "name", "クラスタ試験税理士法人", "kind",
          "TAX_ACCOUNTANT", "certifiedFrom", "2024-04-01", "certifiedTo", "2029-03-31"));
    }

    /** Drives one case to its first monitoring report; returns its number. */
    String runCase(boolean early) throws Exception {
      Map<String, Object> application = LifecycleData.application(early ? Programme.EARLY_PLAN : Programme.PLAN_405,
          AGENCY);
      Response started = call("POST", early ? "/api/early-plan/applications" : "/api/405/applications", application);
      if (started.status() != 201) {
        throw new IllegalStateException("application refused: " + started.body());
      }
      String number = (String) JSON.readValue(started.body(), Map.class).get("caseNumber");
      boolean timerMoved = false;
      long deadline = System.currentTimeMillis() + 600_000;
      while (System.currentTimeMillis() < deadline) {
        List<Map<String, Object>> open = JSON.readValue(call("GET", "/api/cases/" + number + "/tasks", null).body(),
            new TypeReference<List<Map<String, Object>>>() { });
        if (open.stream().anyMatch(t -> "submitMonitoringReport".equals(t.get("key")))) {
          finished.incrementAndGet();
          return number;
        }
        if (open.isEmpty()) {
          if (!timerMoved && paid(number)) {
            timerMoved = moveFirstMonitoringTimer(number, early);
          }
          Thread.sleep(150);
          continue;
        }
        for (Map<String, Object> task : open) {
          Response done = call("POST", "/api/tasks/" + task.get("id") + "/complete", LifecycleData.taskValues(
              (String) task.get("key"), early, "PLAN", (String) task.get("id")));
          if (done.status() != 204 && done.status() != 404) {
            throw new IllegalStateException(number + " " + task.get("key") + ": " + done.status() + " " + done.body());
          }
        }
      }
      throw new IllegalStateException(number + " did not reach its first monitoring report in time");
    }

    private boolean paid(String number) throws Exception {
      return call("GET", "/api/cases/" + number + "/ledger", null).body().contains("\"PAYMENT\"");
    }

    /** Brings the first monitoring round's timer to now, as time passing would. */
    private boolean moveFirstMonitoringTimer(String number, boolean early) throws Exception {
      List<Map<String, Object>> instances = JSON.readValue(call("GET", "/engine-rest/process-instance?businessKey="
          + number + "&processDefinitionKey=" + (early ? "earlyPlan" : "plan405"), null).body(),
          new TypeReference<List<Map<String, Object>>>() { });
      if (instances.isEmpty()) {
        return false;
      }
      List<Map<String, Object>> timers = JSON.readValue(call("GET", "/engine-rest/job?timers=true&processInstanceId="
          + instances.get(0).get("id") + "&activityId=" + (early ? "waitForInterimMonitoring" : "waitForRound")
          + "&sortBy=jobDueDate&sortOrder=asc", null).body(), new TypeReference<List<Map<String, Object>>>() { });
      if (timers.isEmpty()) {
        return false;
      }
      Response moved = call("PUT", "/engine-rest/job/" + timers.get(0).get("id") + "/duedate",
          Map.of("duedate", "2020-01-01T00:00:00.000+0000"));
      return moved.status() == 204;
    }

    record Response(int status, String body) {
    }

    /** One request to a live node, round robin; a node that does not answer is skipped and the request retried. */
    Response call(String method, String path, Object body) throws Exception {
      for (int attempt = 0; attempt < 20; attempt++) {
        Node node = pick();
        HttpRequest.Builder request = HttpRequest.newBuilder(node.uri(path)).timeout(Duration.ofSeconds(60))
            .header("Authorization", auth).header("Accept", "application/json");
        if (body != null) {
          request.header("Content-Type", "application/json")
              .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
          request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        requests.incrementAndGet();
        try {
          HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
          if (response.statusCode() >= 500 && !node.process().isAlive()) {
            throw new IOException("node died");
          }
          return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
          if (!node.process().isAlive()) {
            dead.add(node.id());
          }
          retries.incrementAndGet();
          Thread.sleep(100);
        }
      }
      throw new IllegalStateException(method + " " + path + " failed on every node");
    }

    private Node pick() {
      boolean useB = next.getAndIncrement() % 2 == 1 && !dead.contains("node-b") && nodeB.process().isAlive();
      return useB ? nodeB : nodeA;
    }
  }

  // --- the database

  private static Connection connect() throws Exception {
    return DriverManager.getConnection(jdbcUrl, dbUser, dbPassword);
  }

  private static long count(String sql) throws Exception {
    try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void execute(String sql) throws Exception {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.executeUpdate(sql);
    }
  }

  private static Timestamp timestamp(String sql) throws Exception {
    try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getTimestamp(1);
    }
  }

  private static List<String> strings(String sql) throws Exception {
    List<String> values = new ArrayList<>();
    try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }

  private static String in(List<String> ids) {
    return ids.isEmpty() ? "''" : String.join(",", ids.stream().map(id -> "'" + id.replace("'", "") + "'").toList());
  }
}
