package jp.keieikaizen.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

import jp.keieikaizen.system.TestUsers;
import jp.keieikaizen.system.WholeAppOnMariaDb;

/**
 * What protects the web side: security headers on the API, 401 problem+json without credentials, the webapps' CSRF
 * token on their login and API, the password policy, the initial administrator from configuration, and the OpenAPI
 * description.
 */
@WholeAppOnMariaDb
class WebSecurityIT {

  @Autowired TestRestTemplate anonymous;
  @Autowired IdentityService identity;
  @Autowired org.camunda.bpm.engine.AuthorizationService authorizations;
  @Autowired org.camunda.bpm.engine.ManagementService management;
  @Autowired AccessSetup access;

  @Test
  void theApiSendsSecurityHeadersAndAsksAnonymousCallersToAuthenticate() {
    ResponseEntity<String> response = anonymous.getForEntity("/api/cases", String.class);
    assertThat(response.getStatusCode().value()).isEqualTo(401);
    assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json;charset=UTF-8");
    assertThat(response.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
    assertThat(response.getBody()).contains("認証が必要です");

    ResponseEntity<String> ok = anonymous.withBasicAuth(WholeAppOnMariaDb.ADMIN, WholeAppOnMariaDb.ADMIN_PASSWORD)
        .getForEntity("/api/councils", String.class);
    assertThat(ok.getStatusCode().value()).isEqualTo(200);
    HttpHeaders headers = ok.getHeaders();
    assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
    assertThat(headers.getFirst("Content-Security-Policy")).contains("default-src 'none'");
    assertThat(headers.getFirst("Cache-Control")).contains("no-store");
    assertThat(headers.get("Set-Cookie")).as("stateless: no session cookie").isNull();

    // not the admin: failed logins delay the next
    TestUsers.ensure(identity, "web-wrong", "Wrong-Tries-2026", Groups.coordinator("13"), null);
    ResponseEntity<String> wrong = anonymous.withBasicAuth("web-wrong", "not-the-password")
        .getForEntity("/api/councils", String.class);
    assertThat(wrong.getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void theWebappsRefuseALoginWithoutTheirCsrfTokenAndAcceptItWithIt() {
    TestUsers.ensure(identity, "web-coord-13", "Tasklist-Login-7", Groups.coordinator("13"), null);
    LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("username", "web-coord-13");
    form.add("password", "Tasklist-Login-7");

    Session refused = openTasklist();
    ResponseEntity<String> withoutToken = anonymous.exchange(LOGIN, HttpMethod.POST,
        new HttpEntity<>(form, refused.headers(null)), String.class);
    assertThat(withoutToken.getStatusCode().value()).isEqualTo(403);
    // the failed check also ended that session: its token no longer works either
    ResponseEntity<String> staleToken = anonymous.exchange(LOGIN, HttpMethod.POST,
        new HttpEntity<>(form, refused.headers(refused.token())), String.class);
    assertThat(staleToken.getStatusCode().value()).isEqualTo(403);

    Session fresh = openTasklist();
    ResponseEntity<String> loggedIn = anonymous.exchange(LOGIN, HttpMethod.POST,
        new HttpEntity<>(form, fresh.headers(fresh.token())), String.class);
    assertThat(loggedIn.getStatusCode().value()).as(loggedIn.getBody()).isEqualTo(200);
    assertThat(loggedIn.getBody()).contains("\"userId\":\"web-coord-13\"").contains("tasklist");
  }

  static final String LOGIN = "/camunda/api/admin/auth/user/default/login/tasklist";

  /** A browser's first visit to Tasklist: its session cookie and the CSRF token the webapp hands out. */
  record Session(String cookies, String token) {
    HttpHeaders headers(String csrfToken) {
      HttpHeaders headers = new HttpHeaders();
      headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
      headers.add(HttpHeaders.COOKIE, cookies);
      if (csrfToken != null) {
        headers.add("X-XSRF-TOKEN", csrfToken);
      }
      return headers;
    }
  }

  private Session openTasklist() {
    List<String> cookies = anonymous.getForEntity("/camunda/app/tasklist/default/", String.class).getHeaders()
        .getOrDefault("Set-Cookie", List.of());
    String token = cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).map(c -> c.substring(11, c.indexOf(';')))
        .findFirst().orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie in " + cookies));
    return new Session(cookies.stream().map(c -> c.substring(0, c.indexOf(';'))).collect(Collectors.joining("; ")), token);
  }

  @Test
  void passwordsFollowThePolicyAndTheFirstAdministratorCameFromConfiguration() {
    User weak = identity.newUser("web-weak");
    weak.setPassword("password");
    assertThatThrownBy(() -> identity.saveUser(weak)).isInstanceOf(ProcessEngineException.class);
    assertThat(identity.createUserQuery().userId("web-weak").count()).isZero();

    assertThat(identity.createUserQuery().memberOfGroup(Groups.ADMIN).list()).extracting(User::getId)
        .containsExactly(WholeAppOnMariaDb.ADMIN);
    assertThat(identity.checkPassword(WholeAppOnMariaDb.ADMIN, WholeAppOnMariaDb.ADMIN_PASSWORD)).isTrue();
  }

  /** A start with the same setup version and councils checks one property instead of ~700 grants; a new one applies. */
  @Test
  void theAccessSetupRunsOncePerVersionAndReappliesWhenItsFingerprintChanges() {
    String fingerprint = access.fingerprint();
    assertThat(fingerprint).startsWith("v" + AccessSetup.SETUP_VERSION + ":");
    assertThat(management.getProperties()).containsEntry(AccessSetup.FINGERPRINT_PROPERTY, fingerprint);
    String group = Groups.coordinator("46");
    try {
      authorizations.deleteAuthorization(tasklistGrant(group).getId());
      access.run(null);
      assertThat(tasklistGrant(group)).as("unchanged fingerprint: nothing re-applied").isNull();
      management.deleteProperty(AccessSetup.FINGERPRINT_PROPERTY);
      access.run(null);
      assertThat(tasklistGrant(group)).as("no fingerprint: the whole setup re-applied").isNotNull();
      assertThat(management.getProperties()).containsEntry(AccessSetup.FINGERPRINT_PROPERTY, fingerprint);
    } finally {
      management.deleteProperty(AccessSetup.FINGERPRINT_PROPERTY);
      access.run(null);
    }
  }

  private org.camunda.bpm.engine.authorization.Authorization tasklistGrant(String group) {
    return authorizations.createAuthorizationQuery().groupIdIn(group)
        .resourceType(org.camunda.bpm.engine.authorization.Resources.APPLICATION).resourceId("tasklist").singleResult();
  }

  /**
   * Headers and cookies (#13): no referrer leaves the site, HSTS on HTTPS (here: a TLS proxy's X-Forwarded-Proto),
   * session and CSRF cookies SameSite, the actuator's endpoints other than health for administrators only.
   */
  @Test
  void headersCookiesAndTheActuatorFollowTheRules() {
    for (String path : List.of("/api/councils", "/login", "/camunda/app/tasklist/default/")) {
      ResponseEntity<String> r = anonymous.getForEntity(path, String.class);
      assertThat(r.getHeaders().getFirst("Referrer-Policy")).as(path).isEqualTo("same-origin");
    }
    HttpHeaders https = new HttpHeaders();
    https.add("X-Forwarded-Proto", "https");
    ResponseEntity<String> secure = anonymous.exchange("/login", HttpMethod.GET, new HttpEntity<>(https), String.class);
    assertThat(secure.getHeaders().getFirst("Strict-Transport-Security")).isEqualTo("max-age=31536000");
    assertThat(anonymous.getForEntity("/login", String.class).getHeaders().getFirst("Strict-Transport-Security"))
        .as("plain HTTP: no HSTS").isNull();
    List<String> cookies = anonymous.getForEntity("/camunda/app/tasklist/default/", String.class).getHeaders()
        .getOrDefault("Set-Cookie", List.of());
    assertThat(cookies).filteredOn(c -> c.startsWith("XSRF-TOKEN=")).singleElement().asString().containsIgnoringCase("SameSite=Lax");
    assertThat(cookies).filteredOn(c -> c.startsWith("JSESSIONID=")).allSatisfy(c -> assertThat(c)
        .containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly"));

    assertThat(anonymous.getForEntity("/actuator/health", String.class).getStatusCode().value()).isEqualTo(200);
    assertThat(anonymous.getForEntity("/actuator/info", String.class).getStatusCode().value()).isEqualTo(401);
    assertThat(anonymous.getForEntity("/actuator", String.class).getStatusCode().value()).isEqualTo(401);
    TestUsers.ensure(identity, "web-actuator", "Actuator-Look-7", Groups.coordinator("13"), null);
    assertThat(anonymous.withBasicAuth("web-actuator", "Actuator-Look-7").getForEntity("/actuator/info", String.class)
        .getStatusCode().value()).isEqualTo(403);
    assertThat(anonymous.withBasicAuth(WholeAppOnMariaDb.ADMIN, WholeAppOnMariaDb.ADMIN_PASSWORD)
        .getForEntity("/actuator/info", String.class).getStatusCode().value()).isEqualTo(200);
  }

  /**
   * Failed logins are stopped per account and address (#13): after 5 failures from one address that account's logins
   * from there are refused (429, even with the right password), while the owner logs in from elsewhere; the engine
   * locks no account however many failures there are, so nobody can lock someone else out by their name.
   */
  @Test
  void failedLoginsAreThrottledPerAccountAndAddressAndLockNoAccount() {
    TestUsers.ensure(identity, "web-target", "Target-pass-2026", Groups.coordinator("13"), null);
    TestUsers.ensure(identity, "web-bystander", "Bystander-pass-2026", Groups.coordinator("13"), null);
    List<Integer> attacker = new java.util.ArrayList<>();
    for (int i = 0; i < 7; i++) {
      attacker.add(from("203.0.113.7", "web-target", "guess-" + i));
    }
    assertThat(attacker).containsExactly(401, 401, 401, 401, 401, 429, 429);
    assertThat(from("203.0.113.7", "web-target", "Target-pass-2026")).as("right password, blocked address").isEqualTo(429);
    assertThat(from("198.51.100.20", "web-target", "Target-pass-2026")).as("the owner, elsewhere").isEqualTo(200);
    assertThat(from("203.0.113.7", "web-bystander", "Bystander-pass-2026")).as("another account").isEqualTo(200);
    for (int i = 0; i < 12; i++) { // more than the engine's old lock-out of 10, from ever new addresses
      from("192.0.2." + (10 + i), "web-target", "guess");
    }
    assertThat(from("198.51.100.20", "web-target", "Target-pass-2026")).as("no lock-out by name").isEqualTo(200);
    // the webapps' own login and /engine-rest are throttled the same way
    List<Integer> webapp = new java.util.ArrayList<>();
    for (int i = 0; i < 6; i++) {
      HttpHeaders headers = new HttpHeaders();
      headers.add("X-Forwarded-For", "203.0.113.9");
      headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
      LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
      form.add("username", "web-target");
      form.add("password", "guess");
      Session session = openTasklist();
      headers.add(HttpHeaders.COOKIE, session.cookies());
      headers.add("X-XSRF-TOKEN", session.token());
      webapp.add(anonymous.exchange(LOGIN, HttpMethod.POST, new HttpEntity<>(form, headers), String.class)
          .getStatusCode().value());
    }
    assertThat(webapp).containsExactly(401, 401, 401, 401, 401, 429);
  }

  private int from(String address, String user, String password) {
    HttpHeaders headers = new HttpHeaders();
    headers.add("X-Forwarded-For", address);
    return anonymous.withBasicAuth(user, password).exchange("/api/councils", HttpMethod.GET, new HttpEntity<>(headers),
        String.class).getStatusCode().value();
  }

  /**
   * The pages' stylesheet and scripts are never behind the login (#14): the login page is styled, and a user sent to
   * log in lands on the page they asked for, not on the stylesheet the login page loaded.
   */
  @Test
  void staticAssetsAreOpenAndTheLoginLandsOnThePageAsked() throws Exception {
    ResponseEntity<String> css = anonymous.getForEntity("/app/assets/app.css", String.class);
    assertThat(css.getStatusCode().value()).isEqualTo(200);
    assertThat(String.valueOf(css.getHeaders().getContentType())).startsWith("text/css");
    TestUsers.ensure(identity, "web-pages", "Pages-Login-2026", Groups.coordinator("13"), null);
    java.net.CookieManager cookies = new java.net.CookieManager();
    java.net.http.HttpClient browser = java.net.http.HttpClient.newBuilder().cookieHandler(cookies)
        .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
    String base = anonymous.getRootUri();
    var asked = browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/app/cases")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(asked.statusCode()).isEqualTo(302);
    assertThat(asked.headers().firstValue("Location").orElse("")).endsWith("/login");
    String page = browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    // the login page loads its stylesheet, as a browser does, before the user logs in
    assertThat(browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/app/assets/app.css")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
    assertThat(csrf.find()).as("the login form carries a CSRF token").isTrue();
    var login = browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=web-pages&password=Pages-Login-2026&_csrf="
            + java.net.URLEncoder.encode(csrf.group(1), java.nio.charset.StandardCharsets.UTF_8))).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(login.headers().firstValue("Location").orElse("")).as("back to the page asked for")
        .contains("/app/cases").doesNotContain("assets");
  }

  @Test
  void theApiIsDescribedWithOpenApi() {
    ResponseEntity<String> docs = anonymous.getForEntity("/v3/api-docs", String.class);
    assertThat(docs.getStatusCode().value()).isEqualTo(200);
    assertThat(docs.getBody()).contains("\"/api/cases/{caseNumber}\"", "\"/api/tasks/{taskId}/complete\"", "basicAuth")
        .doesNotContain("/engine-rest");
  }

}
