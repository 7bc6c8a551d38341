package jp.keieikaizen.security;

/**
 * Group ids, as the models' candidate groups name them: council-{prefecture code}-coordinator / -supervisor,
 * agency-{agency id}; and the national managers.
 */
public final class Groups {

  public static final String NATIONAL_MANAGER = "national-manager";
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
