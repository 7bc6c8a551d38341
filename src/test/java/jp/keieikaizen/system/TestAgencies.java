package jp.keieikaizen.system;

import java.util.List;
import java.util.Map;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;

/** Agencies for integration tests, registered through /api once per run (the run's ITs share one database). */
public final class TestAgencies {

  private TestAgencies() {
  }

  /** Registers the agency unless an earlier test of this run did, and returns its id (its group is agency-{id}). */
  public static long register(TestRestTemplate admin, String code, String name) {
    admin.postForEntity("/api/agencies", Map.of("agencyCode", code, "name", name, "kind", "CPA",
        "certifiedFrom", "2024-04-01", "certifiedTo", "2029-03-31"), Map.class);
    return admin.exchange("/api/agencies", HttpMethod.GET, null,
        new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody().stream()
        .filter(a -> code.equals(a.get("agencyCode"))).map(a -> ((Number) a.get("id")).longValue()).findFirst()
        .orElseThrow(() -> new AssertionError("agency " + code + " was not registered"));
  }
}
