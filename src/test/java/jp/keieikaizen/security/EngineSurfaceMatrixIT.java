package jp.keieikaizen.security;

import static jp.keieikaizen.EarlyPlanLifecycleIT.untyped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import jp.keieikaizen.EarlyPlanLifecycleIT;
import jp.keieikaizen.system.TestUsers;
import jp.keieikaizen.system.WebappSession;
import jp.keieikaizen.system.WebappSession.Answer;
import jp.keieikaizen.system.WholeAppOnMariaDb;

/**
 * Every resource family of the engine's HTTP surfaces × every role, with two councils (東京 13, 大阪 27) and two
 * agencies: the webapps' engine API as Tasklist and Cockpit call it (session and CSRF token), and /engine-rest with
 * HTTP Basic. Each cell is the status, and for a list the cases its rows belong to ("13", "27", "13+27", "none"), so a
 * foreign row in any answer fails the test. The table is printed (docs/adr/0008 explains it).
 */
@WholeAppOnMariaDb
class EngineSurfaceMatrixIT {

  static final String PASSWORD = "Surface-pass-1";
  static final String C13 = "coordinator 13", C27 = "coordinator 27", S13 = "supervisor 13", AGENCY_A = "agency A",
      AGENCY_B = "agency B", MANAGER = "manager", ANONYMOUS = "anonymous";
  static final List<String> ROLES = List.of(C13, C27, S13, AGENCY_A, AGENCY_B, MANAGER, ANONYMOUS);
  static final Map<String, String> USERS = Map.of(C13, "es-coord-13", C27, "es-coord-27", S13, "es-super-13",
      AGENCY_A, "es-agency-a", AGENCY_B, "es-agency-b", MANAGER, "es-manager");
  static final String CODE_A = "108413990031", CODE_B = "108413990032", COLLEAGUE = "es-coord-13-b";
  static final Map<String, Map<String, String>> TABLE = new LinkedHashMap<>();

  @LocalServerPort int port;
  @Autowired TestRestTemplate anonymous;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired RepositoryService repository;

  static String case13, case27, instance13, instance27, decide13, definition;
  final Map<String, WebappSession> sessions = new HashMap<>();

  @BeforeEach
  void usersAndTwoCases() {
    if (case13 == null) {
      TestRestTemplate admin = anonymous.withBasicAuth(WholeAppOnMariaDb.ADMIN, WholeAppOnMariaDb.ADMIN_PASSWORD);
      long a = jp.keieikaizen.system.TestAgencies.register(admin, CODE_A, "面A会計事務所");
      long b = jp.keieikaizen.system.TestAgencies.register(admin, CODE_B, "面B会計事務所");
      TestUsers.ensure(identity, USERS.get(C13), PASSWORD, Groups.coordinator("13"), null);
      TestUsers.ensure(identity, USERS.get(C27), PASSWORD, Groups.coordinator("27"), null);
      TestUsers.ensure(identity, COLLEAGUE, PASSWORD, Groups.coordinator("13"), null);
      TestUsers.ensure(identity, USERS.get(S13), PASSWORD, Groups.supervisor("13"), null);
      TestUsers.ensure(identity, USERS.get(AGENCY_A), PASSWORD, Groups.agency(a), null);
      TestUsers.ensure(identity, USERS.get(AGENCY_B), PASSWORD, Groups.agency(b), null);
      TestUsers.ensure(identity, USERS.get(MANAGER), PASSWORD, Groups.NATIONAL_MANAGER, null);
      case13 = apply(AGENCY_A, "13", CODE_A, "株式会社面試験東京");
      case27 = apply(C27, "27", CODE_B, "株式会社面試験大阪");
      instance13 = instance(case13);
      instance27 = instance(case27);
      decide13 = await().atMost(Duration.ofSeconds(30)).until(() -> decideTask(case13), t -> t != null);
      await().atMost(Duration.ofSeconds(30)).until(() -> decideTask(case27), t -> t != null);
      definition = repository.createProcessDefinitionQuery().processDefinitionKey("earlyPlan").latestVersion()
          .singleResult().getId();
    }
    ROLES.forEach(role -> sessions.put(role, role.equals(ANONYMOUS) ? WebappSession.anonymous(port)
        : WebappSession.login(port, USERS.get(role), PASSWORD)));
  }

  @AfterAll
  static void printTable() {
    StringBuilder md = new StringBuilder("\n| call | " + String.join(" | ", ROLES) + " |\n|---|"
        + "---|".repeat(ROLES.size()) + "\n");
    TABLE.forEach((call, cells) -> md.append("| `").append(call).append("` | ")
        .append(String.join(" | ", ROLES.stream().map(r -> cells.getOrDefault(r, "")).toList())).append(" |\n"));
    int cells = TABLE.values().stream().mapToInt(Map::size).sum();
    org.slf4j.LoggerFactory.getLogger(EngineSurfaceMatrixIT.class)
        .warn("engine surfaces × roles: {} calls, {} cells{}", TABLE.size(), cells, md);
  }

  /** Tasklist's own calls: tasks, their forms, comments, identity links, claims, filters, start forms. */
  @Test
  void tasklistsTaskAndFilterCalls() {
    row("GET task", "200 13", "200 27", "200 13", "200 none", "200 none", "200 13+27", "401",
        role -> rows(call(role, "GET", "task?maxResults=1000", null)));
    row("GET task/{decide13}", "200", "404", "200", "404", "404", "200", "401",
        role -> status(call(role, "GET", "task/" + decide13, null)));
    row("GET task/{decide13}/form-variables", "200", "404", "200", "404", "404", "200", "401",
        role -> status(call(role, "GET", "task/" + decide13 + "/form-variables", null)));
    row("GET task/{decide13}/identity-links", "200", "404", "200", "404", "404", "200", "401",
        role -> status(call(role, "GET", "task/" + decide13 + "/identity-links", null)));
    row("POST task/{decide13}/identity-links (add a candidate)", "403", "403", "403", "403", "403", "403", "401",
        role -> status(call(role, "POST", "task/" + decide13 + "/identity-links", Map.of("groupId", "agency-1",
            "type", "candidate"))));
    row("PUT task/{decide13}/variables/councilCode", "403", "403", "403", "403", "403", "403", "401",
        role -> status(call(role, "PUT", "task/" + decide13 + "/variables/councilCode", Map.of("value", "27"))));
    row("POST task/{decide13}/variables (modify)", "403", "403", "403", "403", "403", "403", "401",
        role -> status(call(role, "POST", "task/" + decide13 + "/variables", Map.of("modifications",
            Map.of("leadAgencyId", Map.of("value", 1))))));
    row("DELETE task/{decide13}/variables/councilCode", "403", "403", "403", "403", "403", "403", "401",
        role -> status(call(role, "DELETE", "task/" + decide13 + "/variables/councilCode", null)));
    row("POST task/{decide13}/comment/create", "200", "404", "200", "404", "404", "403", "401",
        role -> status(call(role, "POST", "task/" + decide13 + "/comment/create", Map.of("message", "確認します"))));
    row("POST task/{decide13}/claim", "204", "404", "403", "404", "404", "403", "401", role -> {
      String s = status(call(role, "POST", "task/" + decide13 + "/claim", Map.of("userId", USERS.get(role) == null ? "x"
          : USERS.get(role))));
      return unassigned(s, decide13);
    });
    row("POST task/{decide13}/assignee (to a 大阪 coordinator)", "403", "404", "403", "404", "404", "403", "401",
        role -> status(call(role, "POST", "task/" + decide13 + "/assignee", Map.of("userId", USERS.get(C27)))));
    row("POST task/{decide13}/assignee (to a colleague of the council)", "204", "404", "403", "404", "404", "403", "401",
        role -> {
          String s = status(call(role, "POST", "task/" + decide13 + "/assignee", Map.of("userId", COLLEAGUE)));
          return unassigned(s, decide13);
        });
    row("POST task/{decide13}/submit-form (an extra councilCode)", "400", "404", "403", "404", "404", "403", "401",
        role -> status(call(role, "POST", "task/" + decide13 + "/submit-form", Map.of("variables", untyped(Map.of(
            "decision", "RETURN", "decisionComment", "試験", "councilCode", "27"))))));
    row("POST task/create", "403", "403", "403", "403", "403", "403", "401",
        role -> status(call(role, "POST", "task/create", Map.of("name", "勝手なタスク"))));
    row("DELETE task/{decide13}", "403", "403", "403", "403", "403", "403", "401",
        role -> status(call(role, "DELETE", "task/" + decide13, null)));
    row("GET filter", "200", "200", "200", "200", "200", "200", "401",
        role -> status(call(role, "GET", "filter?resourceType=Task", null)));
    row("OPTIONS filter (what Tasklist may offer)", "200", "200", "200", "200", "200", "200", "401",
        role -> status(call(role, "OPTIONS", "filter", null)));
    row("POST filter/create", "403", "403", "403", "403", "403", "403", "401",
        role -> status(call(role, "POST", "filter/create", Map.of("resourceType", "Task", "name", "全件",
            "query", Map.of()))));
    row("GET history/user-operation?taskId={decide13}", "200 13", "200 none", "200 13", "200 none", "200 none",
        "200 13", "401", role -> rows(call(role, "GET", "history/user-operation?taskId=" + decide13, null)));
    row("GET history/user-operation (everything)", "403", "403", "403", "403", "403", "403", "401",
        role -> status(call(role, "GET", "history/user-operation", null)));
    assertThat(tasks.createTaskQuery().taskId(decide13).singleResult().getAssignee()).isNull();
    assertThat(runtime.getVariable(instance13, "councilCode")).isEqualTo("13");
  }

  /** An agency's own task (大阪's case returned for correction to agency B): B works it, 大阪's staff see it. */
  @Test
  void anAgencyWorksItsOwnTask() {
    String correct = correctionTask27();
    row("GET task/{correct27}", "404", "200", "404", "404", "200", "200", "401",
        role -> status(call(role, "GET", "task/" + correct, null)));
    row("GET task/{correct27}/form-variables", "404", "200", "404", "404", "200", "200", "401",
        role -> status(call(role, "GET", "task/" + correct + "/form-variables", null)));
    row("POST task/{correct27}/comment/create", "404", "200", "404", "404", "200", "403", "401",
        role -> status(call(role, "POST", "task/" + correct + "/comment/create", Map.of("message", "補正します"))));
    row("POST task/{correct27}/claim", "404", "403", "404", "404", "204", "403", "401", role -> {
      String s = status(call(role, "POST", "task/" + correct + "/claim", Map.of("userId", USERS.getOrDefault(role, "x"))));
      return unassigned(s, correct);
    });
    // an agency claims (TASK_WORK); setting an assignee is the council's (TASK_ASSIGN)
    row("POST task/{correct27}/assignee (to oneself)", "404", "403", "404", "404", "403", "403", "401", role -> {
      String s = status(call(role, "POST", "task/" + correct + "/assignee", Map.of("userId",
          USERS.getOrDefault(role, "x"))));
      return unassigned(s, correct);
    });
    row("PUT task/{correct27}/variables/leadAgencyId", "403", "403", "403", "403", "403", "403", "401",
        role -> status(call(role, "PUT", "task/" + correct + "/variables/leadAgencyId", Map.of("value", 1))));
    row("POST task/{correct27}/submit-form (an extra councilCode)", "404", "403", "404", "404", "400", "403", "401",
        role -> status(call(role, "POST", "task/" + correct + "/submit-form", Map.of("variables", untyped(Map.of(
            "correctionAction", "WITHDRAW", "correctionNote", "試験", "councilCode", "13"))))));
    assertThat(runtime.getVariable(instance27, "councilCode")).isEqualTo("27");
    assertThat(tasks.createTaskQuery().taskId(correct).count()).isEqualTo(1);
  }

  private String correctionTask27() {
    String existing = tasks.createTaskQuery().processInstanceBusinessKey(case27).taskDefinitionKey("correctApplication")
        .singleResult() == null ? null : tasks.createTaskQuery().processInstanceBusinessKey(case27)
        .taskDefinitionKey("correctApplication").singleResult().getId();
    if (existing != null) {
      return existing;
    }
    String decide27 = decideTask(case27);
    ResponseEntity<String> returned = anonymous.withBasicAuth(USERS.get(C27), PASSWORD).exchange("/api/tasks/" + decide27
        + "/complete", HttpMethod.POST, new HttpEntity<>(Map.of("decision", "RETURN", "decisionComment", "補正をお願いします")),
        String.class);
    assertThat(returned.getStatusCode().value()).as("%s", returned.getBody()).isEqualTo(204);
    return await().atMost(Duration.ofSeconds(30)).until(() -> {
      var task = tasks.createTaskQuery().processInstanceBusinessKey(case27).taskDefinitionKey("correctApplication")
          .singleResult();
      return task == null ? null : task.getId();
    }, id -> id != null);
  }

  /** Starting: only the two programmes, only for one's own council, only through the start form. */
  @Test
  void starts() {
    row("POST process-definition/key/earlyPlan/submit-form (東京)", "200", "403", "403", "200", "400", "403", "401",
        role -> status(call(role, "POST", "process-definition/key/earlyPlan/submit-form", Map.of("variables",
            untyped(application("13", CODE_A, "株式会社開始試験"))))));
    row("POST process-definition/key/earlyPlan/submit-form (an extra leadAgencyId)", "400", "400", "403", "400",
        "400", "403", "401", role -> {
          Map<String, Object> values = application(role.equals(C27) ? "27" : "13", role.equals(AGENCY_B) ? CODE_B : CODE_A,
              "株式会社余計試験");
          values.put("leadAgencyId", 1);
          return status(call(role, "POST", "process-definition/key/earlyPlan/submit-form", Map.of("variables",
              untyped(values))));
        });
    row("POST process-definition/key/paymentClaim/submit-form (a called model on its own)", "400", "400", "403",
        "400", "400", "403", "401", role -> status(call(role, "POST", "process-definition/key/paymentClaim/submit-form",
            Map.of("variables", untyped(Map.of("councilCode", "13", "claimCategory", "PLAN"))))));
    // Tasklist's start list: the two programmes only, to those who may start them (the called models are internal)
    row("GET process-definition?startableInTasklist=true (Tasklist's start list)", "earlyPlan,plan405",
        "earlyPlan,plan405", "none", "earlyPlan,plan405", "earlyPlan,plan405", "none", "401", role -> {
          Answer answer = call(role, "GET", "process-definition?latest=true&active=true&startableInTasklist=true"
              + "&startablePermissionCheck=true&firstResult=0&maxResults=15", null);
          if (answer.status() != 200) {
            return status(answer);
          }
          String keys = ((List<?>) answer.json()).stream().map(d -> (String) ((Map<?, ?>) d).get("key")).sorted()
              .collect(java.util.stream.Collectors.joining(","));
          return keys.isEmpty() ? "none" : keys;
        });
    row("POST process-definition/key/earlyPlan/start", "403", "403", "403", "403", "403", "403", "401",
        role -> status(call(role, "POST", "process-definition/key/earlyPlan/start", Map.of("variables",
            untyped(application("13", CODE_A, "株式会社直接開始"))))));
  }

  /** Cockpit's calls: national managers read everything; nobody else reads, nobody changes anything. */
  @Test
  void cockpitsInstanceHistoryAndStatisticsCalls() {
    row("GET process-instance", "403", "403", "403", "403", "403", "200 13+27", "401",
        role -> rows(call(role, "GET", "process-instance?maxResults=2000", null)));
    row("GET process-instance/{instance13}/variables", "403", "403", "403", "403", "403", "200", "401",
        role -> status(call(role, "GET", "process-instance/" + instance13 + "/variables", null)));
    row("PUT process-instance/{instance13}/variables/councilCode", "403", "403", "403", "403", "403", "403", "401",
        role -> status(call(role, "PUT", "process-instance/" + instance13 + "/variables/councilCode",
            Map.of("value", "27"))));
    row("POST process-instance/{instance13}/modification", "403", "403", "403", "403", "403", "403", "401",
        role -> status(call(role, "POST", "process-instance/" + instance13 + "/modification", Map.of("instructions",
            List.of(Map.of("type", "cancel", "activityId", "decideApplication"))))));
    row("PUT process-instance/{instance13}/suspended", "403", "403", "403", "403", "403", "403", "401",
        role -> status(call(role, "PUT", "process-instance/" + instance13 + "/suspended", Map.of("suspended", true))));
    row("DELETE process-instance/{instance13}", "403", "403", "403", "403", "403", "403", "401",
        role -> status(call(role, "DELETE", "process-instance/" + instance13, null)));
    row("GET execution", "403", "403", "403", "403", "403", "200", "401",
        role -> status(call(role, "GET", "execution?maxResults=1", null)));
    row("GET variable-instance", "403", "403", "403", "403", "403", "200", "401",
        role -> status(call(role, "GET", "variable-instance?maxResults=1", null)));
    row("GET history/process-instance", "403", "403", "403", "403", "403", "200 13+27", "401",
        role -> rows(call(role, "GET", "history/process-instance?maxResults=2000", null)));
    row("GET history/task", "403", "403", "403", "403", "403", "200", "401",
        role -> status(call(role, "GET", "history/task?maxResults=1", null)));
    row("GET history/variable-instance", "403", "403", "403", "403", "403", "200", "401",
        role -> status(call(role, "GET", "history/variable-instance?maxResults=1", null)));
    row("GET history/activity-instance", "403", "403", "403", "403", "403", "200", "401",
        role -> status(call(role, "GET", "history/activity-instance?maxResults=1", null)));
    row("GET history/process-definition/{id}/statistics", "403", "403", "403", "403", "403", "200", "401",
        role -> status(call(role, "GET", "history/process-definition/" + definition + "/statistics", null)));
    row("GET process-definition/statistics", "403", "403", "403", "403", "403", "200", "401",
        role -> status(call(role, "GET", "process-definition/statistics", null)));
    row("GET process-definition/{id}/statistics", "403", "403", "403", "403", "403", "200", "401",
        role -> status(call(role, "GET", "process-definition/" + definition + "/statistics", null)));
    row("GET deployment", "403", "403", "403", "403", "403", "200", "401",
        role -> status(call(role, "GET", "deployment", null)));
    row("GET case-definition/count (Cockpit's dashboard)", "403", "403", "403", "403", "403", "200", "401",
        role -> status(call(role, "GET", "case-definition/count?latestVersion=true", null)));
    row("GET incident", "403", "403", "403", "403", "403", "200", "401",
        role -> status(call(role, "GET", "incident", null)));
    row("GET job", "403", "403", "403", "403", "403", "200", "401",
        role -> status(call(role, "GET", "job?maxResults=1", null)));
    row("PUT job/{id}/duedate", "403", "403", "403", "403", "403", "403", "401",
        role -> status(call(role, "PUT", "job/any/duedate", Map.of("duedate", "2030-01-01T00:00:00.000+0900"))));
    row("GET external-task", "403", "403", "403", "403", "403", "200", "401",
        role -> status(call(role, "GET", "external-task", null)));
    row("GET batch", "403", "403", "403", "403", "403", "200", "401",
        role -> status(call(role, "GET", "batch", null)));
    row("POST message (correlate)", "403", "403", "403", "403", "403", "403", "401",
        role -> status(call(role, "POST", "message", Map.of("messageName", "caseWithdrawn", "businessKey", case13))));
    row("POST signal", "403", "403", "403", "403", "403", "403", "401",
        role -> status(call(role, "POST", "signal", Map.of("name", "any"))));
    row("GET metrics/activity-instance/sum", "403", "403", "403", "403", "403", "403", "401",
        role -> status(call(role, "GET", "metrics/activity-instance/sum", null)));
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance13).singleResult().isSuspended()).isFalse();
  }

  /** Those who may list deployments (Cockpit) read the models' names, never the server's directories. */
  @Test
  void deploymentResourcesAreNamedWithoutServerPaths() {
    List<String> names = new ArrayList<>();
    repository.createDeploymentQuery().deploymentName("SpringAutoDeployment").list() // the application's own, not a test's
        .forEach(d -> names.addAll(repository.getDeploymentResourceNames(d.getId())));
    assertThat(names).contains("processes/early-plan.bpmn", "processes/plan-405.bpmn", "forms/decideApplication.form")
        .allMatch(name -> name.matches("(processes|forms)/[A-Za-z0-9-]+\\.(bpmn|form)"), "a folder and a file name");
    String deployment = repository.createDeploymentQuery().list().stream()
        .filter(d -> repository.getDeploymentResourceNames(d.getId()).contains("forms/decideApplication.form"))
        .findFirst().orElseThrow().getId();
    Answer listed = call(MANAGER, "GET", "deployment/" + deployment + "/resources", null);
    assertThat(listed.status()).isEqualTo(200);
    assertThat(listed.body()).contains("forms/decideApplication.form").doesNotContain("target/classes").doesNotContain("/work/");
  }

  /** Identity and authorizations: one's own profile and groups only; the rest is Admin's (administrators). */
  @Test
  void identityAndAuthorizationCalls() {
    row("GET user/{self}/profile", "200", "200", "200", "200", "200", "200", "401",
        role -> status(call(role, "GET", "user/" + USERS.getOrDefault(role, "x") + "/profile", null)));
    row("GET user/{someone else}/profile", "403", "403", "403", "403", "403", "403", "401",
        role -> status(call(role, "GET", "user/" + USERS.get(role.equals(C13) ? C27 : C13) + "/profile", null)));
    row("GET user (everyone)", "403", "403", "403", "403", "403", "403", "401",
        role -> status(call(role, "GET", "user", null)));
    row("GET user?id= (Tasklist's assignee check)", "200", "200", "200", "403", "403", "403", "401",
        role -> status(call(role, "GET", "user?maxResults=1&id=" + USERS.get(C13), null)));
    row("POST user/create", "403", "403", "403", "403", "403", "403", "401",
        role -> status(call(role, "POST", "user/create", Map.of("profile", Map.of("id", "es-intruder"),
            "credentials", Map.of("password", "Intruder-pass-1")))));
    row("GET group?member={self}", "200", "200", "200", "200", "200", "200", "401",
        role -> status(call(role, "GET", "group?member=" + USERS.getOrDefault(role, "x"), null)));
    row("GET group", "403", "403", "403", "403", "403", "403", "401",
        role -> status(call(role, "GET", "group", null)));
    row("PUT group/{id}/members/{self}", "403", "403", "403", "403", "403", "403", "401",
        role -> status(call(role, "PUT", "group/camunda-admin/members/" + USERS.getOrDefault(role, "x"), null)));
    row("GET tenant", "403", "403", "403", "403", "403", "403", "401",
        role -> status(call(role, "GET", "tenant", null)));
    row("GET authorization", "403", "403", "403", "403", "403", "403", "401",
        role -> status(call(role, "GET", "authorization", null)));
    row("POST authorization/create", "403", "403", "403", "403", "403", "403", "401",
        role -> status(call(role, "POST", "authorization/create", Map.of("type", 1, "permissions", List.of("ALL"),
            "userId", USERS.getOrDefault(role, "x"), "resourceType", 0, "resourceId", "*"))));
    assertThat(identity.createUserQuery().userId("es-intruder").count()).isZero();
    assertThat(identity.createUserQuery().memberOfGroup(Groups.ADMIN).userId(USERS.get(C13)).count()).isZero();
  }

  /** /engine-rest is the administrators' surface; every other role is refused, whatever it asks. */
  @Test
  void theEngineRestApiIsForAdministratorsOnly() {
    row("/engine-rest GET task", "403", "403", "403", "403", "403", "403", "401",
        role -> status(basic(role, HttpMethod.GET, "/engine-rest/task", null)));
    row("/engine-rest GET history/user-operation", "403", "403", "403", "403", "403", "403", "401",
        role -> status(basic(role, HttpMethod.GET, "/engine-rest/history/user-operation", null)));
    row("/engine-rest PUT process-instance/{instance13}/variables/councilCode", "403", "403", "403", "403", "403",
        "403", "401", role -> status(basic(role, HttpMethod.PUT, "/engine-rest/process-instance/" + instance13
            + "/variables/councilCode", Map.of("value", "27"))));
    row("/engine-rest POST task/{decide13}/comment/create", "403", "403", "403", "403", "403", "403", "401",
        role -> status(basic(role, HttpMethod.POST, "/engine-rest/task/" + decide13 + "/comment/create",
            Map.of("message", "x"))));
    TestRestTemplate admin = anonymous.withBasicAuth(WholeAppOnMariaDb.ADMIN, WholeAppOnMariaDb.ADMIN_PASSWORD);
    assertThat(admin.getForEntity("/engine-rest/task?maxResults=1", String.class).getStatusCode().value()).isEqualTo(200);
    ResponseEntity<String> refused = anonymous.withBasicAuth(USERS.get(C13), PASSWORD)
        .getForEntity("/engine-rest/task", String.class);
    assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json;charset=UTF-8");
    assertThat(refused.getBody()).contains("管理者専用");
  }

  /** Refusals answer like /api: problem+json, in Japanese, and a foreign id exactly like an unknown one. */
  @Test
  void refusalsAreProblemJsonAndAForeignIdAnswersLikeAnUnknownOne() {
    Answer foreign = call(C27, "POST", "task/" + decide13 + "/claim", Map.of("userId", USERS.get(C27)));
    Answer unknown = call(C27, "POST", "task/00000000-0000-0000-0000-000000000000/claim", Map.of("userId",
        USERS.get(C27)));
    assertThat(foreign.status()).isEqualTo(404);
    assertThat(foreign.body()).isEqualTo(unknown.body());
    assertThat(foreign.contentType()).startsWith("application/problem+json");
    Answer forbidden = call(MANAGER, "POST", "task/" + decide13 + "/comment/create", Map.of("message", "x"));
    assertThat(forbidden.contentType()).startsWith("application/problem+json");
    assertThat(forbidden.body()).contains("\"title\":\"権限がありません\"", "\"message\"");
    Answer extra = call(C13, "POST", "task/" + decide13 + "/submit-form", Map.of("variables", untyped(Map.of(
        "decision", "RETURN", "decisionComment", "試験", "leadAgencyId", 99))));
    assertThat(extra.status()).isEqualTo(400);
    assertThat(extra.body()).contains("leadAgencyId", "このタスクの入力項目ではありません");
    assertThat(runtime.getVariable(instance13, "leadAgencyId")).isNotEqualTo(99L);
  }

  // --- helpers

  /** Runs the call for every role and asserts each cell against the expected row (in ROLES order); records it. */
  private void row(String call, String c13, String c27, String s13, String a, String b, String m, String anon,
      Function<String, String> cell) {
    List<String> expected = List.of(c13, c27, s13, a, b, m, anon);
    Map<String, String> row = TABLE.computeIfAbsent(call, k -> new LinkedHashMap<>());
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < ROLES.size(); i++) {
      String actual = cell.apply(ROLES.get(i));
      row.put(ROLES.get(i), actual);
      if (!expected.get(i).equals(actual)) {
        wrong.add(ROLES.get(i) + ": expected " + expected.get(i) + " but was " + actual + " " + last);
      }
    }
    assertThat(wrong).as(call).isEmpty();
  }

  /** After an assignment that succeeded, the task goes back to nobody, so the next role meets the same task. */
  private String unassigned(String status, String taskId) {
    if (status.equals("204")) {
      tasks.setAssignee(taskId, null);
    }
    return status;
  }

  private Answer last;

  private Answer call(String role, String method, String path, Object body) {
    last = sessions.get(role).engine(method, path, body);
    return last;
  }

  private ResponseEntity<String> basic(String role, HttpMethod method, String path, Object body) {
    TestRestTemplate http = role.equals(ANONYMOUS) ? anonymous : anonymous.withBasicAuth(USERS.get(role), PASSWORD);
    return http.exchange(path, method, body == null ? null : new HttpEntity<>(body), String.class);
  }

  private static String status(Answer answer) {
    return String.valueOf(answer.status());
  }

  private static String status(ResponseEntity<?> response) {
    return String.valueOf(response.getStatusCode().value());
  }

  /** The status, and for a 200 which of the two cases the answer's rows belong to. */
  private static String rows(Answer answer) {
    if (answer.status() != 200) {
      return status(answer);
    }
    boolean has13 = answer.body().contains(instance13), has27 = answer.body().contains(instance27);
    return "200 " + (has13 && has27 ? "13+27" : has13 ? "13" : has27 ? "27" : "none");
  }

  private String apply(String role, String council, String agencyCode, String company) {
    ResponseEntity<Map<String, Object>> started = anonymous.withBasicAuth(USERS.get(role), PASSWORD).exchange(
        "/api/early-plan/applications", HttpMethod.POST, new HttpEntity<>(application(council, agencyCode, company)),
        new ParameterizedTypeReference<>() { });
    assertThat(started.getStatusCode().value()).as("%s applies: %s", role, started.getBody()).isEqualTo(201);
    return (String) started.getBody().get("caseNumber");
  }

  private String instance(String caseNumber) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).singleResult().getId();
  }

  private String decideTask(String caseNumber) {
    var task = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey("decideApplication")
        .singleResult();
    return task == null ? null : task.getId();
  }

  static Map<String, Object> application(String council, String agencyCode, String company) {
    Map<String, Object> v = EarlyPlanLifecycleIT.soleProprietor(agencyCode, company);
    v.put("councilCode", council);
    return v;
  }

}
