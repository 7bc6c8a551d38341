package jp.keieikaizen.process;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import jp.keieikaizen.notify.Notification;
import jp.keieikaizen.notify.NotificationKind;
import jp.keieikaizen.notify.Outbox;

/**
 * Who hears about a task, and when (only while {@code keiei.mail.enabled}):
 * <ul>
 * <li>offered to a group (created with candidate groups and no assignee): every member of those groups with an
 * e-mail address — for a council the coordinators or supervisors, for an agency its users;</li>
 * <li>assigned to someone (by another user, or at creation): the assignee, not someone who claimed it themselves;</li>
 * <li>due tomorrow, and overdue: the assignee, or the group's members while no one has claimed it — found by
 * {@link #scanDueDates}, every {@code keiei.mail.scan-interval} (15 minutes), on every node; the outbox keeps one
 * mail per kind, task and user.</li>
 * </ul>
 * The listener is added to the create and assignment events of every user task of the case models by
 * {@link TaskFormPlugin}; it writes to the outbox in the engine's transaction.
 */
@Component
class TaskNotifications implements TaskListener {

  static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
  static final int SCAN_PAGE = 500;

  private final Outbox outbox;
  private final IdentityService identity;
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final Clock clock;
  private final String baseUrl;

  TaskNotifications(Outbox outbox, @Lazy IdentityService identity, @Lazy TaskService tasks,
      @Lazy RuntimeService runtime, Clock clock,
      @Value("${keiei.mail.base-url:http://localhost:8080}") String baseUrl) {
    this.outbox = outbox;
    this.identity = identity;
    this.tasks = tasks;
    this.runtime = runtime;
    this.clock = clock;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  @Override
  public void notify(DelegateTask task) {
    if (!outbox.enabled()) {
      return;
    }
    TaskInfo info = new TaskInfo(task.getId(), task.getName(), task.getDescription(), task.getDueDate(),
        task.getExecution().getProcessBusinessKey());
    List<Notification> mails = new ArrayList<>();
    if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName()) && task.getAssignee() == null) {
      List<String> groups = task.getCandidates().stream().filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
          .map(IdentityLink::getGroupId).filter(g -> g != null).toList();
      members(groups).forEach((user, group) -> mails.add(mail(NotificationKind.OFFERED, info, user,
          group + " に新しいタスクが届きました。")));
    } else if (task.getAssignee() != null && !task.getAssignee().equals(currentUser(task))) {
      mailAssignee(mails, NotificationKind.ASSIGNED, info, task.getAssignee(), "次のタスクの担当になりました。");
    }
    outbox.enqueue(mails);
  }

  /** Queues the due-tomorrow and overdue mails of open case tasks; returns how many were new. */
  @Scheduled(fixedDelayString = "${keiei.mail.scan-interval:PT15M}", initialDelayString = "${keiei.mail.scan-interval:PT15M}")
  @Transactional
  public int scanDueDates() {
    if (!outbox.enabled()) {
      return 0;
    }
    LocalDate today = LocalDate.now(clock.withZone(JAPAN));
    Date now = Date.from(clock.instant());
    Date tomorrow = Date.from(today.plusDays(1).atStartOfDay(JAPAN).toInstant());
    Date dayAfter = Date.from(today.plusDays(2).atStartOfDay(JAPAN).toInstant());
    int added = 0;
    added += scan(NotificationKind.DUE_TOMORROW, tasks.createTaskQuery().dueAfter(new Date(tomorrow.getTime() - 1))
        .dueBefore(dayAfter), "明日が期限です。");
    added += scan(NotificationKind.OVERDUE, tasks.createTaskQuery().dueBefore(now), "期限を過ぎています。");
    return added;
  }

  private int scan(NotificationKind kind, org.camunda.bpm.engine.task.TaskQuery query, String lead) {
    int added = 0;
    Map<List<String>, Map<User, String>> membersOf = new java.util.HashMap<>(); // many tasks share their groups
    query.processDefinitionKeyIn(CaseProcess.KEYS.toArray(String[]::new)).active().orderByTaskId().asc();
    for (int first = 0;; first += SCAN_PAGE) {
      List<Task> page = query.listPage(first, SCAN_PAGE);
      Map<String, String> keys = CamundaCaseWorkflow.businessKeys(runtime, page);
      List<Notification> mails = new ArrayList<>();
      for (Task task : page) {
        TaskInfo info = new TaskInfo(task.getId(), task.getName(), task.getDescription(), task.getDueDate(),
            keys.get(task.getProcessInstanceId()));
        if (task.getAssignee() != null) {
          mailAssignee(mails, kind, info, task.getAssignee(), lead);
        } else {
          List<String> groups = tasks.getIdentityLinksForTask(task.getId()).stream()
              .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
              .map(IdentityLink::getGroupId).toList();
          membersOf.computeIfAbsent(groups, this::members)
              .forEach((user, group) -> mails.add(mail(kind, info, user, lead)));
        }
      }
      added += outbox.enqueue(mails);
      if (page.size() < SCAN_PAGE) {
        return added;
      }
    }
  }


  private void mailAssignee(List<Notification> mails, NotificationKind kind, TaskInfo task, String userId, String lead) {
    User assignee = identity.createUserQuery().userId(userId).singleResult();
    if (hasEmail(assignee)) {
      mails.add(mail(kind, task, assignee, lead));
    }
  }

  /** The members of the groups who have an e-mail address, each once, with the name of the group that reached them. */
  private Map<User, String> members(List<String> groupIds) {
    Map<String, User> byId = new LinkedHashMap<>();
    Map<User, String> members = new LinkedHashMap<>();
    for (String groupId : groupIds) {
      Group group = identity.createGroupQuery().groupId(groupId).singleResult();
      String groupName = group == null || group.getName() == null ? groupId : group.getName();
      for (User user : identity.createUserQuery().memberOfGroup(groupId).list()) {
        if (hasEmail(user) && byId.putIfAbsent(user.getId(), user) == null) {
          members.put(user, groupName);
        }
      }
    }
    return members;
  }

  private Notification mail(NotificationKind kind, TaskInfo task, User to, String lead) {
    String subject = "【経営改善計画策定支援】" + kind.label() + ": " + task.name();
    StringBuilder body = new StringBuilder()
        .append(to.getLastName() == null ? to.getId() : to.getLastName() + " " + nullToEmpty(to.getFirstName()))
        .append(" 様\n\n").append(lead).append("\n\n")
        .append("タスク: ").append(task.name()).append('\n');
    if (task.description() != null) {
      body.append(task.description()).append('\n');
    }
    if (task.due() != null) {
      body.append("期限: ").append(DATE.format(task.due().toInstant().atZone(JAPAN))).append('\n');
    }
    body.append("\nタスクを開く: ").append(baseUrl).append("/camunda/app/tasklist/default/#/?task=").append(task.id())
        .append('\n');
    if (task.caseNumber() != null) {
      body.append("案件ページ: ").append(baseUrl).append("/app/cases/").append(task.caseNumber()).append('\n');
    }
    body.append("\n※このメールは経営改善計画策定支援の案件管理システムから自動送信しています。返信はできません。\n");
    String trimmedSubject = subject.length() > 255 ? subject.substring(0, 254) + "…" : subject;
    return new Notification(kind, task.id(), to.getId(), to.getEmail(), trimmedSubject, body.toString());
  }

  private record TaskInfo(String id, String name, String description, Date due, String caseNumber) {
  }

  private static boolean hasEmail(User user) {
    return user != null && user.getEmail() != null && !user.getEmail().isBlank();
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  private static String currentUser(DelegateTask task) {
    Authentication auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return auth == null ? null : auth.getUserId();
  }
}
