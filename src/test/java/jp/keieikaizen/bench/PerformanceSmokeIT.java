package jp.keieikaizen.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import jp.keieikaizen.casefile.CaseWorkflow;
import jp.keieikaizen.casefile.Programme;
import jp.keieikaizen.common.FormValues;
import jp.keieikaizen.security.AccessSetup;
import jp.keieikaizen.system.WholeAppOnMariaDb;

/**
 * The performance harness in smoke mode, in the test command, so it cannot rot: two lifecycles of each programme and
 * the bare process run to their ends, with the counts of tasks and jobs that make the bare process comparable.
 */
@WholeAppOnMariaDb
class PerformanceSmokeIT {

  @Autowired jp.keieikaizen.casefile.DocumentChecklist checklist;
  @Autowired jp.keieikaizen.casefile.DocumentService documents;
  @Autowired CaseWorkflow workflow;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired RepositoryService repository;
  @Autowired org.camunda.bpm.engine.HistoryService history;
  @Autowired AccessSetup access;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theHarnessDrivesWholeLifecyclesOfBothProgrammesAndTheBareProcess() throws Exception {
    if (jdbc.queryForObject("SELECT COUNT(*) FROM agency WHERE agency_code = '108413330001'", Long.class) == 0) {
      access.registerAgency(new FormValues(Map.of("agencyCode", "108413330001", "name", "性能試験事務所", "kind", "CPA",
          "certifiedFrom", "2024-04-01", "certifiedTo", "2029-03-31")));
    }
    PerformanceHarness harness = new PerformanceHarness(workflow, tasks, management, runtime, repository, history,
        "108413330001", checklist, documents);
    PerformanceHarness.Rate early = harness.lifecycles(Programme.EARLY_PLAN, 2, 2);
    PerformanceHarness.Rate plan405 = harness.lifecycles(Programme.PLAN_405, 2, 2);
    PerformanceHarness.Rate bare = harness.bare(early.tasks(), early.jobs(), 2, 2);

    assertThat(early.tasks()).as("user tasks of an early-plan lifecycle").isGreaterThanOrEqualTo(15);
    assertThat(early.jobs()).as("jobs of an early-plan lifecycle").isGreaterThanOrEqualTo(4);
    assertThat(plan405.tasks()).isGreaterThan(early.tasks());
    assertThat(bare.tasks()).isEqualTo(early.tasks());
    assertThat(bare.jobs()).isEqualTo(early.jobs());
    assertThat(early.perSecond()).isPositive();
    assertThat(PerformanceHarness.rssKb()).isPositive();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_file WHERE state = 'CLOSED'", Long.class))
        .isGreaterThanOrEqualTo(4);
  }
}
