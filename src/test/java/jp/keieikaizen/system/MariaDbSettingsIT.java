package jp.keieikaizen.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The MariaDB settings the README gives, proven on the embedded server: with them, the engine creates its own tables
 * in a database next to another engine's and runs a process; without nullDatabaseMeansCurrent it sees the other
 * database's tables, skips creating its own and fails.
 */
class MariaDbSettingsIT {

  static EmbeddedMariaDb db;

  @BeforeAll
  static void startServer() {
    db = EmbeddedMariaDb.start(new File(TestDatabase.DATA_DIR), true);
  }

  @Test
  void twoEnginesInTwoDatabasesOfOneServerEachGetTheirOwnTables() throws SQLException {
    runProcessOn("settings_a", MariaDbUrls.REQUIRED_OPTIONS);
    runProcessOn("settings_b", MariaDbUrls.REQUIRED_OPTIONS);
    assertThat(tableCount("settings_a")).isEqualTo(tableCount("settings_b")).isGreaterThan(40);
  }

  @Test
  void withoutScopingTheMetadataToTheCurrentDatabaseTheSecondEngineFails() throws SQLException {
    runProcessOn("settings_first", MariaDbUrls.REQUIRED_OPTIONS);
    assertThatThrownBy(() -> runProcessOn("settings_unscoped", "useMysqlMetadata=true"))
        .hasStackTraceContaining("ACT_");
    assertThat(tableCount("settings_unscoped")).isZero();
  }

  private static void runProcessOn(String database, String options) {
    StandaloneProcessEngineConfiguration config = new StandaloneProcessEngineConfiguration();
    config.setProcessEngineName("settings-" + database);
    config.setJdbcUrl(db.jdbcUrl(database, options));
    config.setJdbcDriver("org.mariadb.jdbc.Driver");
    config.setJdbcUsername("root");
    config.setJdbcPassword("");
    config.setDatabaseType("mysql");
    config.setDatabaseSchemaUpdate("true");
    config.setJobExecutorActivate(false);
    ProcessEngine engine = config.buildProcessEngine();
    try {
      engine.getRepositoryService().createDeployment().addModelInstance("p.bpmn", Bpmn.createExecutableProcess("p")
          .camundaHistoryTimeToLive(1).startEvent().userTask("t").name("確認する").endEvent().done()).deploy();
      engine.getRuntimeService().startProcessInstanceByKey("p", "13-2025-0001");
      assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey("13-2025-0001").singleResult()
          .getName()).isEqualTo("確認する");
    } finally {
      engine.close();
    }
  }

  private static int tableCount(String database) throws SQLException {
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(database), "root", "");
        ResultSet rs = c.createStatement().executeQuery(
            "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '" + database + "' AND table_name LIKE 'ACT\\_%'")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
