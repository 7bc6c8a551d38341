package jp.keieikaizen.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransactionRollbackException;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

import jakarta.persistence.OptimisticLockException;

/** Which failures of an engine call are a lost race (answered 409, repeatable) and which are not. */
class ConcurrentChangeTest {

  @Test
  void optimisticLocksAndDeadlocksAnywhereInTheCauseChainAreConcurrentChanges() {
    assertThat(CamundaCaseWorkflow.isConcurrentChange(new OptimisticLockingException("engine"))).isTrue();
    assertThat(CamundaCaseWorkflow.isConcurrentChange(new ProcessEngineException("listener",
        new OptimisticLockException("case file changed by a job")))).isTrue();
    assertThat(CamundaCaseWorkflow.isConcurrentChange(new ProcessEngineException("flush",
        new RuntimeException(new SQLTransactionRollbackException("Deadlock found when trying to get lock"))))).isTrue();
    assertThat(CamundaCaseWorkflow.isConcurrentChange(new org.springframework.orm.ObjectOptimisticLockingFailureException(
        "CaseFile", 31L))).isTrue();
  }

  @Test
  void otherFailuresAreNot() {
    assertThat(CamundaCaseWorkflow.isConcurrentChange(new ProcessEngineException("no such task"))).isFalse();
    assertThat(CamundaCaseWorkflow.isConcurrentChange(new ProcessEngineException("bug", new IllegalStateException())))
        .isFalse();
  }
}
