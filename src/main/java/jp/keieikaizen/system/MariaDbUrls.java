package jp.keieikaizen.system;

/** JDBC URL options that Camunda 7.24 needs on MariaDB; the README explains each one. */
public final class MariaDbUrls {

  /**
   * useMysqlMetadata: the engine recognises the server as MySQL (7.23+ CE has no MariaDB product name);
   * nullDatabaseMeansCurrent: its table-presence check looks only in the current database, not every one the user sees.
   */
  public static final String REQUIRED_OPTIONS = "useMysqlMetadata=true&nullDatabaseMeansCurrent=true";

  private MariaDbUrls() {
  }
}
