package jp.keieikaizen.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.keieikaizen.EarlyPlanLifecycleIT;

/**
 * The database stops and starts again with cases in flight and the job executor running (#13): requests during the
 * outage are answered 503 in problem+json and write nothing, the connection pool reconnects by itself, a job that fell
 * due during the outage runs afterwards, and no case is lost or duplicated.
 */
@WholeAppOnMariaDb
class MariaDbRestartIT {

  static final String AGENCY_CODE = "108413990051";

  @Autowired TestRestTemplate anonymous;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired JdbcTemplate jdbc;

  @Test
  void requestsDuringAnOutageFailCleanlyAndEverythingResumesAfterIt() {
    TestRestTemplate admin = anonymous.withBasicAuth(WholeAppOnMariaDb.ADMIN, WholeAppOnMariaDb.ADMIN_PASSWORD);
    TestAgencies.register(admin, AGENCY_CODE, "再起動試験事務所");
    // a case in flight: accepted, its plan task open and its 12-month claim watch (a timer) waiting
    String caseNumber = apply(admin, "株式会社再起動試験");
    String decide = await().atMost(Duration.ofSeconds(30)).until(() -> task(caseNumber, "decideApplication"), t -> t != null);
    TestDocuments.provide(admin, decide);
    assertThat(admin.exchange("/api/tasks/" + decide + "/complete", HttpMethod.POST, new HttpEntity<>(Map.of(
        "decision", "ACCEPT")), String.class).getStatusCode().value()).isEqualTo(204);
    await().atMost(Duration.ofSeconds(30)).until(() -> task(caseNumber, "draftPlan") != null);
    String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).singleResult().getId();
    Job watch = management.createJobQuery().processInstanceId(instance).timers().activityId("planClaimOverdue")
        .singleResult();
    assertThat(watch).as("the plan claim's deadline timer").isNotNull();
    long cases = count("case_file"), instances = runtime.createProcessInstanceQuery().count();

    // the timer falls due while the database is down
    Instant due = Instant.now().plusSeconds(2);
    management.setJobDuedate(watch.getId(), Date.from(due));
    EmbeddedMariaDb db = EmbeddedMariaDb.running();
    db.stop();
    ResponseEntity<String> refused, read;
    try {
      long start = System.nanoTime();
      refused = admin.exchange("/api/early-plan/applications", HttpMethod.POST, new HttpEntity<>(application(
          "株式会社停止中")), String.class);
      read = admin.exchange("/api/cases/" + caseNumber, HttpMethod.GET, null, String.class);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).as("refused quickly, not after a long hang")
          .isLessThan(Duration.ofSeconds(30));
      await().atMost(Duration.ofSeconds(30)).until(() -> Instant.now().isAfter(due.plusSeconds(1)));
    } finally {
      db.restart();
    }
    assertThat(refused.getStatusCode().value()).as("%s", refused.getBody()).isEqualTo(503);
    assertThat(String.valueOf(refused.getHeaders().getContentType())).startsWith("application/problem+json");
    assertThat(refused.getHeaders().getFirst("Retry-After")).isEqualTo("30");
    assertThat(refused.getBody()).contains("ただいま利用できません", "何も変更していません");
    assertThat(read.getStatusCode().value()).isEqualTo(503);

    // the pool reconnects; the timer that fell due runs: the unclaimed plan lapses (失効)
    await().atMost(Duration.ofSeconds(60)).until(() -> admin.exchange("/api/cases/" + caseNumber, HttpMethod.GET, null,
        String.class).getStatusCode().value() == 200);
    await().atMost(Duration.ofSeconds(60)).until(() -> management.createJobQuery().jobId(watch.getId()).count() == 0);
    assertThat(runtime.createIncidentQuery().processInstanceId(instance).count()).isZero();
    assertThat(count("case_file")).as("nothing written during the outage, nothing lost").isEqualTo(cases);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM company WHERE name = '株式会社停止中'", Long.class)).isZero();
    assertThat(runtime.createProcessInstanceQuery().count()).isLessThanOrEqualTo(instances);
    // and work goes on
    String after = apply(admin, "株式会社再開後");
    assertThat(after).isNotEqualTo(caseNumber);
    assertThat(count("case_file")).isEqualTo(cases + 1);
  }

  private String apply(TestRestTemplate http, String company) {
    ResponseEntity<Map<String, Object>> r = http.exchange("/api/early-plan/applications", HttpMethod.POST,
        new HttpEntity<>(application(company)), EarlyPlanLifecycleIT.JSON);
    assertThat(r.getStatusCode().value()).as("%s", r.getBody()).isEqualTo(201);
    return (String) r.getBody().get("caseNumber");
  }

  private static Map<String, Object> application(String company) {
    return EarlyPlanLifecycleIT.soleProprietor(AGENCY_CODE, company);
  }

  private String task(String caseNumber, String key) {
    List<org.camunda.bpm.engine.task.Task> found = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber)
        .taskDefinitionKey(key).list();
    return found.isEmpty() ? null : found.get(0).getId();
  }

  private long count(String table) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
  }
}
