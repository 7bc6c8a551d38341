package jp.keieikaizen.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;

import jp.keieikaizen.casefile.CaseNumber;
import jp.keieikaizen.casefile.CaseWorkflow;
import jp.keieikaizen.casefile.Programme;

/**
 * Drives whole lifecycles through the services the REST API and Tasklist use (CaseWorkflow: start, complete every user
 * task with valid data) and runs every job itself (async continuations, and the timers a case waits on), with N
 * concurrent workers; then the same number of user tasks and jobs in a bare process with no application code, on the
 * same engine, for the engine's own limit on this machine. Also samples the JVM's resident memory.
 */
public final class PerformanceHarness {

  /** The timers a case waits on (the others are deadlines that would change its path if fired early). */
  static final Set<String> WAITS = Set.of("waitForInterimMonitoring", "waitForFinalMonitoring", "waitForRound");
  static final String BARE = "bareLifecycle";

  public record Rate(String what, int lifecycles, double seconds, long tasks, long jobs, CostCounters.Cost cost) {
    public double perSecond() {
      return lifecycles / seconds;
    }

    /** SQL statements per user task (all the lifecycles' statements over all their user tasks). */
    public double statementsPerTask() {
      return cost == null ? Double.NaN : cost.statements() / (double) (tasks * lifecycles);
    }

    public double transactionsPerTask() {
      return cost == null ? Double.NaN : cost.transactions() / (double) (tasks * lifecycles);
    }

    /** This JVM's CPU seconds per lifecycle. */
    public double cpuPerLifecycle() {
      return cost == null ? Double.NaN : cost.cpuSeconds() / lifecycles;
    }
  }

  private final CaseWorkflow workflow;
  private final TaskService tasks;
  private final ManagementService management;
  private final RuntimeService runtime;
  private final RepositoryService repository;
  private final org.camunda.bpm.engine.HistoryService history;
  private final String agencyCode;
  private final jp.keieikaizen.casefile.DocumentChecklist checklist;
  private final jp.keieikaizen.casefile.DocumentService documents;
  final AtomicLong peakRssKb = new AtomicLong();

  public PerformanceHarness(CaseWorkflow workflow, TaskService tasks, ManagementService management, RuntimeService runtime,
      RepositoryService repository, org.camunda.bpm.engine.HistoryService history, String agencyCode,
      jp.keieikaizen.casefile.DocumentChecklist checklist, jp.keieikaizen.casefile.DocumentService documents) {
    this.checklist = checklist;
    this.documents = documents;
    this.history = history;
    this.workflow = workflow;
    this.tasks = tasks;
    this.management = management;
    this.runtime = runtime;
    this.repository = repository;
    this.agencyCode = agencyCode;
  }

  /** Full lifecycles of a programme, from application to closed, by {@code workers} threads. */
  public Rate lifecycles(Programme programme, int count, int workers) throws Exception {
    AtomicLong taskCount = new AtomicLong();
    AtomicLong jobCount = new AtomicLong();
    java.util.List<String> numbers = java.util.Collections.synchronizedList(new ArrayList<>());
    CostCounters.Reading before = SqlCounter.installed() ? CostCounters.read() : null;
    double seconds = parallel(count, workers, () -> {
      CaseNumber number = SqlCounter.counted("start", () ->
          workflow.submitApplication(programme, LifecycleData.application(programme, agencyCode), null));
      drive(number.value(), new AtomicLong(), new AtomicLong(), true);
      numbers.add(number.value());
      return null;
    });
    CostCounters.Cost cost = before == null ? null : CostCounters.since(before);
    numbers.forEach(number -> count(number, taskCount, jobCount)); // after the counters: the harness's bookkeeping
    return new Rate(programme == Programme.EARLY_PLAN ? "early-plan lifecycle" : "405 lifecycle", count, seconds,
        taskCount.get() / count, jobCount.get() / count, cost);
  }

  /** The same number of user tasks and jobs in a bare process: no forms, no listeners, no delegates, no database of ours. */
  public Rate bare(long userTasks, long jobs, int count, int workers) throws Exception {
    repository.createDeployment().addModelInstance("bare.bpmn", bareModel(userTasks, jobs)).deploy();
    AtomicLong taskCount = new AtomicLong();
    AtomicLong jobCount = new AtomicLong();
    java.util.List<String> keys = java.util.Collections.synchronizedList(new ArrayList<>());
    CostCounters.Reading before = SqlCounter.installed() ? CostCounters.read() : null;
    double seconds = parallel(count, workers, () -> {
      String key = "bare-" + System.nanoTime();
      SqlCounter.counted("bare start", () -> runtime.startProcessInstanceByKey(BARE, key));
      drive(key, new AtomicLong(), new AtomicLong(), false);
      keys.add(key);
      return null;
    });
    CostCounters.Cost cost = before == null ? null : CostCounters.since(before);
    keys.forEach(key -> count(key, taskCount, jobCount));
    return new Rate("bare Camunda process", count, seconds, taskCount.get() / count, jobCount.get() / count, cost);
  }

  /** Opens cases and leaves them at the council's decision: the inbox and the case page then read among them. */
  public List<String> openCases(int count, int workers) throws Exception {
    List<String> numbers = java.util.Collections.synchronizedList(new ArrayList<>());
    parallel(count, workers, () -> {
      CaseNumber number = workflow.submitApplication(Programme.EARLY_PLAN, LifecycleData.application(Programme.EARLY_PLAN, agencyCode), null);
      runJobs(number.value(), new AtomicLong(), true);
      numbers.add(number.value());
      return null;
    });
    return numbers;
  }

  /** Median and 95th percentile, in milliseconds, of repeated calls. */
  public static double[] time(int calls, Supplier<?> call) {
    double[] ms = new double[calls];
    for (int i = 0; i < calls; i++) {
      long start = System.nanoTime();
      call.get();
      ms[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(ms);
    return new double[] {ms[calls / 2], ms[Math.max(0, (int) Math.ceil(0.95 * calls) - 1)]};
  }

  /** This JVM's resident set size in KB (Linux), or -1. */
  public static long rssKb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  // --- driving

  private double parallel(int count, int workers, java.util.concurrent.Callable<Void> lifecycle) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    List<Future<Void>> runs = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      runs.add(pool.submit(() -> {
        lifecycle.call();
        peakRssKb.accumulateAndGet(rssKb(), Math::max);
        return null;
      }));
    }
    for (Future<Void> run : runs) {
      run.get(30, TimeUnit.MINUTES);
    }
    pool.shutdown();
    return (System.nanoTime() - start) / 1e9;
  }

  /** Completes the case's tasks and runs its jobs until its processes end. */
  private void drive(String businessKey, AtomicLong taskCount, AtomicLong jobCount, boolean caseForms) {
    long deadline = System.currentTimeMillis() + 180_000;
    while (System.currentTimeMillis() < deadline) {
      List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(businessKey).list();
      if (!open.isEmpty()) {
        for (Task task : open) {
          try {
            if (caseForms) {
              Map<String, Object> values = values(task, businessKey);
              // the agency or coordinator files the step's documents first, as the checklist requires
              counted("documents", () ->
                  jp.keieikaizen.system.TestDocuments.provide(workflow, checklist, documents, task.getId(), "bench"));
              counted("completion", () -> workflow.completeTask(task.getId(), values, null));
            } else {
              counted("bare completion", () -> tasks.complete(task.getId()));
            }
            taskCount.incrementAndGet();
          } catch (jp.keieikaizen.common.ConflictException | ProcessEngineException e) {
            if (e instanceof ProcessEngineException engine && !isRaceWithExecutor(engine)) {
              throw e;
            }
            break; // a job of the same case ran at the same time (the smoke test's job executor): look again
          }
        }
        continue;
      }
      if (!runJobs(businessKey, jobCount, caseForms)) {
        if (runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).count() == 0) {
          return;
        }
        try {
          Thread.sleep(20); // a job executor (when one runs) may hold the next job
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
    throw new IllegalStateException(businessKey + " did not end");
  }

  /** The user tasks and jobs a finished lifecycle had, from the history (whoever ran its jobs). */
  private void count(String businessKey, AtomicLong taskCount, AtomicLong jobCount) {
    taskCount.addAndGet(history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(businessKey).count());
    history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey).list().forEach(pi ->
        jobCount.addAndGet(history.createHistoricJobLogQuery().processInstanceId(pi.getId()).successLog().count()));
  }

  /** Runs one due-able job of the case (an async continuation, or a timer it waits on); false when there is none. */
  private boolean runJobs(String businessKey, AtomicLong jobCount, boolean onlyWaits) {
    for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list()) {
      for (Job job : management.createJobQuery().processInstanceId(instance.getId()).list()) {
        boolean timer = job.getDuedate() != null && job instanceof org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
        if (timer && onlyWaits && !WAITS.contains(activityOf(job))) {
          continue;
        }
        try {
          counted(onlyWaits ? "job" : "bare job", () -> management.executeJob(job.getId()));
          jobCount.incrementAndGet();
          return true;
        } catch (ProcessEngineException e) {
          if (!isRaceWithExecutor(e) && management.createJobQuery().jobId(job.getId()).count() > 0) {
            throw e;
          }
          return true; // the other party ran it, or will; look again
        }
      }
    }
    return false;
  }

  /** Runs the application's (or the bare engine's) work with its statements counted. */
  private static void counted(String kind, Runnable work) {
    try {
      SqlCounter.counted(kind, () -> {
        work.run();
        return null;
      });
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Where a job executor runs too (the smoke test), it may take the same job at once: that is not a failure. */
  private static boolean isRaceWithExecutor(ProcessEngineException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof org.camunda.bpm.engine.OptimisticLockingException
          || t instanceof java.sql.SQLTransactionRollbackException) {
        return true;
      }
    }
    return false;
  }

  private String activityOf(Job job) {
    var definition = management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult();
    return definition == null ? "" : definition.getActivityId();
  }

  private BpmnModelInstance bareModel(long userTasks, long jobs) {
    AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess(BARE).camundaHistoryTimeToLive(1).startEvent();
    for (long i = 0; i < Math.max(userTasks, jobs); i++) {
      if (i < userTasks) {
        flow = flow.userTask("task" + i);
      }
      if (i < jobs) {
        flow = flow.serviceTask("job" + i).camundaAsyncBefore().camundaExpression("${true}");
      }
    }
    return flow.endEvent().done();
  }

  // --- valid data for every task of both programmes

  private Map<String, Object> values(Task task, String businessKey) {
    boolean early = "earlyPlan".equals(rootKeys.computeIfAbsent(businessKey, this::rootKeyOf));
    String category = "fileClaim".equals(task.getTaskDefinitionKey())
        ? String.valueOf(tasks.getVariable(task.getId(), "claimCategory")) : null;
    return LifecycleData.taskValues(task.getTaskDefinitionKey(), early, category, task.getId());
  }

  private final Map<String, String> rootKeys = new java.util.concurrent.ConcurrentHashMap<>();

  /** The case's process key (earlyPlan or plan405), once per case: harness bookkeeping, not the application's work. */
  private String rootKeyOf(String businessKey) {
    ProcessInstance root = runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
        .processDefinitionKeyIn("earlyPlan", "plan405").singleResult();
    return repository.getProcessDefinition(root.getProcessDefinitionId()).getKey();
  }
}
