package jp.keieikaizen.report;

import static jp.keieikaizen.EarlyPlanLifecycleIT.fields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.keieikaizen.EarlyPlanLifecycleIT;
import jp.keieikaizen.security.Groups;
import jp.keieikaizen.system.WholeAppOnMariaDb;

/**
 * Inquiries recorded live count in the statistics like imported ones and link to the case they became; the dashboard
 * counts the pipeline, overdue tasks, monitoring rounds and the budget, within the caller's councils.
 */
@WholeAppOnMariaDb
class InquiryAndDashboardIT {

  static final String COORDINATOR = "dash-coord-40", PASSWORD = "Fukuoka-Desk-2026";
  static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
  };
  static final String TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo")).toString();

  @Autowired TestRestTemplate anonymous;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  @Autowired DashboardService dashboards;
  @Autowired JdbcTemplate jdbc;
  TestRestTemplate admin;
  TestRestTemplate coordinator;

  @BeforeEach
  void users() {
    admin = anonymous.withBasicAuth(WholeAppOnMariaDb.ADMIN, WholeAppOnMariaDb.ADMIN_PASSWORD);
    coordinator = anonymous.withBasicAuth(COORDINATOR, PASSWORD);
    if (identity.createUserQuery().userId(COORDINATOR).count() == 0) {
      User user = identity.newUser(COORDINATOR);
      user.setFirstName("福岡");
      user.setLastName("担当");
      user.setPassword(PASSWORD);
      identity.saveUser(user);
      identity.createMembership(COORDINATOR, Groups.coordinator("40"));
    }
  }

  @Test
  void aLiveInquiryCountsInTheStatisticsAndLinksToItsCase() {
    Map<String, Object> before = figures(coordinator, "40");
    ResponseEntity<Map<String, Object>> recorded = coordinator.exchange("/api/inquiries", HttpMethod.POST, new HttpEntity<>(
        Map.of("councilCode", "40", "receivedOn", TODAY, "asker", "COMPANY", "channel", "PHONE", "programme", "EARLY_PLAN",
            "outcome", "APPLICATION_EXPECTED", "companyName", "株式会社博多")), JSON);
    assertThat(recorded.getStatusCode().value()).as("%s", recorded.getBody()).isEqualTo(201);
    Map<String, Object> after = figures(coordinator, "40");
    assertThat(((Number) after.get("inquiriesTotal")).longValue() - ((Number) before.get("inquiriesTotal")).longValue())
        .isEqualTo(1);
    assertThat(((Number) after.get("inquiriesQuarter")).longValue() - ((Number) before.get("inquiriesQuarter")).longValue())
        .isEqualTo(1);

    // another council's inquiry, a future date, an unknown asker: refused, named
    assertThat(coordinator.exchange("/api/inquiries", HttpMethod.POST, new HttpEntity<>(Map.of("councilCode", "13",
        "receivedOn", TODAY, "asker", "COMPANY", "channel", "PHONE", "outcome", "INFORMATION_ONLY")), JSON)
        .getStatusCode().value()).isEqualTo(403);
    ResponseEntity<Map<String, Object>> bad = coordinator.exchange("/api/inquiries", HttpMethod.POST, new HttpEntity<>(
        Map.of("councilCode", "40", "receivedOn", "2999-01-01", "asker", "ROBOT", "channel", "PHONE",
            "outcome", "INFORMATION_ONLY")), JSON);
    assertThat(bad.getStatusCode().value()).isEqualTo(400);
    assertThat(fields(bad.getBody())).containsExactlyInAnyOrder("receivedOn", "asker");

    // the inquiry becomes an application of the same council
    register("108413550001");
    Map<String, Object> application = EarlyPlanLifecycleIT.application();
    application.put("councilCode", "40");
    application.put("agencyCode", "108413550001");
    String caseNumber = (String) coordinator.exchange("/api/early-plan/applications", HttpMethod.POST,
        new HttpEntity<>(application), JSON).getBody().get("caseNumber");
    long id = ((Number) recorded.getBody().get("id")).longValue();
    ResponseEntity<Map<String, Object>> linked = coordinator.exchange("/api/inquiries/" + id + "/case", HttpMethod.POST,
        new HttpEntity<>(Map.of("caseNumber", caseNumber)), JSON);
    assertThat(linked.getStatusCode().value()).as("%s", linked.getBody()).isEqualTo(200);
    assertThat(linked.getBody()).containsEntry("caseNumber", caseNumber).containsEntry("outcome", "APPLIED");

    // the list shows a council's own inquiries only
    List<Map<String, Object>> listed = coordinator.exchange("/api/inquiries?size=500", HttpMethod.GET, null,
        new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody();
    assertThat(listed).isNotEmpty().allSatisfy(i -> assertThat(i).containsEntry("councilCode", "40"));
  }

  @Test
  void theDashboardCountsPipelineOverdueTasksMonitoringAndBudgetWithinTheCallersCouncils() {
    register("108413550002");
    Map<String, Object> application = EarlyPlanLifecycleIT.application();
    application.put("councilCode", "40");
    application.put("agencyCode", "108413550002");
    String caseNumber = (String) admin.exchange("/api/early-plan/applications", HttpMethod.POST,
        new HttpEntity<>(application), JSON).getBody().get("caseNumber");
    String task = await().atMost(Duration.ofSeconds(30)).until(() -> {
      var t = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey("decideApplication")
          .singleResult();
      return t == null ? null : t.getId();
    }, id -> id != null);
    tasks.setDueDate(task, java.util.Date.from(java.time.Instant.now().minus(Duration.ofDays(3))));
    long caseId = jdbc.queryForObject("SELECT id FROM case_file WHERE case_number = ?", Long.class, caseNumber);
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    jdbc.update("INSERT INTO monitoring_report (case_id, round_no, round_kind, due_date, claim_round) VALUES (?, 1, 'INTERIM', ?, false)",
        caseId, today.minusDays(1));
    jdbc.update("INSERT INTO monitoring_report (case_id, round_no, round_kind, due_date, claim_round) VALUES (?, 2, 'FINAL', ?, false)",
        caseId, today.plusDays(10));
    int fiscalYear = FiscalQuarter.of(today).fiscalYear();

    assertThat(coordinator.exchange("/api/budget/" + fiscalYear + "/40", HttpMethod.PUT,
        new HttpEntity<>(Map.of("budgetYen", 5_000_000)), String.class).getStatusCode().value()).isEqualTo(403);
    assertThat(admin.exchange("/api/budget/" + fiscalYear + "/40", HttpMethod.PUT,
        new HttpEntity<>(Map.of("budgetYen", 5_000_000)), String.class).getStatusCode().value()).isEqualTo(204);
    ResponseEntity<Map<String, Object>> badBudget = admin.exchange("/api/budget/" + fiscalYear + "/40", HttpMethod.PUT,
        new HttpEntity<>(Map.of("budgetYen", -1)), JSON);
    assertThat(fields(badBudget.getBody())).containsExactly("budgetYen");

    DashboardService.Dashboard fukuoka = dashboards.dashboard(java.util.Set.of("40"), fiscalYear);
    assertThat(fukuoka.pipeline()).singleElement().satisfies(r -> {
      assertThat(r.councilCode()).isEqualTo("40");
      assertThat(r.byState().get("APPLIED")).isGreaterThanOrEqualTo(1);
    });
    assertThat(fukuoka.overdueTasks()).extracting(t -> t.caseNumber()).contains(caseNumber);
    assertThat(fukuoka.monitoringOverdue()).extracting(DashboardService.Round::caseNumber).containsExactly(caseNumber);
    assertThat(fukuoka.monitoringDue()).extracting(DashboardService.Round::caseNumber).containsExactly(caseNumber);
    assertThat(fukuoka.budget()).singleElement().satisfies(b -> assertThat(b.budgetYen()).isEqualTo(5_000_000));

    // the application has waited 40 days for its decision: the ageing puts it in 31〜60日 and among the oldest
    jdbc.update("UPDATE case_file SET application_date = ? WHERE id = ?", today.minusDays(40), caseId);
    DashboardService.Ageing ageing = dashboards.dashboard(java.util.Set.of("40"), fiscalYear).ageing();
    assertThat(ageing.buckets()).containsExactly("14日以内", "15〜30日", "31〜60日", "61日以上");
    assertThat(ageing.rows()).singleElement().satisfies(r -> {
      assertThat(r.councilCode()).isEqualTo("40");
      assertThat(r.counts().get(2)).isGreaterThanOrEqualTo(1);
      assertThat(r.counts().stream().mapToLong(Long::longValue).sum()).isEqualTo(fukuoka.pipeline().get(0).byState().get("APPLIED")
          + fukuoka.pipeline().get(0).byState().get("RETURNED"));
    });
    assertThat(ageing.oldest()).anySatisfy(o -> {
      assertThat(o.caseNumber()).isEqualTo(caseNumber);
      assertThat(o.days()).isEqualTo(40);
      assertThat(o.stateLabel()).isEqualTo("申請受付");
    });

    DashboardService.Dashboard tokyo = dashboards.dashboard(java.util.Set.of("13"), fiscalYear);
    assertThat(tokyo.ageing().oldest()).extracting(DashboardService.OldApplication::caseNumber).doesNotContain(caseNumber);
    assertThat(tokyo.overdueTasks()).extracting(t -> t.caseNumber()).doesNotContain(caseNumber);
    assertThat(tokyo.monitoringOverdue()).extracting(DashboardService.Round::caseNumber).doesNotContain(caseNumber);
  }

  private void register(String code) {
    admin.postForEntity("/api/agencies", Map.of("agencyCode", code, "name", "福岡試験事務所" + code.substring(9), "kind",
        "CPA", "certifiedFrom", "2024-04-01", "certifiedTo", "2029-03-31"), Map.class);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> figures(TestRestTemplate http, String council) {
    Map<String, Object> table = http.exchange("/api/statistics", HttpMethod.GET, null, JSON).getBody();
    List<Map<String, Object>> rows = (List<Map<String, Object>>) table.get("rows");
    assertThat(rows).as("a coordinator sees their own council only").hasSize(1);
    return rows.stream().filter(r -> council.equals(r.get("councilCode"))).findFirst().orElseThrow();
  }

}
