package jp.keieikaizen.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.keieikaizen.EarlyPlanLifecycleIT;
import jp.keieikaizen.security.Groups;
import jp.keieikaizen.system.TestAgencies;
import jp.keieikaizen.system.TestDocuments;
import jp.keieikaizen.system.TestUsers;
import jp.keieikaizen.system.WebappSession;
import jp.keieikaizen.system.WholeAppOnMariaDb;

/**
 * No case without a council tenant, and no user changes who works a case (#13): councilCode of every JSON type through
 * /api and Tasklist's start form either gives the case its council's tenant or is refused with 400 naming it and
 * nothing stored; a completion carrying a routing variable is refused; a variable changed behind the application's
 * back routes nothing (tasks go where the case record says); and the application refuses to
 * start while a case instance lacks a tenant.
 */
@WholeAppOnMariaDb
class TenantFailClosedIT {

  static final String PASSWORD = "Tenant-pass-2026", AGENCY_CODE = "108413990041";
  static final String AGENCY = "tf-agency", COORDINATOR = "tf-coord-13";

  @LocalServerPort int port;
  @Autowired TestRestTemplate anonymous;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;
  @Autowired TenantlessCaseCheck check;
  @Autowired ManagementService management;

  @BeforeEach
  void users() {
    long agencyId = TestAgencies.register(anonymous.withBasicAuth(WholeAppOnMariaDb.ADMIN, WholeAppOnMariaDb.ADMIN_PASSWORD),
        AGENCY_CODE, "テナント試験事務所");
    TestUsers.ensure(identity, AGENCY, PASSWORD, Groups.agency(agencyId), null);
    TestUsers.ensure(identity, COORDINATOR, PASSWORD, Groups.coordinator("13"), null);
  }

  @Test
  void everyTypeOfCouncilCodeEitherGivesTheCaseItsCouncilsTenantOrIsRefused() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("\"13\"", "13");
    values.put("13", 13);
    values.put("13 (long)", 13L);
    values.put("13.0", 13.0);
    values.put("13.5", 13.5);
    values.put("true", true);
    values.put("\"99\"", "99");
    values.put("\"1\"", "1");
    values.put("\"\"", "");
    values.put("[13]", List.of(13));
    values.put("{\"code\": 13}", Map.of("code", 13));
    values.put("missing", null);
    List<String> results = new ArrayList<>();
    for (var e : values.entrySet()) {
      Map<String, Object> application = application("株式会社テナント" + results.size());
      application.put("councilCode", e.getValue());
      if (e.getValue() == null) {
        application.remove("councilCode");
      }
      long cases = count("case_file");
      ResponseEntity<Map<String, Object>> r = as(AGENCY).exchange("/api/early-plan/applications", HttpMethod.POST,
          new HttpEntity<>(application), EarlyPlanLifecycleIT.JSON);
      String result = e.getKey() + " → " + r.getStatusCode().value();
      if (r.getStatusCode().value() == 201) {
        String caseNumber = (String) r.getBody().get("caseNumber");
        result += " tenant " + runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).singleResult()
            .getTenantId();
      } else {
        result += " " + EarlyPlanLifecycleIT.fields(r.getBody()) + (count("case_file") == cases ? "" : " (a case was stored)");
      }
      results.add(result);
    }
    assertThat(results).containsExactly("\"13\" → 201 tenant 13", "13 → 201 tenant 13", "13 (long) → 201 tenant 13",
        "13.0 → 400 [councilCode]", "13.5 → 400 [councilCode]", "true → 400 [councilCode]", "\"99\" → 400 [councilCode]",
        "\"1\" → 400 [councilCode]", "\"\" → 400 [councilCode]", "[13] → 400 [councilCode]",
        "{\"code\": 13} → 400 [councilCode]", "missing → 400 [councilCode]");
    assertThat(check.tenantless(20)).isEmpty();
  }

  @Test
  void tasklistsStartFormTakesTypedCouncilCodesTheSameWay() {
    WebappSession agency = WebappSession.login(port, AGENCY, PASSWORD);
    List<String> results = new ArrayList<>();
    for (Map<String, Object> typed : List.<Map<String, Object>>of(Map.of("value", 13, "type", "Long"),
        Map.of("value", 13, "type", "Integer"), Map.of("value", 13.0, "type", "Double"), Map.of("value", true, "type",
            "Boolean"), Map.of("value", "27", "type", "String"))) {
      Map<String, Object> variables = new HashMap<>(EarlyPlanLifecycleIT.untyped(application("株式会社型" + results.size())));
      variables.put("councilCode", typed);
      var answer = agency.engine("POST", "process-definition/key/earlyPlan/submit-form", Map.of("variables", variables));
      String result = typed.get("type") + " " + typed.get("value") + " → " + answer.status();
      if (answer.status() == 200) {
        String id = (String) ((Map<?, ?>) answer.json()).get("id");
        result += " tenant " + runtime.createProcessInstanceQuery().processInstanceId(id).singleResult().getTenantId();
      } else {
        result += answer.body().contains("\"field\":\"councilCode\"") ? " councilCode" : " " + answer.body();
      }
      results.add(result);
    }
    assertThat(results).containsExactly("Long 13 → 200 tenant 13", "Integer 13 → 200 tenant 13",
        "Double 13.0 → 400 councilCode", "Boolean true → 400 councilCode", "String 27 → 200 tenant 27");
    assertThat(check.tenantless(20)).isEmpty();
  }

  @Test
  void aRoutingVariableCannotBeSubmittedAndOneChangedBehindTheAppsBackRoutesNothing() {
    String caseNumber = (String) as(AGENCY).exchange("/api/early-plan/applications", HttpMethod.POST,
        new HttpEntity<>(application("株式会社経路試験")), EarlyPlanLifecycleIT.JSON).getBody().get("caseNumber");
    String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).singleResult().getId();
    String decide = await().atMost(Duration.ofSeconds(30)).until(() -> task(caseNumber, "decideApplication"), t -> t != null);
    TestDocuments.provide(as(COORDINATOR), decide);

    var extra = post(COORDINATOR, "/api/tasks/" + decide + "/complete", Map.of("decision", "ACCEPT", "leadAgencyId", 1,
        "councilCode", "27"));
    assertThat(extra.getStatusCode().value()).isEqualTo(400);
    assertThat(EarlyPlanLifecycleIT.fields(extra.getBody())).containsExactly("councilCode", "leadAgencyId");
    assertThat(runtime.getVariable(instance, "councilCode")).isEqualTo("13");
    assertThat(runtime.getVariable(instance, "leadAgencyId")).as("no variable routes the case").isNull();

    // as only an administrator could, through Cockpit: variables named as routing ones once were
    runtime.setVariable(instance, "councilCode", "27");
    runtime.setVariable(instance, "leadAgencyId", 999_999L);
    var accepted = post(COORDINATOR, "/api/tasks/" + decide + "/complete", Map.of("decision", "ACCEPT"));
    assertThat(accepted.getStatusCode().value()).as("%s", accepted.getBody()).isEqualTo(204);
    String draft = await().atMost(Duration.ofSeconds(30)).until(() -> task(caseNumber, "draftPlan"), t -> t != null);
    Long lead = jdbc.queryForObject("SELECT lead_agency_id FROM case_file WHERE case_number = ?", Long.class, caseNumber);
    assertThat(tasks.getIdentityLinksForTask(draft)).extracting(l -> l.getGroupId()).filteredOn(g -> g != null)
        .as("the case record's lead agency, not the changed variable").containsExactly(Groups.agency(lead));
    assertThat(tasks.createTaskQuery().taskId(draft).singleResult().getTenantId()).isEqualTo("13");
  }

  @Test
  void theApplicationRefusesToStartWhileACaseInstanceHasNoTenant() {
    String caseNumber = (String) as(AGENCY).exchange("/api/early-plan/applications", HttpMethod.POST,
        new HttpEntity<>(application("株式会社起動試験")), EarlyPlanLifecycleIT.JSON).getBody().get("caseNumber");
    String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).singleResult().getId();
    // the instance must be at rest: a job of it that is running flushes its execution with the tenant it had read
    await().atMost(Duration.ofSeconds(30)).until(() -> task(caseNumber, "decideApplication") != null
        && management.createJobQuery().processInstanceId(instance).executable().count() == 0);
    assertThat(check.tenantless(20)).isEmpty();
    // REV_ moves as well, so that an engine flush of a copy read before this fails instead of restoring the tenant
    jdbc.update("UPDATE ACT_RU_EXECUTION SET TENANT_ID_ = NULL, REV_ = REV_ + 1 WHERE PROC_INST_ID_ = ?", instance);
    try {
      assertThat(check.tenantless(20)).containsExactly(caseNumber + " (" + instance + ")");
      assertThatThrownBy(() -> check.run(null)).isInstanceOf(IllegalStateException.class).hasMessageContaining(caseNumber);
    } finally {
      jdbc.update("UPDATE ACT_RU_EXECUTION SET TENANT_ID_ = '13', REV_ = REV_ + 1 WHERE PROC_INST_ID_ = ?", instance);
    }
    assertThat(check.tenantless(20)).isEmpty();
  }

  private Map<String, Object> application(String company) {
    return EarlyPlanLifecycleIT.soleProprietor(AGENCY_CODE, company);
  }

  private String task(String caseNumber, String key) {
    var task = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(key).singleResult();
    return task == null ? null : task.getId();
  }

  private ResponseEntity<Map<String, Object>> post(String user, String path, Map<String, Object> body) {
    return as(user).exchange(path, HttpMethod.POST, new HttpEntity<>(body), EarlyPlanLifecycleIT.JSON);
  }

  private TestRestTemplate as(String user) {
    return anonymous.withBasicAuth(user, PASSWORD);
  }

  private long count(String table) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
  }
}
