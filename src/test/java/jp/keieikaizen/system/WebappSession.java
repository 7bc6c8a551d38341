package jp.keieikaizen.system;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A browser's session with the Camunda webapps, as Tasklist and Cockpit hold it: logged in through the application's
 * login page (one login for the workspace and the webapps), then calling the webapps' engine API (/camunda/api/engine/engine/default/...) with the
 * session cookie and the token, exactly as their pages do.
 */
public final class WebappSession {

  public static final String ENGINE = "/camunda/api/engine/engine/default/";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String base;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient client;

  private String forwardedFor;
  private Duration timeout = Duration.ofSeconds(60);

  private WebappSession(int port) {
    this.base = "http://localhost:" + port;
    this.client = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(10)).build();
  }

  /**
   * Logs in as a browser does (one login, #14): the application's login page with its CSRF token, then Tasklist on
   * the same session, which hands the webapps their user and their own CSRF token. Fails loudly when refused.
   */
  public static WebappSession login(int port, String user, String password) {
    WebappSession session = new WebappSession(port);
    Answer login = session.formLogin(user, password);
    if (login.status() != 302 || login.location().contains("/login")) {
      throw new IllegalStateException("login of " + user + ": " + login);
    }
    Answer page = session.send("GET", "/camunda/app/tasklist/default/", null, null);
    if (page.status() != 200) {
      throw new IllegalStateException("Tasklist page: " + page);
    }
    // the webapps' first API call fetches their CSRF token, as this does
    session.send("GET", "/camunda/api/admin/auth/user/default", null, null);
    return session;
  }

  /** The login form posted with its CSRF token; the answer is the redirect (no redirect is followed). */
  public Answer formLogin(String user, String password) {
    Answer form = send("GET", "/login", null, null);
    java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
    if (!csrf.find()) {
      throw new IllegalStateException("the login page has no CSRF token: " + form);
    }
    return send("POST", "/login", "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(csrf.group(1),
        StandardCharsets.UTF_8), "application/x-www-form-urlencoded");
  }

  /** A browser that has not logged in: Tasklist sends it to the login page. */
  public static WebappSession anonymous(int port) {
    WebappSession session = new WebappSession(port);
    session.send("GET", "/camunda/app/tasklist/default/", null, null);
    return session;
  }

  /** A browser that has not logged in, behind a proxy that names its address (X-Forwarded-For). */
  public static WebappSession anonymousFrom(int port, String address) {
    WebappSession session = new WebappSession(port);
    session.forwardedFor = address;
    return session;
  }

  /** How long a call may take before it fails (60 s unless set; the benchmark's slowest engine queries take longer). */
  public WebappSession timeout(Duration limit) {
    this.timeout = limit;
    return this;
  }

  /** The names of the cookies this browser holds. */
  public java.util.Set<String> cookieNames() {
    return cookies.getCookieStore().getCookies().stream().map(HttpCookie::getName)
        .collect(java.util.stream.Collectors.toSet());
  }

  /** A call of the webapps' engine API; path relative to the engine, e.g. "task?maxResults=5". */
  public Answer engine(String method, String path, Object jsonBody) {
    try {
      return send(method, ENGINE + path, jsonBody == null ? null : JSON.writeValueAsString(jsonBody),
          jsonBody == null ? null : "application/json");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  public Answer send(String method, String path, String body, String contentType) {
    return send(method, path, body, contentType, true);
  }

  /**
   * A call of the workspace as its pages make it: with the Spring CSRF token the page carries in its meta tags
   * (read from the inbox page of this session).
   */
  public Answer workspace(String method, String path, String jsonBody) {
    return workspace(method, path, jsonBody, jsonBody == null ? null : "application/json");
  }

  /** As {@link #workspace(String, String, String)}, with a body of the given type (e.g. a page's form). */
  public Answer workspace(String method, String path, String body, String contentType) {
    Answer page = send("GET", "/app/inbox", null, null);
    java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"")
        .matcher(page.body() == null ? "" : page.body());
    extraHeader = token.find() ? new String[] {"X-CSRF-TOKEN", token.group(1)} : null;
    try {
      return send(method, path, body, contentType, true);
    } finally {
      extraHeader = null;
    }
  }

  private String[] extraHeader;

  /** A call without the webapps' CSRF token (the session cookie goes along, as a forged request's would). */
  public Answer sendWithoutToken(String method, String path, String body, String contentType) {
    return send(method, path, body, contentType, false);
  }

  private Answer send(String method, String path, String body, String contentType, boolean withToken) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
        .header("Accept", "application/json, text/plain, */*");
    String token = withToken ? token() : null;
    if (extraHeader != null) {
      request.header(extraHeader[0], extraHeader[1]);
    }
    if (forwardedFor != null) {
      request.header("X-Forwarded-For", forwardedFor);
    }
    if (token != null) {
      request.header("X-XSRF-TOKEN", token);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body(),
          response.headers().firstValue("Location").orElse(""), response.headers().allValues("Set-Cookie"));
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String token() {
    return cookies.getCookieStore().getCookies().stream().filter(c -> "XSRF-TOKEN".equals(c.getName()))
        .map(HttpCookie::getValue).findFirst().orElse(null);
  }

  /** An answer: status, content type and body. */
  public record Answer(int status, String contentType, String body, String location, java.util.List<String> setCookies) {

    public Object json() {
      try {
        return body == null || body.isBlank() ? null : JSON.readValue(body, Object.class);
      } catch (IOException e) {
        return body;
      }
    }

    @Override
    public String toString() {
      return status + " " + contentType + (location.isEmpty() ? "" : " → " + location) + " " + (body == null ? "" : body.substring(0, Math.min(300, body.length())));
    }
  }
}
