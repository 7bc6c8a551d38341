package jp.keieikaizen.system;

/** The one embedded MariaDB data directory all tests of a run share (one server per JVM). */
public final class TestDatabase {

  public static final String DATA_DIR = "target/test-mariadb";

  private TestDatabase() {
  }
}
