package jp.keieikaizen.process;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import jp.keieikaizen.security.Caller;

/**
 * Which calls of the webapps' engine API (/camunda/api/engine/engine/{engine}/...) each role may make: the calls
 * Tasklist and Cockpit make for that role's work, and nothing else (docs/adr/0008). The engine's own authorizations and
 * tenants still apply to every call let through; the checks named here add the application's rules the engine does not
 * know (who may comment, to whom a task may be assigned, which fields a form submits). Administrators are not limited
 * here. The engine's REST API (/engine-rest) is for administrators only.
 */
final class EngineSurfaces {

  /** Who a rule is for. */
  enum Role { STAFF, AGENCY, NATIONAL, NONE }

  /** The application's own check a call passes before the engine sees it. */
  enum Check { NONE, SELF_IN_PATH, MEMBER_IS_SELF, USER_ID_IS_SELF, USER_BY_ID, WORK, COMMENT, COMMENTS, ASSIGN,
    TASK_FORM, SCOPED_HISTORY }

  record Rule(String method, Pattern path, Set<Role> roles, Check check) {
    boolean matches(String m, String p, Role role) {
      return method.equals(m) && roles.contains(role) && path.matcher(p).matches();
    }
  }

  private static final Set<Role> EVERYONE = Set.of(Role.STAFF, Role.AGENCY, Role.NATIONAL, Role.NONE);
  private static final Set<Role> TASKLIST = Set.of(Role.STAFF, Role.AGENCY, Role.NATIONAL);
  private static final Set<Role> WORKERS = Set.of(Role.STAFF, Role.AGENCY);
  private static final Set<Role> NATIONAL = Set.of(Role.NATIONAL);
  private static final Set<Role> STAFF = Set.of(Role.STAFF);
  private static final String ID = "[^/]+";
  private static final String DEFINITION = "process-definition/(?:key/" + ID + "|(?!count$|statistics$)" + ID + ")";

  static final List<Rule> RULES = List.of(
      // every logged-in user: their own profile and groups, the password policy, the engine's version
      rule("GET", "user/" + ID + "/profile", EVERYONE, Check.SELF_IN_PATH),
      rule("GET", "group(?:/count)?", EVERYONE, Check.MEMBER_IS_SELF),
      rule("GET", "identity/groups", EVERYONE, Check.USER_ID_IS_SELF),
      rule("GET", "identity/password-policy", EVERYONE, Check.NONE),
      rule("POST", "identity/password-policy", EVERYONE, Check.NONE),
      rule("GET", "authorization/check", EVERYONE, Check.NONE),
      rule("GET", "version", EVERYONE, Check.NONE),
      // Tasklist: tasks (the engine shows each role only its own), their forms, comments and history
      rule("GET", "task(?:/count)?", TASKLIST, Check.NONE),
      rule("POST", "task(?:/count)?", TASKLIST, Check.NONE),
      rule("GET", "task/" + ID + "(?:/(?:form|deployed-form|rendered-form|form-variables|identity-links"
          + "|attachment|variables|localVariables))?", TASKLIST, Check.NONE),
      rule("GET", "task/" + ID + "/(?:attachment|variables|localVariables)/" + ID + "(?:/data)?", TASKLIST, Check.NONE),
      rule("GET", "task/" + ID + "/comment", TASKLIST, Check.COMMENTS), // served by the guard: see TaskAccess
      rule("GET", "history/user-operation(?:/count)?", TASKLIST, Check.SCOPED_HISTORY),
      rule("POST", "task/" + ID + "/(?:submit-form|complete)", WORKERS, Check.TASK_FORM),
      rule("POST", "task/" + ID + "/(?:claim|unclaim)", WORKERS, Check.WORK),
      rule("POST", "task/" + ID + "/assignee", WORKERS, Check.ASSIGN),
      rule("POST", "task/" + ID + "/comment/create", WORKERS, Check.COMMENT),
      rule("GET", "user(?:/count)?", STAFF, Check.USER_BY_ID), // Tasklist checks an assignee's id before assigning
      // Tasklist's filters
      rule("GET", "filter(?:/count)?", TASKLIST, Check.NONE),
      rule("GET", "filter/" + ID + "(?:/(?:list|count|singleResult))?", TASKLIST, Check.NONE),
      rule("POST", "filter/" + ID + "/(?:list|count|singleResult)", TASKLIST, Check.NONE),
      // Tasklist's start forms (who may start what is checked inside the engine: StartPermission, the tenant)
      rule("GET", "process-definition(?:/count)?", TASKLIST, Check.NONE),
      rule("GET", DEFINITION + "(?:/(?:startForm|deployed-start-form|rendered-form|form-variables|xml))?", TASKLIST,
          Check.NONE),
      rule("POST", DEFINITION + "/submit-form", WORKERS, Check.NONE),
      // Cockpit, for the national managers: read every council's processes, counts and history; change nothing
      rule("GET", "(?:process-definition|process-instance|execution|incident|job|job-definition|variable-instance"
          + "|deployment|decision-definition|decision-requirements-definition|case-definition|external-task|batch)"
          + "(?:/.*)?", NATIONAL,
          Check.NONE),
      rule("GET", "history/(?!user-operation)[a-z-]+(?:/.*)?", NATIONAL, Check.NONE),
      rule("POST", "(?:process-instance|execution|variable-instance|incident|job|external-task|history/process-instance"
          + "|history/activity-instance|history/task|history/variable-instance|history/incident|history/job-log"
          + "|history/decision-instance)(?:/count)?", NATIONAL, Check.NONE),
      rule("POST", "process-instance/" + ID + "/activity-instances", NATIONAL, Check.NONE));

  private EngineSurfaces() {
  }

  private static Rule rule(String method, String path, Set<Role> roles, Check check) {
    return new Rule(method, Pattern.compile(path), roles, check);
  }

  static Role roleOf(Caller caller) {
    if (caller.manager()) {
      return Role.NATIONAL;
    }
    if (!caller.councilsStaffed().isEmpty()) {
      return Role.STAFF;
    }
    return caller.isAgency() ? Role.AGENCY : Role.NONE;
  }

  /** The rule that lets this call through, or null: the call is refused. */
  static Rule find(Role role, String method, String path) {
    // HEAD, and OPTIONS (the engine's list of what the caller may do there, which Tasklist asks for), as reads
    String m = "HEAD".equals(method) || "OPTIONS".equals(method) ? "GET" : method;
    return RULES.stream().filter(r -> r.matches(m, path, role)).findFirst().orElse(null);
  }
}
