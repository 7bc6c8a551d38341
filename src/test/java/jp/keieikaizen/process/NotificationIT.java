package jp.keieikaizen.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jp.keieikaizen.EarlyPlanLifecycleIT;
import jp.keieikaizen.security.Groups;
import jp.keieikaizen.system.TestUsers;
import jp.keieikaizen.system.WholeAppOnMariaDb;

/**
 * Notification mails, received by the in-process SMTP server: a task offered to a council reaches its coordinators
 * who have an address (not another council's, not one without an address), a claim by oneself sends nothing, an
 * assignment by someone else reaches the assignee, due-tomorrow and overdue mails are sent once however often the scan
 * runs, and the agency hears of the task it is offered next.
 */
@WholeAppOnMariaDb
class NotificationIT {

  static final String PASSWORD = "Notify-pass-26";
  static final String AGENCY_CODE = "108413770001";

  @Autowired TestRestTemplate anonymous;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  @Autowired TaskNotifications notifications;
  @Autowired GreenMail smtp;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theRightPeopleHearOfTheirTasksOnce() throws Exception {
    TestRestTemplate admin = anonymous.withBasicAuth(WholeAppOnMariaDb.ADMIN, WholeAppOnMariaDb.ADMIN_PASSWORD);
    long agencyId = registerAgency(admin);
    TestUsers.ensure(identity, "nt-coord-a", PASSWORD, Groups.coordinator("13"), "coord-a@council13.example.jp");
    TestUsers.ensure(identity, "nt-coord-b", PASSWORD, Groups.coordinator("13"), "coord-b@council13.example.jp");
    TestUsers.ensure(identity, "nt-coord-x", PASSWORD, Groups.coordinator("13"), null);
    TestUsers.ensure(identity, "nt-coord-27", PASSWORD, Groups.coordinator("27"), "coord@council27.example.jp");
    TestUsers.ensure(identity, "nt-agency", PASSWORD, Groups.agency(agencyId), "staff@agency.example.jp");

    Map<String, Object> application = EarlyPlanLifecycleIT.soleProprietor(AGENCY_CODE, "株式会社通知試験");
    var started = admin.exchange("/api/early-plan/applications", HttpMethod.POST, new HttpEntity<>(application),
        new ParameterizedTypeReference<Map<String, Object>>() { });
    assertThat(started.getStatusCode().value()).as("%s", started.getBody()).isEqualTo(201);
    String caseNumber = (String) started.getBody().get("caseNumber");
    Task decide = await().atMost(Duration.ofSeconds(30)).until(() -> tasks.createTaskQuery()
        .processInstanceBusinessKey(caseNumber).taskDefinitionKey("decideApplication").singleResult(), t -> t != null);

    // offered to the council: both of its coordinators with an address
    MimeMessage offered = awaitMail("coord-a@council13.example.jp", "新しいタスク", caseNumber);
    assertThat(offered.getSubject()).isEqualTo("【経営改善計画策定支援】新しいタスク: 利用申請を決定する｜" + caseNumber + " 株式会社通知試験");
    String body = GreenMailUtil.getBody(offered);
    assertThat(decode(offered)).contains("東京都中小企業活性化協議会 コーディネーター に新しいタスクが届きました。",
        "https://keiei.example.jp/camunda/app/tasklist/default/#/?task=" + decide.getId(),
        "https://keiei.example.jp/app/cases/" + caseNumber, "期限: ");
    assertThat(body).isNotBlank();
    awaitMail("coord-b@council13.example.jp", "新しいタスク", caseNumber);
    assertThat(queued("nt-coord-x", decide.getId())).as("no address, no mail").isZero();
    assertThat(queued("nt-coord-27", decide.getId())).as("another council").isZero();

    // a coordinator claims it: no mail to herself; reassigned by someone else: the new assignee hears of it
    var claimed = anonymous.withBasicAuth("nt-coord-a", PASSWORD).postForEntity("/api/tasks/" + decide.getId() + "/claim",
        null, String.class);
    assertThat(claimed.getStatusCode().value()).as("%s", claimed.getBody()).isEqualTo(204);
    assertThat(queued("nt-coord-a", decide.getId(), "ASSIGNED")).isZero();
    tasks.setAssignee(decide.getId(), "nt-coord-b");
    awaitMail("coord-b@council13.example.jp", "担当タスクの割当て", caseNumber);

    // due tomorrow, then overdue: one mail each to the assignee, however often the scan runs
    setDue(decide.getId(), LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(1));
    assertThat(notifications.scanDueDates()).isGreaterThanOrEqualTo(1);
    notifications.scanDueDates();
    awaitMail("coord-b@council13.example.jp", "明日が期限のタスク", caseNumber);
    setDue(decide.getId(), LocalDate.now(ZoneId.of("Asia/Tokyo")).minusDays(1));
    notifications.scanDueDates();
    notifications.scanDueDates();
    awaitMail("coord-b@council13.example.jp", "期限を過ぎたタスク", caseNumber);
    assertThat(queued("nt-coord-b", decide.getId(), "DUE_TOMORROW")).isEqualTo(1);
    assertThat(queued("nt-coord-b", decide.getId(), "OVERDUE")).isEqualTo(1);
    assertThat(queued("nt-coord-a", decide.getId(), "OVERDUE")).as("assigned: only the assignee").isZero();

    // accepted: the agency is offered the plan
    jp.keieikaizen.system.TestDocuments.provide(anonymous.withBasicAuth("nt-coord-b", PASSWORD), decide.getId());
    var completed = anonymous.withBasicAuth("nt-coord-b", PASSWORD).exchange("/api/tasks/" + decide.getId() + "/complete",
        HttpMethod.POST, new HttpEntity<>(Map.of("decision", "ACCEPT", "decisionComment", "要件充足")), String.class);
    assertThat(completed.getStatusCode().value()).as("%s", completed.getBody()).isEqualTo(204);
    MimeMessage toAgency = awaitMail("staff@agency.example.jp", "新しいタスク", caseNumber);
    assertThat(toAgency.getSubject()).contains("計画を策定する");
    assertThat(mailsTo("coord-a@council13.example.jp", caseNumber)).extracting(this::subject)
        .as("every mail to coordinator A").hasSize(1);
  }

  private long registerAgency(TestRestTemplate admin) {
    admin.postForEntity("/api/agencies", Map.of("agencyCode", AGENCY_CODE, "name", "通知試験会計事務所", "kind", "CPA",
        "certifiedFrom", "2024-04-01", "certifiedTo", "2029-03-31"), Map.class);
    return admin.exchange("/api/agencies", HttpMethod.GET, null, new ParameterizedTypeReference<List<Map<String, Object>>>() { })
        .getBody().stream().filter(a -> AGENCY_CODE.equals(a.get("agencyCode"))).map(a -> ((Number) a.get("id")).longValue())
        .findFirst().orElseThrow();
  }


  private void setDue(String taskId, LocalDate day) {
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
    task.setDueDate(Date.from(day.atTime(12, 0).atZone(ZoneId.of("Asia/Tokyo")).toInstant()));
    tasks.saveTask(task);
  }

  private long queued(String user, String taskId, String... kinds) {
    String kindFilter = kinds.length == 0 ? "" : " AND kind = '" + kinds[0] + "'";
    return jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE recipient_user = ? AND task_id = ?" + kindFilter,
        Long.class, user, taskId);
  }

  private MimeMessage awaitMail(String to, String kind, String caseNumber) {
    return await().atMost(Duration.ofSeconds(20)).until(() -> mailsTo(to, caseNumber).stream()
        .filter(m -> subject(m).contains(kind)).findFirst().orElse(null), m -> m != null);
  }

  private List<MimeMessage> mailsTo(String to, String caseNumber) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
      try {
        return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(to))
            && subject(m).contains(caseNumber);
      } catch (jakarta.mail.MessagingException e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  private String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String decode(MimeMessage message) {
    try {
      return (String) message.getContent();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
