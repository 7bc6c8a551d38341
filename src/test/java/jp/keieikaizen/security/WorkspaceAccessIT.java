package jp.keieikaizen.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;

import jp.keieikaizen.EarlyPlanLifecycleIT;
import jp.keieikaizen.system.TestAgencies;
import jp.keieikaizen.system.TestUsers;
import jp.keieikaizen.system.WebappSession;
import jp.keieikaizen.system.WholeAppOnMariaDb;

/**
 * The workspace's cells of the role × tenant matrix (#14): a task's page, its form and its completion answer the
 * case's own council and the case's own agency; another council's staff and another agency get 404, exactly as for an
 * unknown task; a national manager reads but may not complete (403); without a login the pages send the browser to
 * the login page; a completion without the page's CSRF token is refused (403) and leaves the task open. The case
 * page's 取下げ and 引継ぎ keep to the same rules.
 */
@WholeAppOnMariaDb
class WorkspaceAccessIT {

  static final String PASSWORD = "Workspace-Cells-2026", OWN_AGENCY = "108413990051", OTHER_AGENCY = "108413990052";

  @LocalServerPort int port;
  @Autowired TestRestTemplate anonymous;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;

  @Test
  void aTasksPageFormAndCompletionKeepToTheCasesCouncilAndAgency() {
    TestRestTemplate admin = anonymous.withBasicAuth(WholeAppOnMariaDb.ADMIN, WholeAppOnMariaDb.ADMIN_PASSWORD);
    long own = TestAgencies.register(admin, OWN_AGENCY, "作業画面権限試験事務所");
    long other = TestAgencies.register(admin, OTHER_AGENCY, "作業画面他機関事務所");
    Map<String, String> users = new LinkedHashMap<>();
    users.put("coordinator 13", "wa-coord-13");
    users.put("coordinator 27", "wa-coord-27");
    users.put("agency (own case)", "wa-agency-own");
    users.put("agency (other)", "wa-agency-other");
    users.put("national manager", "wa-manager");
    TestUsers.ensure(identity, "wa-coord-13", PASSWORD, Groups.coordinator("13"), null);
    TestUsers.ensure(identity, "wa-coord-27", PASSWORD, Groups.coordinator("27"), null);
    TestUsers.ensure(identity, "wa-agency-own", PASSWORD, Groups.agency(own), null);
    TestUsers.ensure(identity, "wa-agency-other", PASSWORD, Groups.agency(other), null);
    TestUsers.ensure(identity, "wa-manager", PASSWORD, Groups.NATIONAL_MANAGER, null);

    String caseNumber = (String) anonymous.withBasicAuth("wa-agency-own", PASSWORD).exchange(
        "/api/early-plan/applications", HttpMethod.POST,
        new HttpEntity<>(EarlyPlanLifecycleIT.soleProprietor(OWN_AGENCY, "株式会社作業画面権限試験")), EarlyPlanLifecycleIT.JSON)
        .getBody().get("caseNumber");
    String decide = await().atMost(Duration.ofSeconds(30)).until(() -> {
      var t = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey("decideApplication")
          .singleResult();
      return t == null ? null : t.getId();
    }, id -> id != null);

    List<String> cells = new ArrayList<>();
    users.forEach((role, user) -> {
      WebappSession session = WebappSession.anonymous(port);
      session.formLogin(user, PASSWORD);
      cells.add(role + ": page " + session.send("GET", "/app/tasks/" + decide, null, null).status()
          + ", form " + session.send("GET", "/app/tasks/" + decide + "/form", null, null).status()
          + ", complete " + session.workspace("POST", "/app/tasks/" + decide + "/complete", "{\"decision\":\"ACCEPT\"}")
              .status());
    });
    WebappSession nobody = WebappSession.anonymous(port);
    cells.add("anonymous: page " + nobody.send("GET", "/app/tasks/" + decide, null, null).status()
        + ", form " + nobody.send("GET", "/app/tasks/" + decide + "/form", null, null).status());
    assertThat(cells).containsExactly(
        // the coordinator may open it; the decision itself is refused with its reason (400) until its documents are filed
        "coordinator 13: page 200, form 200, complete 400",
        "coordinator 27: page 404, form 404, complete 404",
        "agency (own case): page 200, form 200, complete 403",
        "agency (other): page 404, form 404, complete 404",
        "national manager: page 200, form 200, complete 403",
        "anonymous: page 302, form 302");

    // the case page's actions: another council's or agency's users get 404, a manager and the agency's handover 403
    String form = "reason=%E7%90%86%E7%94%B1&confirm=yes";
    List<String> actions = new ArrayList<>();
    for (String role : List.of("coordinator 27", "agency (other)", "national manager", "agency (own case)")) {
      WebappSession session = WebappSession.anonymous(port);
      session.formLogin(users.get(role), PASSWORD);
      String withdrawal = role.equals("agency (own case)") ? "-" : String.valueOf(session.workspace("POST",
          "/app/cases/" + caseNumber + "/withdrawal", form, "application/x-www-form-urlencoded").status());
      actions.add(role + ": withdrawal " + withdrawal + ", handover " + session.workspace("POST",
          "/app/cases/" + caseNumber + "/handover", form, "application/x-www-form-urlencoded").status());
    }
    assertThat(actions).containsExactly("coordinator 27: withdrawal 404, handover 404",
        "agency (other): withdrawal 404, handover 404", "national manager: withdrawal 403, handover 403",
        "agency (own case): withdrawal -, handover 403");
    assertThat(tasks.createTaskQuery().taskId(decide).count()).as("the case goes on").isEqualTo(1);

    // a new application and the page after it: the application form for agencies and coordinators, the application
    // set for the case's own council and agency
    List<String> application = new ArrayList<>();
    users.forEach((role, user) -> {
      WebappSession session = WebappSession.anonymous(port);
      session.formLogin(user, PASSWORD);
      application.add(role + ": new " + session.send("GET", "/app/applications/new", null, null).status()
          + ", set " + session.send("GET", "/app/cases/" + caseNumber + "/application", null, null).status()
          + ", upload " + session.workspace("POST", "/app/cases/" + caseNumber + "/application/documents",
              "type=APPLICATION_FORM&step=APPLICATION", "application/x-www-form-urlencoded").status());
    });
    // an upload without a file goes back to the page with the rule (302); another council's or agency's is 404
    assertThat(application).containsExactly("coordinator 13: new 200, set 200, upload 302",
        "coordinator 27: new 200, set 404, upload 404", "agency (own case): new 200, set 200, upload 302",
        "agency (other): new 200, set 404, upload 404", "national manager: new 403, set 200, upload 403");

    // a document downloads on the session, for whoever may see the case
    var uploaded = jp.keieikaizen.system.TestDocuments.upload(anonymous.withBasicAuth("wa-agency-own", PASSWORD), caseNumber,
        "APPLICATION_FORM", "APPLICATION", null, null, "申請書.pdf");
    assertThat(uploaded.getStatusCode().value()).as("%s", uploaded.getBody()).isEqualTo(201);
    String document = "/app/cases/" + caseNumber + "/documents/" + uploaded.getBody().get("id");
    List<String> downloads = new ArrayList<>();
    users.forEach((role, user) -> {
      WebappSession session = WebappSession.anonymous(port);
      session.formLogin(user, PASSWORD);
      var answer = session.send("GET", document, null, null);
      downloads.add(role + ": " + answer.status() + (answer.status() == 200 ? " " + answer.contentType() : ""));
    });
    assertThat(downloads).containsExactly("coordinator 13: 200 application/pdf", "coordinator 27: 404",
        "agency (own case): 200 application/pdf", "agency (other): 404", "national manager: 200 application/pdf");

    // the case list's search and its CSV keep to the caller's scope
    List<String> found = new ArrayList<>();
    users.forEach((role, user) -> {
      WebappSession session = WebappSession.anonymous(port);
      session.formLogin(user, PASSWORD);
      var byCompany = session.send("GET", "/app/cases?q=" + java.net.URLEncoder.encode("作業画面権限",
          java.nio.charset.StandardCharsets.UTF_8), null, null);
      var byNumber = session.send("GET", "/app/cases?state=APPLIED&q=" + caseNumber, null, null);
      var csv = session.send("GET", "/app/cases.csv?q=" + caseNumber, null, null);
      String listed = "href=\"/app/cases/" + caseNumber + "\""; // a row's link (the search box repeats the term)
      found.add(role + ": " + byCompany.body().contains(listed) + " " + byNumber.body().contains(listed) + " "
          + csv.status() + " " + csv.body().contains(caseNumber));
      if (role.equals("coordinator 13")) {
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("\uFEFF案件番号,事業,協議会,事業者,法人番号,状態,申請日,利用申請決定日\r\n")
            .contains(caseNumber + ",早期経営改善計画策定支援,東京都中小企業活性化協議会,株式会社作業画面権限試験,,申請受付,");
      }
    });
    assertThat(found).containsExactly("coordinator 13: true true 200 true", "coordinator 27: false false 200 false",
        "agency (own case): true true 200 true", "agency (other): false false 200 false",
        "national manager: true true 200 true");

    WebappSession coordinator = WebappSession.anonymous(port);
    coordinator.formLogin("wa-coord-13", PASSWORD);
    assertThat(coordinator.send("POST", "/app/tasks/" + decide + "/complete", "{\"decision\":\"ACCEPT\"}",
        "application/json").status()).as("no CSRF token").isEqualTo(403);
    assertThat(tasks.createTaskQuery().taskId(decide).count()).isEqualTo(1);

    WebappSession foreign = WebappSession.anonymous(port);
    foreign.formLogin("wa-coord-27", PASSWORD);

    // the budget is set on the dashboard by national users only; a bad amount is refused with its rule
    WebappSession manager = WebappSession.anonymous(port);
    manager.formLogin("wa-manager", PASSWORD);
    String budget = "fiscalYear=2031&councilCode=46&budgetYen=";
    assertThat(coordinator.workspace("POST", "/app/dashboard/budget", budget + "1000", "application/x-www-form-urlencoded")
        .status()).isEqualTo(403);
    assertThat(manager.workspace("POST", "/app/dashboard/budget", budget + "abc", "application/x-www-form-urlencoded")
        .status()).isEqualTo(302);
    assertThat(manager.send("GET", "/app/dashboard?fiscalYear=2031", null, null).body()).contains("予算：");
    assertThat(manager.workspace("POST", "/app/dashboard/budget", budget + "12%2C345%2C678",
        "application/x-www-form-urlencoded").location()).endsWith("/app/dashboard?fiscalYear=2031");
    assertThat(manager.send("GET", "/app/dashboard?fiscalYear=2031", null, null).body())
        .contains("鹿児島県中小企業活性化協議会 の2031年度予算を 12,345,678円にしました。", "12,345,678");

    // an inquiry is linked to its case on the inquiries page: by its council's coordinator, to a case of that council
    var recorded = anonymous.withBasicAuth("wa-coord-13", PASSWORD).postForEntity("/api/inquiries", Map.of(
        "councilCode", "13", "receivedOn", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")).toString(),
        "asker", "COMPANY", "channel", "PHONE", "outcome", "APPLICATION_EXPECTED", "companyName", "株式会社作業画面権限試験"),
        Map.class);
    assertThat(recorded.getStatusCode().value()).as("%s", recorded.getBody()).isEqualTo(201);
    long inquiry = ((Number) recorded.getBody().get("id")).longValue();
    String link = "/app/inquiries/" + inquiry + "/case";
    String encoded = "application/x-www-form-urlencoded";
    assertThat(foreign.workspace("POST", link, "caseNumber=" + caseNumber, encoded).status()).isEqualTo(403);
    assertThat(coordinator.workspace("POST", link, "caseNumber=13-2099-9999", encoded).location()).endsWith("/app/inquiries");
    assertThat(coordinator.send("GET", "/app/inquiries", null, null).body()).contains("案件番号：案件 13-2099-9999 は見つかりません");
    coordinator.workspace("POST", link, "caseNumber=" + caseNumber, encoded);
    assertThat(coordinator.send("GET", "/app/inquiries", null, null).body())
        .contains("問合せ " + inquiry + " を案件 " + caseNumber + " に結び付けました。");
    assertThat(anonymous.withBasicAuth("wa-coord-13", PASSWORD).getForEntity("/api/inquiries", String.class).getBody())
        .contains("\"caseNumber\":\"" + caseNumber + "\"");

    // the inbox: another council's coordinator cannot take the task in a bulk claim; its own council's can
    assertThat(foreign.workspace("POST", "/app/inbox/claim", "task=" + decide, "application/x-www-form-urlencoded")
        .status()).isEqualTo(302);
    assertThat(tasks.createTaskQuery().taskId(decide).singleResult().getAssignee()).isNull();
    var inbox = coordinator.send("GET", "/app/inbox?q=" + caseNumber, null, null);
    assertThat(inbox.body()).contains("1 件", "name=\"task\" value=\"" + decide + "\"");
    assertThat(coordinator.workspace("POST", "/app/inbox/claim", "task=" + decide + "&task=no-such-task",
        "application/x-www-form-urlencoded").location()).endsWith("/app/inbox");
    assertThat(tasks.createTaskQuery().taskId(decide).singleResult().getAssignee()).isEqualTo("wa-coord-13");
    assertThat(coordinator.send("GET", "/app/inbox", null, null).body())
        .contains("1件のタスクを担当しました。担当できなかったもの：1件");
  }
}
