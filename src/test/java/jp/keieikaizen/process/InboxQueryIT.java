package jp.keieikaizen.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;

import jp.keieikaizen.EarlyPlanLifecycleIT;
import jp.keieikaizen.casefile.CaseNumber;
import jp.keieikaizen.casefile.CaseWorkflow;
import jp.keieikaizen.casefile.OpenTask;
import jp.keieikaizen.security.Groups;
import jp.keieikaizen.system.TestAgencies;
import jp.keieikaizen.system.TestUsers;
import jp.keieikaizen.system.WholeAppOnMariaDb;

/**
 * The inbox's own query (a semi-join, for speed at tens of thousands of open tasks) holds exactly the rows of the
 * engine's {@code or().taskCandidateGroupIn(the user's groups).taskAssignee(user)}: for a coordinator, an agency and a
 * user with a task assigned to them, all pages together, the count, the narrowing to one case, due first and newest
 * first, and each task's candidate groups as the engine reads them.
 */
@WholeAppOnMariaDb
class InboxQueryIT {

  static final String PASSWORD = "Inbox-query-2026", AGENCY_CODE = "108413770001";

  @Autowired TestRestTemplate anonymous;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  @Autowired CaseWorkflow workflow;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  @Test
  void theInboxHoldsExactlyTheEnginesTasksForTheUser() {
    TestRestTemplate admin = anonymous.withBasicAuth(WholeAppOnMariaDb.ADMIN, WholeAppOnMariaDb.ADMIN_PASSWORD);
    long agency = TestAgencies.register(admin, AGENCY_CODE, "受信箱試験事務所");
    TestUsers.ensure(identity, "iq-agency", PASSWORD, Groups.agency(agency), null);
    TestUsers.ensure(identity, "iq-coord-13", PASSWORD, Groups.coordinator("13"), null);
    TestUsers.ensure(identity, "iq-coord-13-b", PASSWORD, Groups.coordinator("13"), null);
    List<String> cases = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      cases.add((String) anonymous.withBasicAuth("iq-agency", PASSWORD).exchange("/api/early-plan/applications",
          HttpMethod.POST, new HttpEntity<>(EarlyPlanLifecycleIT.soleProprietor(AGENCY_CODE, "受信箱試験" + i)),
          EarlyPlanLifecycleIT.JSON).getBody().get("caseNumber"));
    }
    List<Task> decisions = await().atMost(Duration.ofSeconds(60)).until(() -> tasks.createTaskQuery()
        .processInstanceBusinessKeyIn(cases.toArray(String[]::new)).taskDefinitionKey("decideApplication").list(),
        found -> found.size() == 3);
    // one decision taken by a colleague: it leaves the group's inbox and is in the colleague's
    tasks.claim(decisions.get(0).getId(), "iq-coord-13-b");

    for (String user : List.of("iq-coord-13", "iq-coord-13-b", "iq-agency")) {
      List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList();
      List<Task> engine = tasks.createTaskQuery().or().taskCandidateGroupIn(groups).taskAssignee(user).endOr()
          .orderByDueDate().asc().list();
      List<OpenTask> inbox = new ArrayList<>();
      for (int page = 0; ; page++) {
        List<OpenTask> found = workflow.inbox(user, null, false, page, 7);
        inbox.addAll(found);
        if (found.size() < 7) {
          break;
        }
      }
      assertThat(inbox).extracting(OpenTask::id).as(user).containsExactlyInAnyOrderElementsOf(engine.stream().map(Task::getId).toList())
          .doesNotHaveDuplicates();
      assertThat(inbox).extracting(OpenTask::due).isSortedAccordingTo(Comparator.nullsFirst(Comparator.naturalOrder()));
      assertThat(workflow.inboxCount(user, null)).isEqualTo(engine.size());
      assertThat(workflow.inbox(user, null, true, 0, 1000)).extracting(OpenTask::created)
          .isSortedAccordingTo(Comparator.reverseOrder());
      for (OpenTask task : inbox) {
        List<String> engineGroups = tasks.getIdentityLinksForTask(task.id()).stream()
            .filter(l -> "candidate".equals(l.getType()) && l.getGroupId() != null).map(l -> l.getGroupId()).toList();
        assertThat(task.candidateGroups()).as(task.id()).containsExactlyInAnyOrderElementsOf(engineGroups);
      }
    }
    assertThat(workflow.inbox("iq-coord-13-b", null, false, 0, 100)).extracting(OpenTask::id).contains(decisions.get(0).getId());
    assertThat(workflow.inbox("iq-coord-13", null, false, 0, 100000)).extracting(OpenTask::id)
        .doesNotContain(decisions.get(0).getId()).contains(decisions.get(1).getId(), decisions.get(2).getId());

    // narrowed to one case whose decision is still the group's
    String open = decisions.get(1).getId();
    CaseNumber second = workflow.caseOfTask(open).orElseThrow();
    assertThat(workflow.inbox("iq-coord-13", second, false, 0, 100)).extracting(OpenTask::id).containsExactly(open);
    assertThat(workflow.inboxCount("iq-coord-13", second)).isEqualTo(1);
    assertThat(workflow.inbox("iq-coord-13", second, false, 0, 100)).singleElement()
        .satisfies(t -> assertThat(t.caseNumber()).isEqualTo(second.value()));
    assertThat(workflow.inbox("iq-agency", second, false, 0, 100)).isEmpty();

    // the due-first page is read along the index InboxIndex makes at start
    assertThat(jdbc.queryForList("SHOW INDEX FROM ACT_RU_TASK WHERE Key_name = 'KK_IDX_TASK_DUE'")).isNotEmpty();
  }
}
