package jp.keieikaizen.process;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An index on the engine's open tasks by due date, made at start when it is missing. The inbox lists a user's tasks
 * due first; without the index the database reads and sorts every task the user's groups are offered (20,000 for a
 * council's coordinators in the performance harness) before it can return the first page, with it it reads the
 * page's rows in order and stops. The engine indexes the creation time (newest first) but not the due date. The
 * engine's own schema upgrades leave an index they do not know alone; {@code IF NOT EXISTS} makes a second node's
 * start, or a restart, change nothing.
 */
@Component
class InboxIndex implements SmartInitializingSingleton {

  static final String NAME = "KK_IDX_TASK_DUE";
  private static final Logger LOG = LoggerFactory.getLogger(InboxIndex.class);

  private final JdbcTemplate jdbc;
  private final ManagementService management;

  InboxIndex(JdbcTemplate jdbc, ManagementService management) {
    this.jdbc = jdbc;
    this.management = management;
  }

  @Override
  public void afterSingletonsInstantiated() {
    String tasks = management.getTableName(Task.class);
    jdbc.execute("CREATE INDEX IF NOT EXISTS " + NAME + " ON " + tasks + " (DUE_DATE_)");
    LOG.info("Inbox index {} on {} (DUE_DATE_) is in place", NAME, tasks);
  }
}
