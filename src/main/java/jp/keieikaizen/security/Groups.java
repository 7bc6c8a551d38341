package jp.keieikaizen.security;

/**
 * Group ids, as the models' candidate groups name them: council-{prefecture code}-coordinator / -supervisor,
 * agency-{agency id}; and the national managers.
 */
public final class Groups {

  public static final String NATIONAL_MANAGER = "national-manager";
  /** A council's coordinators or supervisors: group(1) the prefecture code, group(2) the role. */
  public static final java.util.regex.Pattern COUNCIL_STAFF =
      java.util.regex.Pattern.compile("council-(\\d{2})-(coordinator|supervisor)");
  public static final String ADMIN = "camunda-admin";

  private Groups() {
  }

  public static String coordinator(String councilCode) {
    return "council-" + councilCode + "-coordinator";
  }

  public static String supervisor(String councilCode) {
    return "council-" + councilCode + "-supervisor";
  }

  public static String agency(long agencyId) {
    return "agency-" + agencyId;
  }
}
