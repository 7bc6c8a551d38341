package jp.keieikaizen.security;

import static jp.keieikaizen.EarlyPlanLifecycleIT.untyped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import jp.keieikaizen.EarlyPlanLifecycleIT;
import jp.keieikaizen.system.WholeAppOnMariaDb;

/**
 * Every role × every action on a 東京 case led by agency A, through /api, Tasklist's calls and /engine-rest: the allowed
 * cells succeed
 * and every forbidden cell is refused (401 anonymous, 403 may see but not do, 404 may not even see, or an empty
 * answer where a list is filtered). The table it printed is the one in the closing note.
 */
@WholeAppOnMariaDb
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RoleTenantMatrixIT {

  static final String PASSWORD = "Matrix-pass-1";
  static final String C13 = "coordinator 東京", C27 = "coordinator 大阪", S13 = "supervisor 東京", AGENCY_A = "agency A",
      AGENCY_B = "agency B", MANAGER = "manager", ANONYMOUS = "anonymous";
  static final List<String> ROLES = List.of(C13, C27, S13, AGENCY_A, AGENCY_B, MANAGER, ANONYMOUS);
  static final Map<String, String> USERS = Map.of(C13, "mx-coord-13", C27, "mx-coord-27", S13, "mx-super-13",
      AGENCY_A, "mx-agency-a", AGENCY_B, "mx-agency-b", MANAGER, "mx-manager");
  static final ParameterizedTypeReference<Object> ANY = new ParameterizedTypeReference<>() {
  };
  static final Map<String, Map<String, String>> TABLE = new LinkedHashMap<>();

  @Autowired TestRestTemplate anonymous;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  @Autowired AccessSetup access;
  @org.springframework.boot.test.web.server.LocalServerPort int port;
  final Map<String, jp.keieikaizen.system.WebappSession> sessions = new java.util.HashMap<>();

  static String agencyCodeA = "108413990001", agencyCodeB = "108413990002";
  static String caseNumber;
  static long agencyA;

  @BeforeEach
  void usersAndACase() {
    if (caseNumber != null) {
      return;
    }
    TestRestTemplate admin = anonymous.withBasicAuth(WholeAppOnMariaDb.ADMIN, WholeAppOnMariaDb.ADMIN_PASSWORD);
    agencyA = registerAgency(admin, agencyCodeA, "マトリクスA会計事務所");
    long agencyB = registerAgency(admin, agencyCodeB, "マトリクスB会計事務所");
    user(USERS.get(C13), Groups.coordinator("13"));
    user(USERS.get(C27), Groups.coordinator("27"));
    user(USERS.get(S13), Groups.supervisor("13"));
    user(USERS.get(AGENCY_A), Groups.agency(agencyA));
    user(USERS.get(AGENCY_B), Groups.agency(agencyB));
    user(USERS.get(MANAGER), Groups.NATIONAL_MANAGER);
    ResponseEntity<Map<String, Object>> started = as(AGENCY_A).exchange("/api/early-plan/applications", HttpMethod.POST,
        new HttpEntity<>(application("13", agencyCodeA)), new ParameterizedTypeReference<>() { });
    assertThat(started.getStatusCode().value()).as("agency A applies: %s", started.getBody()).isEqualTo(201);
    caseNumber = (String) started.getBody().get("caseNumber");
    await().atMost(Duration.ofSeconds(30)).until(() -> decideTask() != null);
  }

  @AfterAll
  static void printTable() {
    StringBuilder md = new StringBuilder("\n| action | " + String.join(" | ", ROLES) + " |\n|---|"
        + "---|".repeat(ROLES.size()) + "\n");
    TABLE.forEach((action, cells) -> md.append("| ").append(action).append(" | ")
        .append(String.join(" | ", ROLES.stream().map(r -> cells.getOrDefault(r, "")).toList())).append(" |\n"));
    org.slf4j.LoggerFactory.getLogger(RoleTenantMatrixIT.class).warn("role × action matrix:{}", md);
  }

  @Test
  @Order(1)
  void listCases() {
    expect("list cases", Map.of(C13, "200 listed", C27, "200 not listed", S13, "200 listed", AGENCY_A, "200 listed",
        AGENCY_B, "200 not listed", MANAGER, "200 listed", ANONYMOUS, "401"), role -> {
          ResponseEntity<Object> r = get(role, "/api/cases?size=100");
          if (r.getStatusCode().value() != 200) {
            return String.valueOf(r.getStatusCode().value());
          }
          return "200 " + (r.getBody().toString().contains(caseNumber) ? "listed" : "not listed");
        });
  }

  @Test
  @Order(1)
  void readACase() {
    expect("read a case", Map.of(C13, "200", C27, "404", S13, "200", AGENCY_A, "200", AGENCY_B, "404", MANAGER, "200",
        ANONYMOUS, "401"), role -> status(get(role, "/api/cases/" + caseNumber)));
    // an unknown case is answered exactly like a forbidden one
    ResponseEntity<Object> unknown = get(C27, "/api/cases/13-2099-9999");
    ResponseEntity<Object> forbidden = get(C27, "/api/cases/" + caseNumber);
    assertThat(unknown.getStatusCode()).isEqualTo(forbidden.getStatusCode());
    assertThat(((Map<?, ?>) forbidden.getBody()).get("title")).isEqualTo(((Map<?, ?>) unknown.getBody()).get("title"));
  }

  @Test
  @Order(1)
  void readItsDocumentsLedgerSubsidyAndAudit() {
    Map<String, String> expected = Map.of(C13, "200", C27, "404", S13, "200", AGENCY_A, "200", AGENCY_B, "404",
        MANAGER, "200", ANONYMOUS, "401");
    expect("read its documents", expected, role -> status(get(role, "/api/cases/" + caseNumber + "/documents")));
    expect("read its ledger and subsidy", expected, role -> {
      String ledger = status(get(role, "/api/cases/" + caseNumber + "/ledger"));
      String subsidy = status(get(role, "/api/cases/" + caseNumber + "/subsidy"));
      return ledger.equals(subsidy) ? ledger : ledger + "/" + subsidy;
    });
    expect("read its audit trail", expected, role -> status(get(role, "/api/cases/" + caseNumber + "/audit")));
  }

  @Test
  @Order(1)
  void listTasks() {
    expect("list the case's tasks", Map.of(C13, "200 1", C27, "404", S13, "200 1", AGENCY_A, "200 0", AGENCY_B, "404",
        MANAGER, "200 1", ANONYMOUS, "401"), role -> {
          ResponseEntity<Object> r = get(role, "/api/cases/" + caseNumber + "/tasks");
          return r.getStatusCode().value() == 200 ? "200 " + ((List<?>) r.getBody()).size() : status(r);
        });
    expect("own inbox holds the decision task", Map.of(C13, "yes", C27, "no", S13, "no", AGENCY_A, "no", AGENCY_B, "no",
        MANAGER, "no", ANONYMOUS, "401"), role -> {
          ResponseEntity<Object> r = get(role, "/api/tasks");
          return r.getStatusCode().value() == 200 ? (r.getBody().toString().contains(decideTask()) ? "yes" : "no") : status(r);
        });
  }

  /** Comments: whoever may work the task and its council's staff; national managers only read (#13). */
  @Test
  @Order(1)
  void commentOnTheCouncilsTask() {
    expect("comment on the council's task (/api)", Map.of(C13, "201", C27, "404", S13, "201", AGENCY_A, "403",
        AGENCY_B, "404", MANAGER, "403", ANONYMOUS, "401"),
        role -> status(post(role, "/api/tasks/" + decideTask() + "/comments", Map.of("message", "確認しました"))));
  }

  @Test
  @Order(2) // last: it moves the case on
  void claimAndCompleteTheDecisionTaskAndTheAgencysNextTask() {
    String task = decideTask();
    // every forbidden attempt first: none of them may change the task
    expect("complete the council's task", Map.of(C27, "404", S13, "403", AGENCY_A, "403", AGENCY_B, "404", MANAGER, "403",
        ANONYMOUS, "401"), role -> status(post(role, "/api/tasks/" + task + "/complete", Map.of("decision", "ACCEPT",
            "decisionComment", "マトリクス"))));
    expect("claim the council's task", Map.of(C27, "404", S13, "403", AGENCY_A, "403", AGENCY_B, "404", MANAGER, "403",
        ANONYMOUS, "401"), role -> status(post(role, "/api/tasks/" + task + "/claim", Map.of())));
    assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();

    assertThat(status(post(C13, "/api/tasks/" + task + "/claim", Map.of()))).isEqualTo("204");
    TABLE.get("claim the council's task").put(C13, "204");
    assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo(USERS.get(C13));
    jp.keieikaizen.system.TestDocuments.provide(as(C13), task);
    assertThat(status(post(C13, "/api/tasks/" + task + "/complete", Map.of("decision", "ACCEPT",
        "decisionComment", "マトリクス")))).isEqualTo("204");
    TABLE.get("complete the council's task").put(C13, "204");
    // the audit trail shows who claimed and completed it (engine) and the decision (the case's timeline)
    String audit = get(C13, "/api/cases/" + caseNumber + "/audit").getBody().toString();
    assertThat(audit).contains("担当（タスク）", "タスク完了", "利用申請を決定する", "DECISION_ACCEPT", USERS.get(C13));

    // the agency's next task (draftPlan): A works it; the agency group joined 東京's tenant when it was offered
    String draft = await().atMost(Duration.ofSeconds(30)).until(() -> openTask("draftPlan"), t -> t != null);
    expect("claim the agency's task", Map.of(C13, "403", C27, "404", S13, "403", AGENCY_A, "204", AGENCY_B, "404",
        MANAGER, "403", ANONYMOUS, "401"), role -> {
          String s = status(post(role, "/api/tasks/" + draft + "/claim", Map.of()));
          if (s.equals("204")) {
            tasks.setAssignee(draft, null); // so the next role meets the same task
          }
          return s;
        });
    assertThat(identity.createTenantQuery().tenantId("13").groupMember(Groups.agency(agencyA)).count()).isEqualTo(1);
  }

  @Test
  @Order(1)
  void startACaseForAnotherCouncil() {
    expect("start a case for another council", Map.of(C13, "403", C27, "403", S13, "403", AGENCY_A, "201",
        AGENCY_B, "201", MANAGER, "403", ANONYMOUS, "401"), role -> {
          String council = role.equals(C13) ? "27" : "13"; // 東京's coordinator tries 大阪, everyone else 東京
          String agency = role.equals(AGENCY_B) ? agencyCodeB : agencyCodeA;
          return status(post(role, "/api/early-plan/applications", application(council, agency)));
        });
    expect("start a case for own council", Map.of(C13, "201", C27, "201"), role ->
        status(post(role, "/api/early-plan/applications", application(role.equals(C13) ? "13" : "27", agencyCodeA))));
    // an agency cannot apply in another agency's name
    assertThat(status(post(AGENCY_B, "/api/early-plan/applications", application("13", agencyCodeA)))).isEqualTo("400");
  }

  @Test
  @Order(1)
  void uploadADocumentAndHandTheCaseOver() {
    expect("upload a document", Map.of(C13, "201", C27, "404", S13, "201", AGENCY_A, "201", AGENCY_B, "404",
        MANAGER, "403", ANONYMOUS, "401"), role -> {
          var body = new org.springframework.util.LinkedMultiValueMap<String, Object>();
          body.add("type", "APPLICATION_FORM");
          body.add("step", "APPLICATION");
          body.add("file", new org.springframework.core.io.ByteArrayResource("%PDF-1.4 matrix".getBytes()) {
            @Override
            public String getFilename() {
              return "申請書.pdf";
            }
          });
          var headers = new org.springframework.http.HttpHeaders();
          headers.setContentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA);
          return status(as(role).exchange("/api/cases/" + caseNumber + "/documents", HttpMethod.POST,
              new HttpEntity<>(body, headers), ANY));
        });
    expect("hand the case over (引継ぎ)", Map.of(C27, "404", S13, "403", AGENCY_A, "403", AGENCY_B, "404", MANAGER, "403",
        ANONYMOUS, "401"), role -> status(post(role, "/api/cases/" + caseNumber + "/handover", Map.of("reason", "試験"))));
    // the early plan has no 引継ぎ: the coordinator passes the access check and meets the state rule
    assertThat(status(post(C13, "/api/cases/" + caseNumber + "/handover", Map.of("reason", "試験")))).isEqualTo("409");
    TABLE.get("hand the case over (引継ぎ)").put(C13, "409 (allowed; no 引継ぎ in the early plan)");
    String later = LocalDate.now(ZoneId.of("Asia/Tokyo")).plusYears(3).toString();
    expect("extend the application's validity (有効期限の延長)", Map.of(C27, "404", S13, "403", AGENCY_A, "403",
        AGENCY_B, "404", MANAGER, "403", ANONYMOUS, "401"), role -> status(post(role, "/api/cases/" + caseNumber
            + "/validity-extension", Map.of("newValidUntil", later, "reason", "試験"))));
    // an early plan's application has no validity to extend: the coordinator passes the access check, meets the rule
    assertThat(status(post(C13, "/api/cases/" + caseNumber + "/validity-extension", Map.of("newValidUntil", later,
        "reason", "試験")))).isEqualTo("409");
    TABLE.get("extend the application's validity (有効期限の延長)").put(C13, "409 (allowed; an early plan has no validity)");
    // withdrawal ends a case, so each allowed role withdraws one of its own
    expect("withdraw a case (取下げ)", Map.of(C13, "204", C27, "404", S13, "204", AGENCY_A, "204", AGENCY_B, "404",
        MANAGER, "403", ANONYMOUS, "401"), role -> {
          ResponseEntity<Object> own = post(C13, "/api/early-plan/applications", application("13", agencyCodeA));
          String other = (String) ((Map<?, ?>) own.getBody()).get("caseNumber");
          await().atMost(Duration.ofSeconds(30)).until(() -> tasks.createTaskQuery().processInstanceBusinessKey(other).count() > 0);
          return status(post(role, "/api/cases/" + other + "/withdrawal", Map.of("reason", "事業者の都合")));
        });
    // the audit trail names who uploaded
    assertThat(get(C13, "/api/cases/" + caseNumber + "/audit").getBody().toString()).contains("DOCUMENT_ADDED", USERS.get(S13));
  }

  @Test
  @Order(1)
  void readStatistics() {
    int fiscalYear = LocalDate.now(ZoneId.of("Asia/Tokyo")).minusMonths(3).getYear();
    expect("read statistics (budget)", Map.of(C13, "200 13", C27, "200 27", S13, "200 13", AGENCY_A, "403",
        AGENCY_B, "403", MANAGER, "200 all 47", ANONYMOUS, "401"), role -> {
          ResponseEntity<Object> r = get(role, "/api/budget/" + fiscalYear);
          if (r.getStatusCode().value() != 200) {
            return status(r);
          }
          List<?> rows = (List<?>) r.getBody();
          return rows.size() == 47 ? "200 all 47" : "200 " + String.join(",",
              rows.stream().map(row -> (String) ((Map<?, ?>) row).get("councilCode")).toList());
        });
  }

  /** /engine-rest is the administrators' (docs/adr/0008); EngineSurfaceMatrixIT covers every resource family. */
  @Test
  @Order(1)
  void callTheEngineRestApiDirectly() {
    expect("/engine-rest: the case's instances", Map.of(C13, "403", C27, "403", S13, "403", AGENCY_A, "403",
        AGENCY_B, "403", MANAGER, "403", ANONYMOUS, "401"),
        role -> status(get(role, "/engine-rest/process-instance?businessKey=" + caseNumber)));
    expect("/engine-rest: start for 東京", Map.of(C13, "403", C27, "403", S13, "403", AGENCY_A, "403", MANAGER, "403",
        ANONYMOUS, "401"),
        role -> status(post(role, "/engine-rest/process-definition/key/earlyPlan/submit-form",
            Map.of("variables", untyped(application("13", agencyCodeA))))));
    expect("Tasklist (webapps' engine API): start for 東京", Map.of(C13, "200", C27, "403", S13, "403", AGENCY_A, "200",
        MANAGER, "403", ANONYMOUS, "401"), role -> String.valueOf(session(role).engine("POST",
            "process-definition/key/earlyPlan/submit-form", Map.of("variables", untyped(application("13", agencyCodeA))))
            .status()));
  }

  /** Tasklist's filters, as Tasklist reads them (the webapps' engine API): who is offered which, and what they list. */
  @Test
  @Order(1)
  void tasklistFilters() {
    expect("Tasklist filters offered", Map.of(C13, "自協議会の未処理タスク,自分の担当,期限超過,今週期限（7日以内）",
        C27, "自協議会の未処理タスク,自分の担当,期限超過,今週期限（7日以内）",
        S13, "自協議会の未処理タスク,自分の担当,期限超過,今週期限（7日以内）",
        AGENCY_A, "自機関の対応待ち,自分の担当,期限超過,今週期限（7日以内）",
        AGENCY_B, "自機関の対応待ち,自分の担当,期限超過,今週期限（7日以内）",
        MANAGER, "自分の担当,期限超過,今週期限（7日以内）,全国の未処理タスク", ANONYMOUS, "401"), role -> {
          var r = session(role).engine("GET", "filter?resourceType=Task&sortBy=name&sortOrder=asc", null);
          if (r.status() != 200) {
            return String.valueOf(r.status());
          }
          return ((List<?>) r.json()).stream().map(f -> (Map<?, ?>) f)
              .sorted(java.util.Comparator.comparing(f -> ((Number) ((Map<?, ?>) f.get("properties")).get("priority")).intValue()))
              .map(f -> (String) f.get("name")).collect(java.util.stream.Collectors.joining(","));
        });
    String council = filterId("自協議会の未処理タスク");
    expect("自協議会の未処理タスク lists the decision task", Map.of(C13, "yes", C27, "no", S13, "no", AGENCY_A, "403",
        MANAGER, "403", ANONYMOUS, "401"), role -> listsDecisionTask(role, council));
    String national = filterId("全国の未処理タスク");
    expect("全国の未処理タスク lists the decision task", Map.of(C13, "403", AGENCY_A, "403", MANAGER, "yes"),
        role -> listsDecisionTask(role, national));
    String thisWeek = filterId("今週期限（7日以内）");
    expect("今週期限 lists the decision task (due in 14 days)", Map.of(C13, "no"), role -> listsDecisionTask(role, thisWeek));

    var task = tasks.createTaskQuery().taskId(decideTask()).singleResult();
    assertThat(task.getName()).isEqualTo("利用申請を決定する｜" + caseNumber + " 株式会社マトリクス試験");
    assertThat(task.getDescription()).contains("早期経営改善計画", caseNumber, "/app/cases/" + caseNumber);
    assertThat(Duration.between(task.getFollowUpDate().toInstant(), task.getDueDate().toInstant())).isEqualTo(Duration.ofDays(3));
  }

  private String filterId(String name) {
    return ((List<?>) anonymous.withBasicAuth(WholeAppOnMariaDb.ADMIN, WholeAppOnMariaDb.ADMIN_PASSWORD)
        .exchange("/engine-rest/filter?name={name}", HttpMethod.GET, null, ANY, name).getBody()).stream()
        .map(f -> (String) ((Map<?, ?>) f).get("id")).findFirst().orElseThrow(() -> new AssertionError("no filter " + name));
  }

  private String listsDecisionTask(String role, String filterId) {
    var r = session(role).engine("POST", "filter/" + filterId + "/list?maxResults=1000", Map.of());
    return r.status() == 200 ? (r.body().contains(decideTask()) ? "yes" : "no") : String.valueOf(r.status());
  }

  // --- helpers

  /** Runs the action for every role in the expectation and asserts each cell; records the table. */
  private void expect(String action, Map<String, String> expected, Function<String, String> cell) {
    Map<String, String> row = TABLE.computeIfAbsent(action, a -> new LinkedHashMap<>());
    List<String> wrong = new ArrayList<>();
    for (String role : ROLES) {
      if (!expected.containsKey(role)) {
        continue;
      }
      String actual = cell.apply(role);
      row.put(role, actual);
      if (!expected.get(role).equals(actual)) {
        wrong.add(role + ": expected " + expected.get(role) + " but was " + actual);
      }
    }
    assertThat(wrong).as(action).isEmpty();
  }

  /** The role's Tasklist session (logged in once per role and test instance). */
  private jp.keieikaizen.system.WebappSession session(String role) {
    return sessions.computeIfAbsent(role, r -> r.equals(ANONYMOUS) ? jp.keieikaizen.system.WebappSession.anonymous(port)
        : jp.keieikaizen.system.WebappSession.login(port, USERS.get(r), PASSWORD));
  }

  private TestRestTemplate as(String role) {
    return role.equals(ANONYMOUS) ? anonymous : anonymous.withBasicAuth(USERS.get(role), PASSWORD);
  }

  private ResponseEntity<Object> get(String role, String path) {
    return as(role).exchange(path, HttpMethod.GET, null, ANY);
  }

  private ResponseEntity<Object> post(String role, String path, Map<String, Object> body) {
    return as(role).exchange(path, HttpMethod.POST, new HttpEntity<>(body), ANY);
  }

  private static String status(ResponseEntity<?> response) {
    return String.valueOf(response.getStatusCode().value());
  }

  private String decideTask() {
    return openTask("decideApplication");
  }

  private String openTask(String key) {
    var task = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(key).singleResult();
    return task == null ? null : task.getId();
  }

  private void user(String id, String group) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName(id);
      user.setLastName("試験");
      user.setPassword(PASSWORD);
      identity.saveUser(user);
      identity.createMembership(id, group);
    }
  }

  private long registerAgency(TestRestTemplate admin, String code, String name) {
    ResponseEntity<Map<String, Object>> r = admin.exchange("/api/agencies", HttpMethod.POST, new HttpEntity<>(Map.of(
        "agencyCode", code, "name", name, "kind", "CPA", "certifiedFrom", "2024-04-01", "certifiedTo", "2029-03-31")),
        new ParameterizedTypeReference<>() { });
    if (r.getStatusCode().value() == 400) { // registered by an earlier attempt in this run
      return admin.exchange("/api/agencies", HttpMethod.GET, null, new ParameterizedTypeReference<List<Map<String, Object>>>() { })
          .getBody().stream().filter(a -> code.equals(a.get("agencyCode"))).map(a -> ((Number) a.get("id")).longValue())
          .findFirst().orElseThrow();
    }
    assertThat(r.getStatusCode().value()).as("register %s: %s", code, r.getBody()).isEqualTo(201);
    return ((Number) r.getBody().get("id")).longValue();
  }

  static Map<String, Object> application(String council, String agencyCode) {
    Map<String, Object> v = EarlyPlanLifecycleIT.soleProprietor(agencyCode, "株式会社マトリクス試験");
    v.put("councilCode", council);
    return v;
  }

}
