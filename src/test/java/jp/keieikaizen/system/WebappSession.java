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
 * A browser's session with the Camunda webapps, as Tasklist and Cockpit hold it: logged in through the webapps' own
 * login with its CSRF token, then calling the webapps' engine API (/camunda/api/engine/engine/default/...) with the
 * session cookie and the token, exactly as their pages do.
 */
public final class WebappSession {

  public static final String ENGINE = "/camunda/api/engine/engine/default/";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String base;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient client;

  private WebappSession(int port) {
    this.base = "http://localhost:" + port;
    this.client = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(10)).build();
  }

  /** Logs in to Tasklist as the user; fails loudly when the login is refused. */
  public static WebappSession login(int port, String user, String password) {
    WebappSession session = new WebappSession(port);
    Answer page = session.send("GET", "/camunda/app/tasklist/default/", null, null);
    if (page.status() != 200) {
      throw new IllegalStateException("Tasklist page: " + page);
    }
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8);
    Answer login = session.send("POST", "/camunda/api/admin/auth/user/default/login/tasklist", form,
        "application/x-www-form-urlencoded");
    if (login.status() != 200) {
      throw new IllegalStateException("login of " + user + ": " + login);
    }
    // the login starts a new session without a CSRF token; the webapps' next page load fetches one, as this does
    session.send("GET", "/camunda/api/admin/auth/user/default", null, null);
    return session;
  }

  /** A session that has only opened Tasklist, not logged in. */
  public static WebappSession anonymous(int port) {
    WebappSession session = new WebappSession(port);
    session.send("GET", "/camunda/app/tasklist/default/", null, null);
    return session;
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
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
        .header("Accept", "application/json, text/plain, */*");
    String token = token();
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
      return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
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
  public record Answer(int status, String contentType, String body) {

    public Object json() {
      try {
        return body == null || body.isBlank() ? null : JSON.readValue(body, Object.class);
      } catch (IOException e) {
        return body;
      }
    }

    @Override
    public String toString() {
      return status + " " + contentType + " " + (body == null ? "" : body.substring(0, Math.min(300, body.length())));
    }
  }
}
