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

  @Test
  void theApiIsDescribedWithOpenApi() {
    ResponseEntity<String> docs = anonymous.getForEntity("/v3/api-docs", String.class);
    assertThat(docs.getStatusCode().value()).isEqualTo(200);
    assertThat(docs.getBody()).contains("\"/api/cases/{caseNumber}\"", "\"/api/tasks/{taskId}/complete\"", "basicAuth")
        .doesNotContain("/engine-rest");
  }

}
