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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

import jp.keieikaizen.system.TestUsers;
import jp.keieikaizen.system.WebappSession;
import jp.keieikaizen.system.WholeAppOnMariaDb;

/**
 * What protects the web side: security headers on the API, 401 problem+json without credentials, the webapps' CSRF
 * token on their login and API, the password policy, the initial administrator from configuration, and the OpenAPI
 * description.
 */
@WholeAppOnMariaDb
class WebSecurityIT {

  @Autowired TestRestTemplate anonymous;
  @LocalServerPort int port;
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

  /**
   * One login (#14): Tasklist without a session sends the browser to the application's login page, which brings it
   * back; the webapps then know the user with their groups, and still want their own CSRF token on every change; the
   * webapps' own login does not log anyone in; their logout ends the one session, the pages' too.
   */
  @Test
  void oneLoginOpensTheWorkspaceAndTheWebappsAndTheirLogoutEndsBoth() {
    TestUsers.ensure(identity, "web-coord-13", "Tasklist-Login-7", Groups.coordinator("13"), null);
    WebappSession browser = WebappSession.anonymous(port);
    var tasklist = browser.send("GET", "/camunda/app/tasklist/default/", null, null);
    assertThat(tasklist.status()).isEqualTo(302);
    assertThat(tasklist.location()).endsWith("/login");
    assertThat(browser.send("GET", "/camunda/api/admin/auth/user/default", null, null).status()).isEqualTo(401);
    assertThat(browser.send("POST", LOGIN, "username=web-coord-13&password=Tasklist-Login-7",
        "application/x-www-form-urlencoded").status()).as("the webapps' own login").isEqualTo(401);
    assertThat(browser.send("GET", "/camunda/app/tasklist/styles/user-styles.css", null, null).status())
        .as("their static files are open").isEqualTo(200);

    var login = browser.formLogin("web-coord-13", "Tasklist-Login-7");
    assertThat(login.location()).as("back to Tasklist").contains("/camunda/app/tasklist/default/");
    assertThat(browser.send("GET", "/camunda/app/tasklist/default/", null, null).status()).isEqualTo(200);
    var user = browser.send("GET", "/camunda/api/admin/auth/user/default", null, null);
    assertThat(user.status()).isEqualTo(200);
    assertThat(user.body()).contains("\"userId\":\"web-coord-13\"").contains("tasklist").doesNotContain("cockpit");
    assertThat(browser.engine("GET", "task/count", null).body()).contains("count");
    assertThat(browser.send("POST", LOGIN, "username=web-coord-13&password=Tasklist-Login-7",
        "application/x-www-form-urlencoded").status()).as("the webapps' own login stays closed after login").isEqualTo(403);
    assertThat(browser.send("GET", "/app/", null, null).status()).as("the pages, on the same session").isEqualTo(200);

    // their CSRF protection stays: a change without their token is refused
    assertThat(browser.sendWithoutToken("POST", WebappSession.ENGINE + "task/create", "{}", "application/json").status())
        .isEqualTo(403);

    var logout = browser.send("POST", "/camunda/api/admin/auth/user/default/logout", null, null);
    assertThat(logout.status()).isEqualTo(200);
    assertThat(browser.send("GET", "/app/", null, null).status()).as("the pages' session ended too").isEqualTo(302);
    assertThat(browser.send("GET", "/camunda/api/admin/auth/user/default", null, null).status()).isEqualTo(401);
  }

  static final String LOGIN = "/camunda/api/admin/auth/user/default/login/tasklist";

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
    TestUsers.ensure(identity, "web-cookies", "Cookie-Look-2026", Groups.coordinator("13"), null);
    WebappSession browser = WebappSession.anonymous(port);
    List<String> cookies = new java.util.ArrayList<>(browser.formLogin("web-cookies", "Cookie-Look-2026").setCookies());
    cookies.addAll(browser.send("GET", "/camunda/app/tasklist/default/", null, null).setCookies());
    cookies.addAll(browser.send("GET", "/camunda/api/admin/auth/user/default", null, null).setCookies());
    assertThat(cookies).filteredOn(c -> c.startsWith("XSRF-TOKEN=")).isNotEmpty()
        .allSatisfy(c -> assertThat(c).containsIgnoringCase("SameSite=Lax"));
    assertThat(cookies).filteredOn(c -> c.startsWith("JSESSIONID=")).isNotEmpty().allSatisfy(c -> assertThat(c)
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
    // the login page is throttled the same way: blocked, it says so, and the right password does not get through
    List<String> page = new java.util.ArrayList<>();
    for (int i = 0; i < 7; i++) {
      page.add(pageLogin("203.0.113.9", "web-target", i < 6 ? "guess" : "Target-pass-2026"));
    }
    assertThat(page).containsExactly("/login?error", "/login?error", "/login?error", "/login?error", "/login?error",
        "/login?locked", "/login?locked");
    assertThat(pageLogin("198.51.100.21", "web-bystander", "Bystander-pass-2026")).isEqualTo("/app/");
  }

  /** A login through the login page from an address (a proxy's X-Forwarded-For): where it sends the browser. */
  private String pageLogin(String address, String user, String password) {
    var answer = WebappSession.anonymousFrom(port, address).formLogin(user, password);
    assertThat(answer.status()).as("%s", answer).isEqualTo(302);
    String location = answer.location();
    return location.substring(location.indexOf('/', location.indexOf("//") + 2));
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
  void theApiIsDescribedWithOpenApi() throws Exception {
    ResponseEntity<String> docs = anonymous.getForEntity("/v3/api-docs", String.class);
    assertThat(docs.getStatusCode().value()).isEqualTo(200);
    assertThat(docs.getBody()).contains("\"/api/cases/{caseNumber}\"", "\"/api/tasks/{taskId}/complete\"", "basicAuth")
        .doesNotContain("/engine-rest");

    // the request bodies are typed from the forms: every field of each form, its choices, what it always requires
    com.fasterxml.jackson.databind.JsonNode api = read(docs.getBody());
    com.fasterxml.jackson.databind.JsonNode schemas = api.path("components").path("schemas");
    for (String form : java.util.List.of("submitApplication", "submitApplication405", "decideApplication",
        "recordLenderResponse", "fileClaim")) {
      java.util.Set<String> described = new java.util.HashSet<>();
      schemas.path("Form_" + form).path("properties").fieldNames().forEachRemaining(described::add);
      assertThat(described).as("the fields of %s", form).isEqualTo(jp.keieikaizen.process.FormLintTest.keys(form));
    }
    assertThat(schemas.path("Form_decideApplication").path("properties").path("decision").path("enum").toString())
        .isEqualTo("[\"ACCEPT\",\"RETURN\",\"REJECT\"]");
    assertThat(schemas.path("Form_submitApplication").path("required").toString()).contains("\"companyName\"")
        .doesNotContain("\"corporateNumber\"");
    assertThat(api.at("/paths/~1api~1early-plan~1applications/post/requestBody/content/application~1json/schema/$ref")
        .asText()).isEqualTo("#/components/schemas/Form_submitApplication");
    com.fasterxml.jackson.databind.JsonNode completion = api.at(
        "/paths/~1api~1tasks~1{taskId}~1complete/post/requestBody/content/application~1json/schema/oneOf");
    assertThat(completion.size()).as("one schema per task form").isEqualTo(
        java.nio.file.Files.list(java.nio.file.Path.of("forms")).filter(f -> !f.getFileName().toString().startsWith("submitApplication")).count());
    assertThat(api.at("/paths/~1api~1cases~1{caseNumber}~1validity-extension/post/requestBody/content/application~1json/schema/required")
        .toString()).contains("newValidUntil", "reason");
  }

  private static com.fasterxml.jackson.databind.JsonNode read(String body) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

}
