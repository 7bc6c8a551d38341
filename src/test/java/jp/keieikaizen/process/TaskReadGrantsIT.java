package jp.keieikaizen.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import jp.keieikaizen.security.Groups;
import jp.keieikaizen.system.WholeAppOnMariaDb;

/**
 * A task query leaves out the engine's per-row authorization join only for a user who may read every task by grant (a
 * council's staff), and its tenant check still keeps it to the user's council; an agency's user, whose grants are per
 * task, keeps the engine's check.
 */
@WholeAppOnMariaDb
class TaskReadGrantsIT {

  @Autowired TaskService tasks;
  @Autowired IdentityService identity;

  @AfterEach
  void logOut() {
    identity.clearAuthentication();
  }

  @Test
  void aCoordinatorsQueryNeedsNoPerRowCheckAndStaysInItsCouncil() {
    long council = tasks.createTaskQuery().tenantIdIn("13").count();
    identity.setAuthentication("grants-coord-13", List.of(Groups.coordinator("13")), List.of("13"));
    TaskQueryImpl query = (TaskQueryImpl) tasks.createTaskQuery();
    long seen = query.count();
    assertThat(query.getAuthCheck().isAuthorizationCheckEnabled()).as("the per-row check").isFalse();
    assertThat(seen).as("every task of council 13, and only those").isEqualTo(council);
    assertThat(tasks.createTaskQuery().list()).allSatisfy(t -> assertThat(t.getTenantId()).isEqualTo("13"));
  }

  @Test
  void anAgencysQueryKeepsTheEnginesCheck() {
    identity.setAuthentication("grants-agency", List.of(Groups.agency(987_654)), List.of("13"));
    TaskQueryImpl query = (TaskQueryImpl) tasks.createTaskQuery();
    assertThat(query.count()).as("no task is offered to this agency").isZero();
    assertThat(query.getAuthCheck().isAuthorizationCheckEnabled()).as("the per-row check").isTrue();
  }
}
