package jp.keieikaizen.process;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jp.keieikaizen.casefile.AuditEntry;
import jp.keieikaizen.casefile.CaseFileService;
import jp.keieikaizen.casefile.CaseNumber;
import jp.keieikaizen.casefile.CaseState;
import jp.keieikaizen.casefile.CaseWorkflow;
import jp.keieikaizen.casefile.OpenTask;
import jp.keieikaizen.casefile.Programme;
import jp.keieikaizen.common.ConflictException;
import jp.keieikaizen.common.ForbiddenException;
import jp.keieikaizen.common.InvalidInputException;
import jp.keieikaizen.common.NotFoundException;
import jp.keieikaizen.security.Callers;

/** The one place that drives the engine: start by application, correlate and query by case number. */
@Service
class CamundaCaseWorkflow implements CaseWorkflow {

  private static final Map<Programme, String> PROCESS_KEYS = Map.of(Programme.EARLY_PLAN, CaseProcess.EARLY_PLAN,
      Programme.PLAN_405, CaseProcess.PLAN_405, Programme.PLAN_405_GL, CaseProcess.PLAN_405);

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final org.camunda.bpm.engine.FormService forms;
  private final org.camunda.bpm.engine.RepositoryService repository;
  private final HistoryService history;
  private final Callers callers;
  private final CaseFileService cases;
  private final TaskAccess access;
  private final org.springframework.jdbc.core.JdbcTemplate jdbc;
  /** The engine's identity link table, by the engine's own name for it (a configured prefix included). */
  private final String identityLinks;
  private final String taskTable;
  private final String executions;
  private final org.camunda.bpm.engine.ManagementService management;
  private final org.camunda.bpm.engine.impl.interceptor.CommandExecutor commands;

  CamundaCaseWorkflow(RuntimeService runtime, TaskService tasks, org.camunda.bpm.engine.FormService forms,
      org.camunda.bpm.engine.RepositoryService repository, HistoryService history, Callers callers,
      CaseFileService cases, TaskAccess access, org.springframework.jdbc.core.JdbcTemplate jdbc,
      org.camunda.bpm.engine.ManagementService management,
      org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl configuration) {
    this.commands = configuration.getCommandExecutorTxRequired();
    this.jdbc = jdbc;
    this.identityLinks = management.getTableName(org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity.class);
    this.taskTable = management.getTableName(Task.class);
    this.executions = management.getTableName(org.camunda.bpm.engine.runtime.Execution.class);
    this.forms = forms;
    this.repository = repository;
    this.access = access;
    this.runtime = runtime;
    this.tasks = tasks;
    this.history = history;
    this.callers = callers;
    this.cases = cases;
    this.management = management;
  }

  @Override
  public CaseNumber submitApplication(Programme programme, Map<String, Object> applicationValues, String initiator) {
    String key = PROCESS_KEYS.get(programme);
    if (key == null) {
      throw InvalidInputException.of("programme", programme.label() + " はまだ受け付けていません");
    }
    return asUser(initiator,
        () -> new CaseNumber(runtime.startProcessInstanceByKey(key, transientValues(applicationValues)).getBusinessKey()));
  }

  /**
   * An application's submitted fields as transient variables (a task's completion passes its fields as a
   * {@link Submission} instead): the register delegate reads them in the same transaction and keeps only ids and
   * decisions, so the raw fields are never written to the runtime or history
   * tables (each one cost a variable row, its history and two detail rows, insert and delete). Fields named like a
   * variable the case keeps (councilCode, decision, ...) stay ordinary variables, as the engine cannot make a
   * transient one permanent.
   */
  static VariableMap transientValues(Map<String, Object> values) {
    VariableMap variables = Variables.createVariables();
    values.forEach((name, value) -> variables.putValueTyped(name,
        Variables.untypedValue(value, !CaseVariables.NAMES.contains(name))));
    return variables;
  }

  @Override
  @Transactional
  public void withdraw(CaseNumber number, String reason, String userId) {
    end(number, CaseState.WITHDRAWN, CaseProcess.Messages.CASE_WITHDRAWN, reason, userId, "取下げ");
  }

  @Override
  @Transactional
  public void handOver(CaseNumber number, String reason, String userId) {
    end(number, CaseState.TAKEN_OVER, CaseProcess.Messages.CASE_HANDED_OVER, reason, userId, "引継ぎ");
  }

  @Override
  @Transactional
  public void extendValidity(CaseNumber number, java.time.LocalDate until, String reason, String userId) {
    jp.keieikaizen.common.FormValues form = new jp.keieikaizen.common.FormValues(new HashMap<>());
    if (reason == null || reason.isBlank() || reason.length() > 1000) {
      form.problem("reason", "延長の理由を1000文字以内で入力してください");
    }
    var file = cases.get(number);
    if (until == null) {
      form.problem(CaseWorkflow.NEW_VALID_UNTIL, "延長後の期限を入力してください");
    } else {
      file.validityExtensionRefusal(until, cases.today())
          .ifPresent(rule -> form.problem(CaseWorkflow.NEW_VALID_UNTIL, rule));
    }
    form.validate();
    var instance = file.programme() == Programme.EARLY_PLAN ? null : runtime.createProcessInstanceQuery()
        .processInstanceBusinessKey(number.value()).processDefinitionKey(CaseProcess.PLAN_405).singleResult();
    var timer = instance == null ? null : java.util.stream.Stream.of(CaseProcess.Tasks.APPLICATION_VALIDITY_ENDED,
        CaseProcess.Tasks.WAIT_FOR_EXTENDED_VALIDITY).map(activity -> management.createJobQuery().timers()
            .processInstanceId(instance.getId()).activityId(activity).singleResult())
        .filter(java.util.Objects::nonNull).findFirst().orElse(null);
    if (instance != null && tasks.createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(CaseProcess.Tasks.REVIEW_APPLICATION_VALIDITY).count() > 0) {
      throw new ConflictException("有効期限が到来しています。タスク「有効期限を延長するか判断する」で判断してください");
    }
    if (timer == null || file.applicationValidUntil() == null) {
      throw new ConflictException("案件 " + number + " の利用申請の有効期限は延長できる状態ではありません（405事業の計画策定・同意取得の間だけ延長できます）");
    }
    file.extendValidity(until);
    java.util.Date dayAfter = Dates.startOf(until.plusDays(1)); // the validity ends as the next day begins
    runtime.setVariable(instance.getId(), CaseVariables.APPLICATION_VALID_UNTIL.name(), dayAfter);
    management.setJobDuedate(timer.getId(), dayAfter);
    cases.recordEvent(number, "VALIDITY_EXTEND", userId, until + "まで：" + reason.strip());
  }

  /** Records the end on the case, then ends its process by message; a case that cannot end so is left unchanged. */
  private void end(CaseNumber number, CaseState state, String message, String reason, String userId, String label) {
    if (reason == null || reason.isBlank() || reason.length() > 1000) {
      throw InvalidInputException.of("reason", label + "の理由を1000文字以内で入力してください");
    }
    cases.end(number, state, userId, reason.strip());
    try {
      runtime.createMessageCorrelation(message).processInstanceBusinessKey(number.value()).correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      throw new ConflictException("案件 " + number + " は" + label + "できる状態ではありません");
    }
  }

  @Override
  public List<OpenTask> openTasks(CaseNumber number) {
    return toOpenTasks(tasks.createTaskQuery().processInstanceBusinessKey(number.value()).initializeFormKeys()
        .orderByTaskCreateTime().asc().list(), Map.of(), number);
  }

  /**
   * One transaction: the task's look-up and checks and the engine's completion. The fields reach the completion
   * listener as the {@link Submission}, never as variables.
   */
  @Override
  @Transactional
  public void completeTask(String taskId, Map<String, Object> values, String userId) {
    Task task = task(taskId);
    requireTenant(task, userId);
    if (task.getAssignee() != null && userId != null && !task.getAssignee().equals(userId)) {
      throw new ConflictException("このタスクは " + task.getAssignee() + " さんが担当しています");
    }
    requireMayWork(task, userId);
    var unknown = access.unknownFields(task.getTaskDefinitionKey(), values.keySet());
    if (!unknown.isEmpty()) { // a completion carries its form's fields only, never a routing id or another decision
      throw new InvalidInputException(unknown);
    }
    asUser(userId, () -> Submission.completing(taskId, values, () -> {
      tasks.complete(taskId);
      return null;
    }));
  }

  @Override
  public void claimTask(String taskId, String userId) {
    Task task = task(taskId);
    requireTenant(task, userId);
    if (task.getAssignee() != null) {
      if (task.getAssignee().equals(userId)) {
        return;
      }
      throw new ConflictException("このタスクは " + task.getAssignee() + " さんが担当しています");
    }
    requireMayWork(task, userId);
    asUser(userId, () -> {
      tasks.claim(taskId, userId);
      return null;
    });
  }

  /** Only its assignee or a member of its candidate groups works a task (a council's staff may see every one). */
  private void requireMayWork(Task task, String userId) {
    if (userId != null && !access.mayWork(callers.of(userId), task)) {
      throw new ForbiddenException("このタスクを担当できるのは候補グループのメンバーだけです");
    }
  }

  /**
   * In one engine command: the task's row, its case from its instance and, only for the steps whose checklist reads
   * them (a lender's, a claim's, a round's), its variables.
   */
  @Override
  public Optional<jp.keieikaizen.casefile.DocumentChecklist.TaskContext> documentContext(String taskId) {
    return Optional.ofNullable(commands.execute(context -> {
      var task = context.getTaskManager().findTaskById(taskId);
      String key = task == null || task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
      if (key == null) {
        return null;
      }
      Map<String, Object> variables = jp.keieikaizen.casefile.DocumentChecklist.readsVariables(task.getTaskDefinitionKey())
          ? new HashMap<>(task.getVariables()) : Map.of();
      return new jp.keieikaizen.casefile.DocumentChecklist.TaskContext(task.getId(), task.getTaskDefinitionKey(),
          task.getName(), new CaseNumber(key), variables, task.getCreateTime().toInstant());
    }));
  }

  @Override
  public Optional<CaseNumber> caseOfTask(String taskId) {
    return caseOf(tasks.createTaskQuery().taskId(taskId).singleResult());
  }

  private Optional<CaseNumber> caseOf(Task task) {
    if (task == null || task.getProcessInstanceId() == null) {
      return Optional.empty();
    }
    String key = runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult()
        .getBusinessKey();
    return key == null ? Optional.empty() : Optional.of(new CaseNumber(key));
  }

  @Override
  public List<OpenTask> inbox(String userId, CaseNumber only, boolean newestFirst, int page, int size) {
    // Not run as the user: the query itself keeps to the user's candidate groups and assignments, which is exactly what
    // the engine's automatic task grants allow, and group ids are per council or agency, so no tenant can leak. Run
    // as the user, the engine adds its authorization subqueries, which took over 50 s per call on MariaDB with 20,000
    // open tasks (PerformanceBenchmark); without them the same page takes milliseconds.
    InboxSql sql = inboxSql(userId, only);
    // both orders follow an index (DUE_DATE_: InboxIndex; CREATE_TIME_: the engine's), with the id as the tie-breaker
    // in the index's own direction, so the database reads the page's rows in order and stops there
    var query = tasks.createNativeTaskQuery().sql("SELECT RES.* " + sql.from()
        + (newestFirst ? " ORDER BY RES.CREATE_TIME_ DESC, RES.ID_ DESC" : " ORDER BY RES.DUE_DATE_ ASC, RES.ID_ ASC"));
    sql.parameters().forEach(query::parameter);
    List<Task> found = query.listPage(page * size, size);
    return toOpenTasks(found, businessKeys(runtime, found), null);
  }

  @Override
  public long inboxCount(String userId, CaseNumber only) {
    InboxSql sql = inboxSql(userId, only);
    String key = sql.parameters().toString();
    Long overCapUntil = overCap.get(key);
    if (overCapUntil != null && overCapUntil - System.nanoTime() > 0) {
      return INBOX_COUNT_CAP + 1;
    }
    var query = tasks.createNativeTaskQuery().sql("SELECT COUNT(*) FROM (SELECT RES.ID_ " + sql.from() + " LIMIT "
        + (INBOX_COUNT_CAP + 1) + ") CAPPED");
    sql.parameters().forEach(query::parameter);
    long count = query.count();
    if (count > INBOX_COUNT_CAP) {
      if (overCap.size() > 10_000) {
        overCap.clear();
      }
      overCap.put(key, System.nanoTime() + OVER_CAP_MEMO.toNanos());
    } else {
      overCap.remove(key);
    }
    return count;
  }

  /**
   * Inboxes known to hold more than {@link #INBOX_COUNT_CAP} tasks, by their query's parameters (the user, their
   * groups, the case searched), until when: such an inbox shows 「1,000 件以上」, which a few dozen tasks more or less do
   * not change, so its count (a scan of 1,001 rows, about 34 ms of the page at 20,000 open tasks) is not repeated on
   * every page for {@link #OVER_CAP_MEMO}. A smaller inbox is counted every time.
   */
  private final java.util.concurrent.ConcurrentHashMap<String, Long> overCap = new java.util.concurrent.ConcurrentHashMap<>();
  static final java.time.Duration OVER_CAP_MEMO = java.time.Duration.ofSeconds(30);

  /** The inbox's rows and the values they are matched with. */
  private record InboxSql(String from, Map<String, Object> parameters) {
  }

  /**
   * The user's open tasks: assigned to them, or unassigned and offered to one of their groups. The same rows as the
   * engine's {@code or().taskCandidateGroupIn(groups).taskAssignee(user)}, written as a semi-join: the engine's query
   * joins the identity links and sorts the DISTINCT of every matching row before it takes a page (over 20,000 rows
   * for a council's coordinators); this one lets the database take the first page of the sort without DISTINCT.
   * Group ids are bound as parameters, never written into the SQL.
   */
  private InboxSql inboxSql(String userId, CaseNumber only) {
    List<String> groups = List.copyOf(callers.of(userId).groupIds());
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("user", userId);
    StringBuilder where = new StringBuilder("(RES.ASSIGNEE_ = #{user}");
    if (!groups.isEmpty()) {
      where.append(" OR (RES.ASSIGNEE_ IS NULL AND EXISTS (SELECT 1 FROM ").append(identityLinks)
          .append(" I WHERE I.TASK_ID_ = RES.ID_ AND I.TYPE_ = 'candidate' AND I.GROUP_ID_ IN (");
      for (int i = 0; i < groups.size(); i++) {
        where.append(i == 0 ? "" : ", ").append("#{group").append(i).append("}");
        parameters.put("group" + i, groups.get(i));
      }
      where.append(")))");
    }
    where.append(")");
    if (only != null) {
      where.append(" AND RES.PROC_INST_ID_ IN (SELECT E.ID_ FROM ").append(executions)
          .append(" E WHERE E.BUSINESS_KEY_ = #{businessKey})");
      parameters.put("businessKey", only.value());
    }
    return new InboxSql("FROM " + taskTable + " RES WHERE " + where, parameters);
  }

  /** The business keys of the tasks' process instances, in one query (not one per task). */
  static Map<String, String> businessKeys(RuntimeService runtime, List<Task> found) {
    java.util.Set<String> ids = new java.util.HashSet<>();
    found.forEach(t -> ids.add(t.getProcessInstanceId()));
    Map<String, String> keys = new HashMap<>();
    if (!ids.isEmpty()) {
      runtime.createProcessInstanceQuery().processInstanceIds(ids).list().forEach(p -> keys.put(p.getId(), p.getBusinessKey()));
    }
    return keys;
  }

  @Override
  public Optional<TaskForm> taskForm(String taskId) {
    if (tasks.createTaskQuery().taskId(taskId).count() == 0) {
      return Optional.empty();
    }
    String schema;
    try (java.io.InputStream in = forms.getDeployedTaskForm(taskId)) {
      schema = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (org.camunda.bpm.engine.BadUserRequestException e) {
      return Optional.empty(); // no deployed form for this task
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    Map<String, Object> values = new java.util.LinkedHashMap<>();
    // the address every task form links to, from the task's id (not a variable of each task; Tasklist gets it from
    // EngineSurfaceGuard)
    values.put(EngineSurfaceGuard.DOCUMENTS_PAGE, TaskFormListener.documentsPage(taskId));
    forms.getTaskFormVariables(taskId).forEach((name, value) -> {
      Object plain = plainValue(value);
      if (plain != null) {
        values.put(name, plain);
      }
    });
    return Optional.of(new TaskForm(schema, values));
  }

  @Override
  public Optional<String> startForm(Programme programme) {
    String key = PROCESS_KEYS.get(programme == Programme.PLAN_405_GL ? Programme.PLAN_405 : programme);
    var definition = key == null ? null : repository.createProcessDefinitionQuery().processDefinitionKey(key)
        .withoutTenantId().latestVersion().singleResult();
    if (definition == null) {
      return Optional.empty();
    }
    try (java.io.InputStream in = forms.getDeployedStartForm(definition.getId())) {
      return Optional.of(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    } catch (org.camunda.bpm.engine.BadUserRequestException e) {
      return Optional.empty();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A variable's value as a form reads it: text, numbers, booleans and dates (ISO text); anything else is left out. */
  private static Object plainValue(Object value) {
    if (value instanceof String || value instanceof Number || value instanceof Boolean) {
      return value;
    }
    if (value instanceof java.util.Date date) {
      return date.toInstant().toString();
    }
    if (value instanceof java.time.temporal.TemporalAccessor temporal) {
      return temporal.toString();
    }
    return null;
  }

  @Override
  public List<AuditEntry> engineAudit(CaseNumber number) {
    List<AuditEntry> entries = new ArrayList<>();
    for (var pi : history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(number.value()).list()) {
      history.createHistoricTaskInstanceQuery().processInstanceId(pi.getId()).finished().list().forEach(t -> entries.add(
          new AuditEntry(t.getEndTime().toInstant(), t.getAssignee(), "STEP",
              "completed".equals(t.getDeleteReason()) ? "タスク完了" : "タスク終了", t.getName())));
      tasks.getProcessInstanceComments(pi.getId()).forEach(c -> entries.add(new AuditEntry(c.getTime().toInstant(),
          c.getUserId(), "COMMENT", "コメント", c.getFullMessage())));
      // a completion is already a STEP, with the task's name
      history.createUserOperationLogQuery().processInstanceId(pi.getId()).list().stream()
          .filter(op -> !"Complete".equals(op.getOperationType())).forEach(op -> entries.add(new AuditEntry(
          op.getTimestamp().toInstant(), op.getUserId(), "ENGINE", OPERATIONS.getOrDefault(op.getOperationType(),
              op.getOperationType()) + "（" + ENTITIES.getOrDefault(op.getEntityType(), op.getEntityType()) + "）",
          op.getProperty() == null ? "" : PROPERTIES.getOrDefault(op.getProperty(), op.getProperty()) + "："
              + (op.getNewValue() == null ? "なし" : op.getNewValue()))));
    }
    entries.sort(Comparator.comparing(AuditEntry::at));
    return entries;
  }

  /** The engine's operation types in the words of the audit trail. */
  /** The engine's entity types and changed properties in its operation log, in words. */
  static final Map<String, String> ENTITIES = Map.of("Task", "タスク", "ProcessInstance", "案件の手続",
      "Variable", "案件の値", "IdentityLink", "担当候補", "Attachment", "添付", "Job", "自動処理", "Incident", "障害");
  static final Map<String, String> PROPERTIES = Map.of("assignee", "担当者", "owner", "所有者", "delegation", "委任",
      "candidateUser", "担当候補の利用者", "candidateGroup", "担当候補のグループ", "dueDate", "期限",
      "followUpDate", "フォローアップ日", "priority", "優先度", "name", "名称", "description", "説明");

  static final Map<String, String> OPERATIONS = Map.of("Claim", "担当", "Assign", "割当て", "Create", "開始",
      "Delete", "削除", "SetOwner", "所有者変更", "Update", "更新", "Delegate", "委任", "Resolve", "解決",
      "CreateIncident", "障害発生");

  @Override
  public java.time.Instant commentTask(String taskId, String message, String userId) {
    Task task = task(taskId);
    requireTenant(task, userId);
    if (userId != null && !access.mayComment(callers.of(userId), task)) {
      throw new ForbiddenException("このタスクにコメントできるのは、担当できる人と協議会の職員だけです");
    }
    return access.addComment(userId, task, message).getTime().toInstant();
  }

  /**
   * A task of a council the user does not belong to: the engine would refuse it with a plain ProcessEngineException
   * (its tenant check); this says 403 before it gets there.
   */
  private void requireTenant(Task task, String userId) {
    if (userId == null || task.getTenantId() == null) {
      return;
    }
    var caller = callers.of(userId);
    if (!caller.admin() && !caller.tenantIds().contains(task.getTenantId())) {
      throw new ForbiddenException("この操作を行う権限がありません");
    }
  }

  @Override
  public List<OpenTask> overdueTasks(java.util.Set<String> councils, int max) {
    var query = tasks.createTaskQuery().dueBefore(new java.util.Date()).orderByDueDate().asc();
    if (councils != null) {
      if (councils.isEmpty()) {
        return List.of();
      }
      query.tenantIdIn(councils.toArray(String[]::new));
    }
    List<Task> found = query.listPage(0, max);
    return toOpenTasks(found, businessKeys(runtime, found), null);
  }

  @Override
  public List<jp.keieikaizen.casefile.StageTime> stageTimes(java.util.Set<String> councils, int sample) {
    var query = history.createHistoricTaskInstanceQuery().finished().orderByHistoricTaskInstanceEndTime().desc();
    if (councils != null) {
      if (councils.isEmpty()) {
        return List.of();
      }
      query.tenantIdIn(councils.toArray(String[]::new));
    }
    Map<String, List<org.camunda.bpm.engine.history.HistoricTaskInstance>> byKey = new java.util.TreeMap<>();
    query.listPage(0, sample).forEach(t -> byKey.computeIfAbsent(t.getTaskDefinitionKey(), k -> new ArrayList<>()).add(t));
    return byKey.values().stream().map(list -> {
      double[] hours = list.stream().mapToDouble(t -> (t.getDurationInMillis() == null ? 0 : t.getDurationInMillis()) / 3_600_000d)
          .sorted().toArray();
      String name = list.get(0).getName() == null ? list.get(0).getTaskDefinitionKey() : list.get(0).getName();
      int caseLabel = name.indexOf('｜'); // the step's name, without the case number and company each task carries
      return new jp.keieikaizen.casefile.StageTime(list.get(0).getTaskDefinitionKey(),
          caseLabel > 0 ? name.substring(0, caseLabel) : name, hours.length,
          percentile(hours, 50), percentile(hours, 90));
    }).sorted(Comparator.comparing(jp.keieikaizen.casefile.StageTime::p90Hours).reversed()).toList();
  }

  /** Nearest-rank percentile of sorted values. */
  static double percentile(double[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100d * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  private Task task(String taskId) {
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
    if (task == null) {
      throw new NotFoundException("タスク " + taskId + " はありません（完了済みの可能性があります）");
    }
    return task;
  }

  /**
   * The tasks as the inbox and the case page show them, with their candidate groups read in one query for the whole
   * list (the engine's API reads them one task at a time: 30 queries for a page of the inbox). The case is the given
   * one, or each task's from its instance's business key.
   */
  private List<OpenTask> toOpenTasks(List<Task> found, Map<String, String> businessKeys, CaseNumber number) {
    Map<String, List<String>> groups = candidateGroups(found.stream().map(Task::getId).toList());
    return found.stream().map(task -> new OpenTask(task.getId(), task.getTaskDefinitionKey(), task.getName(),
        number != null ? number.value() : businessKeys.get(task.getProcessInstanceId()),
        groups.getOrDefault(task.getId(), List.of()), task.getAssignee(), task.getCreateTime().toInstant(),
        task.getDueDate() == null ? null : task.getDueDate().toInstant())).toList();
  }

  /** Each task's candidate groups, in one read of the engine's identity links. */
  private Map<String, List<String>> candidateGroups(List<String> taskIds) {
    Map<String, List<String>> groups = new HashMap<>();
    if (taskIds.isEmpty()) {
      return groups;
    }
    String marks = String.join(",", java.util.Collections.nCopies(taskIds.size(), "?"));
    List<Object> arguments = new ArrayList<>(taskIds);
    arguments.add(0, IdentityLinkType.CANDIDATE);
    jdbc.query("SELECT TASK_ID_, GROUP_ID_ FROM " + identityLinks + " WHERE TYPE_ = ? AND GROUP_ID_ IS NOT NULL"
        + " AND TASK_ID_ IN (" + marks + ") ORDER BY ID_", row -> {
          groups.computeIfAbsent(row.getString(1), id -> new ArrayList<>()).add(row.getString(2));
        }, arguments.toArray());
    return groups;
  }

  /**
   * Runs an engine call as the user (their groups and tenants), so the engine checks its authorizations; a refusal
   * is a 403, invalid form input a 400, and losing a race with another change of the same case (a job, another node,
   * another user: optimistic locking or a deadlock, in the engine or in JPA) a 409 that nothing was changed and the
   * request may be repeated.
   */
  private <T> T asUser(String userId, java.util.function.Supplier<T> action) {
    try {
      return callers.asEngineUser(userId, action);
    } catch (AuthorizationException e) {
      throw new ForbiddenException("この操作を行う権限がありません");
    } catch (ProcessEngineException e) {
      if (FormErrors.find(e) == null && isConcurrentChange(e)) {
        throw new ConflictException(CONCURRENT_CHANGE);
      }
      throw unwrapped(e);
    } catch (org.springframework.dao.ConcurrencyFailureException | jakarta.persistence.OptimisticLockException e) {
      throw new ConflictException(CONCURRENT_CHANGE);
    }
  }

  static final String CONCURRENT_CHANGE = ConflictException.CONCURRENT_CHANGE;

  /** Whether the failure is a lost race with a concurrent change (nothing was written; repeating may succeed). */
  static boolean isConcurrentChange(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof org.camunda.bpm.engine.OptimisticLockingException
          || t instanceof jakarta.persistence.OptimisticLockException || t instanceof org.hibernate.StaleStateException
          || t instanceof org.springframework.dao.ConcurrencyFailureException
          || t instanceof java.sql.SQLTransactionRollbackException) {
        return true;
      }
    }
    return false;
  }

  private static RuntimeException unwrapped(ProcessEngineException e) {
    InvalidInputException invalid = FormErrors.find(e);
    if (invalid != null) {
      return invalid;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ForbiddenException || t instanceof ConflictException) {
        return (RuntimeException) t;
      }
    }
    return e;
  }
}
