package jp.keieikaizen.process;

import java.io.IOException;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import jp.keieikaizen.process.EngineSurfaces.Role;
import jp.keieikaizen.process.EngineSurfaces.Rule;
import jp.keieikaizen.security.Caller;
import jp.keieikaizen.security.Callers;

/**
 * Holds the engine's HTTP surfaces to the application's rules (docs/adr/0008): /engine-rest answers administrators
 * only; the webapps' engine API lets each role make the calls its work in Tasklist or Cockpit needs
 * ({@link EngineSurfaces}), with the application's own checks on comments, assignments and form submissions. A refused
 * call answers 401, 403 or 404 in problem+json and never reaches the engine.
 */
class EngineSurfaceGuard extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(EngineSurfaceGuard.class);
  static final String ENGINE_REST = "/engine-rest/";
  static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Callers callers;
  private final IdentityService identity;
  private final TaskAccess tasks;

  EngineSurfaceGuard(Callers callers, IdentityService identity, TaskAccess tasks) {
    this.callers = callers;
    this.identity = identity;
    this.tasks = tasks;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String uri = request.getRequestURI().substring(request.getContextPath().length());
    if (uri.startsWith(ENGINE_REST)) {
      engineRest(request, response, chain);
    } else if (uri.startsWith(WEBAPP_ENGINE)) {
      webappEngine(request, response, chain, uri.substring(WEBAPP_ENGINE.length()));
    } else {
      chain.doFilter(request, response);
    }
  }

  /** Runs after Camunda's authentication filter, which has set the engine user of this call (or answered 401). */
  private void engineRest(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Authentication auth = identity.getCurrentAuthentication();
    if (auth == null) {
      EngineProblems.write(response, EngineProblems.unauthenticated());
      return;
    }
    if (!callers.of(auth.getUserId()).admin()) {
      EngineProblems.write(response, EngineProblems.forbidden(
          "/engine-rest は管理者専用です。業務には画面（/app、Tasklist）か /api をお使いください"));
      return;
    }
    chain.doFilter(request, response);
  }

  private void webappEngine(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String rest)
      throws IOException, ServletException {
    int slash = rest.indexOf('/');
    if (slash < 0) { // the list of engines, which the webapps read before login
      chain.doFilter(request, response);
      return;
    }
    String userId = userOf(request.getSession(false), rest.substring(0, slash));
    if (userId == null) {
      EngineProblems.write(response, EngineProblems.unauthenticated());
      return;
    }
    Caller caller = callers.of(userId);
    String path = rest.substring(slash + 1);
    if (caller.admin()) {
      passOn(request, response, chain, path);
      return;
    }
    Role role = EngineSurfaces.roleOf(caller);
    Rule rule = EngineSurfaces.find(role, request.getMethod(), path);
    if (rule == null) {
      LOG.info("Refused {} {} to {} ({})", request.getMethod(), path, userId, role);
      EngineProblems.write(response, EngineProblems.forbidden("この操作を行う権限がありません"));
      return;
    }
    TaskAccess.SeenTask seen = taskPath(path) ? tasks.seen(caller, taskIdOf(path)) : null;
    if (taskPath(path) && seen == null) { // a task the caller may not see answers like an unknown one, whatever the call
      EngineProblems.write(response, EngineProblems.notFound());
      return;
    }
    CachedBody body = java.util.Set.of(EngineSurfaces.Check.ASSIGN, EngineSurfaces.Check.TASK_FORM,
        EngineSurfaces.Check.COMMENT).contains(rule.check()) ? CachedBody.of(request) : null;
    EngineProblems.Problem refused = check(rule, caller, request, path, body, seen);
    if (refused != null) {
      EngineProblems.write(response, refused);
      return;
    }
    if (rule.check() == EngineSurfaces.Check.COMMENT || rule.check() == EngineSurfaces.Check.COMMENTS) {
      comments(rule.check(), caller, seen, body, response);
      return;
    }
    passOn(body == null ? request : body.request(), response, chain, path);
  }

  private static final java.util.regex.Pattern FORM_VARIABLES = java.util.regex.Pattern.compile("task/([^/]+)/form-variables");

  /**
   * Passes an allowed call on to the engine. A task form's variables (Tasklist renders the form with them) get the
   * address of the task's document page, which every task form links to as {@code documentsPage}: derived from the
   * task's id here, not kept as a variable of each task.
   */
  private static void passOn(HttpServletRequest request, HttpServletResponse response, FilterChain chain, String path)
      throws IOException, ServletException {
    java.util.regex.Matcher form = FORM_VARIABLES.matcher(path);
    if (!"GET".equals(request.getMethod()) || !form.matches()) {
      chain.doFilter(request, response);
      return;
    }
    var captured = new org.springframework.web.util.ContentCachingResponseWrapper(response);
    chain.doFilter(request, captured);
    if (captured.getStatus() == 200) {
      JsonNode variables = JSON.readTree(captured.getContentAsByteArray());
      if (variables instanceof com.fasterxml.jackson.databind.node.ObjectNode object && !object.has(DOCUMENTS_PAGE)) {
        object.putObject(DOCUMENTS_PAGE).put("type", "String")
            .put("value", TaskFormListener.documentsPage(form.group(1))).putObject("valueInfo");
        captured.resetBuffer();
        JSON.writeValue(captured.getOutputStream(), object);
      }
    }
    captured.copyBodyToResponse();
  }

  static final String DOCUMENTS_PAGE = "documentsPage";

  private EngineProblems.Problem check(Rule rule, Caller caller, HttpServletRequest request, String path, CachedBody body,
      TaskAccess.SeenTask seen) throws IOException {
    String self = caller.userId();
    return switch (rule.check()) {
      case NONE -> null;
      case SELF_IN_PATH -> self.equals(path.split("/")[1]) ? null : EngineProblems.forbidden("ほかの利用者の情報は見られません");
      case MEMBER_IS_SELF -> self.equals(request.getParameter("member")) ? null
          : EngineProblems.forbidden("ほかの利用者のグループは見られません");
      case USER_ID_IS_SELF -> self.equals(request.getParameter("userId")) ? null
          : EngineProblems.forbidden("ほかの利用者のグループは見られません");
      case SCOPED_HISTORY -> request.getParameter("taskId") != null || request.getParameter("processInstanceId") != null
          ? null : EngineProblems.forbidden("操作履歴はタスクか案件を指定して見てください");
      case USER_BY_ID -> request.getParameter("id") != null ? null
          : EngineProblems.forbidden("利用者は ID を指定して確かめてください（一覧は見られません）");
      case WORK -> tasks.refuseWork(caller, seen, path.endsWith("/claim"));
      case COMMENT -> tasks.refuseComment(caller, seen);
      case COMMENTS -> null; // anyone who may see the task reads its comments
      case ASSIGN -> tasks.refuseAssignment(caller, seen, text(body.json(), "userId"));
      case TASK_FORM -> tasks.refuseFields(caller, seen, variableNames(body.json()));
    };
  }

  /**
   * Tasklist's comment tab: listed and added here (the engine's resource needs history rights agencies do not have, and
   * would let anyone comment); the answers have the engine's own shape.
   */
  private void comments(EngineSurfaces.Check check, Caller caller, TaskAccess.SeenTask seen, CachedBody body,
      HttpServletResponse response) throws IOException {
    Object answer;
    if (check == EngineSurfaces.Check.COMMENTS) {
      answer = tasks.comments(seen.task().getId());
    } else {
      JsonNode message = body.json() == null ? null : body.json().get("message");
      try {
        answer = TaskAccess.commentView(tasks.addComment(caller.userId(), seen.task(), message == null
            || message.isNull() ? null : message.isTextual() ? message.asText() : JSON.treeToValue(message, Object.class)));
      } catch (jp.keieikaizen.common.InvalidInputException e) {
        EngineProblems.write(response, EngineProblems.invalid(e.problems()));
        return;
      }
    }
    response.setStatus(200);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    JSON.writeValue(response.getOutputStream(), answer);
  }

  private static boolean taskPath(String path) {
    String[] parts = path.split("/");
    return parts.length >= 2 && "task".equals(parts[0]) && !Set.of("count", "create", "report").contains(parts[1]);
  }

  private static String taskIdOf(String path) {
    return path.split("/")[1];
  }

  private static String text(JsonNode json, String field) {
    JsonNode node = json == null ? null : json.get(field);
    return node == null || node.isNull() ? null : node.asText();
  }

  private static Set<String> variableNames(JsonNode json) {
    JsonNode variables = json == null ? null : json.get("variables");
    Set<String> names = new java.util.TreeSet<>();
    if (variables != null && variables.isObject()) {
      variables.fieldNames().forEachRemaining(names::add);
    }
    return names;
  }

  /** The user logged in to the webapps for this engine, from their session; null when there is none. */
  private static String userOf(HttpSession session, String engine) {
    Authentications auths = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    var auth = auths == null ? null : auths.getAuthenticationForProcessEngine(engine);
    return auth == null ? null : auth.getIdentityId();
  }
}
