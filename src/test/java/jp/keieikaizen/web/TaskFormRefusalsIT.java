package jp.keieikaizen.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import jp.keieikaizen.EarlyPlanLifecycleIT;
import jp.keieikaizen.casefile.CaseNumber;
import jp.keieikaizen.casefile.Step;
import jp.keieikaizen.casefile.TaskFormHandler;
import jp.keieikaizen.common.FieldProblem;
import jp.keieikaizen.common.FormValues;
import jp.keieikaizen.common.InvalidInputException;
import jp.keieikaizen.process.CaseProcess;
import jp.keieikaizen.process.FormLintTest;
import jp.keieikaizen.system.TestAgencies;
import jp.keieikaizen.system.TestDocuments;
import jp.keieikaizen.system.WholeAppOnMariaDb;

/**
 * Every server refusal of every task form is one the workspace shows at its field, in Japanese: one test per
 * {@link Step}, driven by its declaration (its form, which must be the model's formRef; its handler, declared with it;
 * the form's keys, which {@link EarlyPlanLifecycleIT} holds equal to the handler's fields). Each handler gets, on a real case of its programme, an empty submission and
 * one where every field holds a list (no field accepts one): each must be refused with problems that name only keys of
 * the task's form (workspace.js puts a problem under the component with its key) and read in Japanese, without an
 * internal key or an English word. Nothing is written: each probe runs in a transaction that is rolled back.
 */
@WholeAppOnMariaDb
class TaskFormRefusalsIT {

  static final String AGENCY_CODE = "108413770002";
  /** Latin words a Japanese message may hold: a date pattern, units and abbreviations the programme itself uses. */
  static final Set<String> ALLOWED_LATIN = Set.of("YYYY", "MM", "DD", "PDF", "ID", "GL");
  static final Pattern LATIN = Pattern.compile("[A-Za-z]{2,}");
  static final Pattern JAPANESE = Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]");

  @Autowired TestRestTemplate anonymous;
  @Autowired RepositoryService repository;
  @Autowired List<TaskFormHandler> handlers;
  @Autowired PlatformTransactionManager transactions;
  @Autowired jp.keieikaizen.casefile.CaseFileService cases;
  @Autowired jp.keieikaizen.monitoring.MonitoringService monitoring;

  @TestFactory
  Stream<DynamicTest> everyTaskFormsRefusalsNameItsFieldsInJapanese() {
    TestRestTemplate admin = anonymous.withBasicAuth(WholeAppOnMariaDb.ADMIN, WholeAppOnMariaDb.ADMIN_PASSWORD);
    long agency = TestAgencies.register(admin, AGENCY_CODE, "拒否表示試験税理士法人");
    CaseNumber early = accepted(admin, "/api/early-plan/applications",
        EarlyPlanLifecycleIT.soleProprietor(AGENCY_CODE, "拒否表示早期試験商店"));
    Map<String, Object> application405 = EarlyPlanLifecycleIT.application405();
    application405.put("agencyCode", AGENCY_CODE);
    application405.put("companyName", "拒否表示四〇五試験株式会社");
    application405.put("corporateNumber", "2880013770002"); // its own: a number is accepted three times in all
    application405.put("planFeeGross", 330_000);
    application405.put("planFeeTax", 30_000);
    application405.put("monitoringFeeGross", 220_000);
    application405.put("monitoringFeeTax", 20_000);
    CaseNumber plan405 = accepted(admin, "/api/405/applications", application405);
    // the monitoring rounds' handlers read the case's round: the 405 case gets its plan and its rounds
    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      cases.get(plan405).recordPlan(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")), 5);
      monitoring.schedule405(plan405);
    });

    Map<String, String> formOfTask = new HashMap<>();
    Map<String, String> processOfTask = new HashMap<>();
    repository.createProcessDefinitionQuery().latestVersion().list().stream()
        .filter(d -> CaseProcess.KEYS.contains(d.getKey()))
        .forEach(d -> repository.getBpmnModelInstance(d.getId()).getModelElementsByType(UserTask.class).forEach(t -> {
          formOfTask.put(t.getId(), t.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef"));
          processOfTask.putIfAbsent(t.getId(), d.getKey());
        }));
    assertThat(handlers).extracting(TaskFormHandler::step).containsExactlyInAnyOrder(Step.values());
    Map<Step, TaskFormHandler> handlerOf = handlers.stream()
        .collect(Collectors.toMap(TaskFormHandler::step, java.util.function.Function.identity()));

    Map<String, Object> context = new HashMap<>(Map.of("claimCategory", "PLAN", "claimNo", 1, "claimAgencyId",
        String.valueOf(agency), "leadAgencyId", String.valueOf(agency), "councilCode", "13", "roundNo", 1,
        "responseKind", "CONSENT", "lenderName", "試験銀行"));
    return java.util.Arrays.stream(Step.values()).map(step -> {
      TaskFormHandler handler = handlerOf.get(step);
      String form = step.form();
      CaseNumber number = CaseProcess.EARLY_PLAN.equals(processOfTask.get(step.key())) ? early : plan405;
      return DynamicTest.dynamicTest(step.key() + " (" + form + ".form)", () -> {
        assertThat(formOfTask.get(step.key())).as("the model's formRef of %s", step).isEqualTo(form);
        Set<String> keys = FormLintTest.keys(form);
        List<FieldProblem> empty = refusals(handler, number, Map.of(), context);
        assertThat(empty).as("an empty %s is refused", form).isNotEmpty();
        List<String> wrong = new ArrayList<>();
        check(empty, keys, wrong);
        Map<String, Object> lists = keys.stream().collect(Collectors.toMap(k -> k, k -> List.of("x")));
        List<FieldProblem> listed = refusals(handler, number, lists, context);
        assertThat(listed).as("a %s whose fields hold lists is refused", form).isNotEmpty();
        check(listed, keys, wrong);
        assertThat(wrong).as("refusals of %s the workspace could not show at a field in Japanese", form).isEmpty();
      });
    });
  }

  /** The handler's refusal of the values; anything else (accepted, a crash, another refusal) fails the test. */
  private List<FieldProblem> refusals(TaskFormHandler handler, CaseNumber number, Map<String, Object> values,
      Map<String, Object> context) {
    TransactionTemplate rolledBack = new TransactionTemplate(transactions);
    return rolledBack.execute(status -> {
      status.setRollbackOnly();
      try {
        Map<String, Object> routed = handler.complete(new TaskFormHandler.TaskInput(number,
            new FormValues(new HashMap<>(values)), context, WholeAppOnMariaDb.ADMIN));
        return fail("%s accepted %s and routed %s", handler.taskKey(), values, routed);
      } catch (InvalidInputException refused) {
        return refused.problems();
      }
    });
  }

  private static void check(List<FieldProblem> problems, Set<String> keys, List<String> wrong) {
    for (FieldProblem problem : problems) {
      if (!keys.contains(problem.field())) {
        wrong.add(problem.field() + " is not a field of the form: " + problem.rule());
      }
      if (!JAPANESE.matcher(problem.rule()).find()) {
        wrong.add(problem.field() + " is not refused in Japanese: " + problem.rule());
      }
      Matcher latin = LATIN.matcher(problem.rule());
      while (latin.find()) {
        if (!ALLOWED_LATIN.contains(latin.group())) {
          wrong.add(problem.field() + "'s refusal holds '" + latin.group() + "': " + problem.rule());
        }
      }
    }
  }

  /** A case applied for by the agency's code and accepted by the council (its application set filed first). */
  private static CaseNumber accepted(TestRestTemplate admin, String path, Map<String, Object> application) {
    var created = admin.exchange(path, HttpMethod.POST, new HttpEntity<>(application), EarlyPlanLifecycleIT.JSON);
    assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
    String caseNumber = (String) created.getBody().get("caseNumber");
    String decide = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> EarlyPlanLifecycleIT
        .list(admin.exchange("/api/cases/" + caseNumber, HttpMethod.GET, null, EarlyPlanLifecycleIT.JSON).getBody(),
            "openTasks").stream().filter(t -> "decideApplication".equals(t.get("key"))).map(t -> (String) t.get("id"))
        .findFirst().orElse(null), id -> id != null);
    TestDocuments.provide(admin, decide);
    var accepted = admin.exchange("/api/tasks/" + decide + "/complete", HttpMethod.POST,
        new HttpEntity<>(Map.of("decision", "ACCEPT")), EarlyPlanLifecycleIT.JSON);
    assertThat(accepted.getStatusCode()).as("%s", accepted.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    return new CaseNumber(caseNumber);
  }
}
