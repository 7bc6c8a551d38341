package jp.keieikaizen.web;

import static jp.keieikaizen.EarlyPlanLifecycleIT.untyped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

import com.fasterxml.jackson.databind.ObjectMapper;

import jp.keieikaizen.EarlyPlanLifecycleIT;
import jp.keieikaizen.system.WholeAppOnMariaDb;

/**
 * Hundreds of malformed requests, generated from a table of entry point × field × bad value (wrong types and formats,
 * SQL and script injection strings, overlong and non-UTF-8 text, negative and huge amounts, impossible dates): each is
 * answered 400 naming the field, and afterwards every application table and every engine runtime table holds exactly
 * the rows it held before.
 */
@WholeAppOnMariaDb
class BadInputIT {

  static final String TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo")).toString();
  static final String TOMORROW = LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(1).toString();
  static final String SQL = "'; DROP TABLE case_file; --", SQL_OR = "' OR '1'='1", SCRIPT = "<script>alert(1)</script>",
      IMG = "<img src=x onerror=alert(1)>";
  static final String AGENCY = "108413770001";

  /** One malformed request: what it sends, and the field its 400 must name. */
  record Probe(String label, String field, Function<TestRestTemplate, ResponseEntity<String>> send) {
  }

  @Autowired TestRestTemplate anonymous;
  @Autowired JdbcTemplate jdbc;
  @Autowired ManagementService management;
  @Autowired TaskService tasks;
  final ObjectMapper json = new ObjectMapper();

  @Test
  void everyMalformedRequestIsRefusedWith400NamingTheFieldAndChangesNothing() throws Exception {
    TestRestTemplate http = anonymous.withBasicAuth(WholeAppOnMariaDb.ADMIN, WholeAppOnMariaDb.ADMIN_PASSWORD);
    post(http, "/api/agencies", Map.of("agencyCode", AGENCY, "name", "入力試験会計事務所", "kind", "CPA",
        "certifiedFrom", "2024-04-01", "certifiedTo", "2029-03-31"));
    ResponseEntity<String> started = post(http, "/api/early-plan/applications", application());
    assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(201);
    String caseNumber = (String) json.readValue(started.getBody(), Map.class).get("caseNumber");
    String decide = await().atMost(Duration.ofSeconds(30)).until(() -> {
      var t = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey("decideApplication")
          .singleResult();
      return t == null ? null : t.getId();
    }, id -> id != null);
    // the cases' jobs at rest (the engine's history cleanup job, due in its nightly window, is none of them)
    await().atMost(Duration.ofSeconds(30)).until(() -> management.createJobQuery().executable().list().stream()
        .noneMatch(j -> j.getProcessInstanceId() != null));

    List<Probe> probes = probes(caseNumber, decide);
    probes.addAll(typeGroupingAndFileProbes(caseNumber, decide));
    Map<String, Long> before = rowCounts();

    List<String> wrong = new ArrayList<>();
    for (Probe probe : probes) {
      ResponseEntity<String> response = probe.send().apply(http);
      String body = response.getBody() == null ? "" : response.getBody();
      if (response.getStatusCode().value() != 400) {
        wrong.add(probe.label() + ": status " + response.getStatusCode().value() + " " + body);
      } else if (!fieldsOf(body).contains(probe.field())) {
        wrong.add(probe.label() + ": 400 without the field " + probe.field() + ": " + body);
      } else if (probe.label().startsWith("/api") && !String.valueOf(response.getHeaders().getContentType())
          .startsWith("application/problem+json")) {
        wrong.add(probe.label() + ": not problem+json but " + response.getHeaders().getContentType());
      }
    }

    org.slf4j.LoggerFactory.getLogger(BadInputIT.class).warn("bad-input suite: {} malformed requests, {} answered wrongly;"
        + " rows checked in {} tables", probes.size(), wrong.size(), before.size());
    assertThat(wrong).as("probes answered wrongly").isEmpty();
    assertThat(probes).hasSizeGreaterThanOrEqualTo(300);
    assertThat(rowCounts()).as("rows of every application table and engine runtime table").isEqualTo(before);
    assertThat(tasks.createTaskQuery().taskId(decide).singleResult()).as("the decision task is still open").isNotNull();
  }

  private List<Probe> probes(String caseNumber, String decideTask) {
    List<Probe> probes = new ArrayList<>();
    // the early-plan application: every field × bad values
    Map<String, List<Object>> early = new LinkedHashMap<>();
    early.put("councilCode", List.of("", "00", "48", "1", "130", SQL, SCRIPT, Map.of("$ne", "")));
    early.put("agencyCode", List.of("", "abc", "12345", "1234567890123", SQL_OR, "999999999999", List.of(AGENCY)));
    early.put("applicationDate", List.of("", "2025-02-30", "2025-13-01", "tomorrow", TOMORROW, "2019-01-01",
        "9999-12-31", "0000-01-01", SQL, Map.of("$gt", "")));
    early.put("companyName", List.of("", "あ".repeat(201), "x".repeat(10_000), SCRIPT, IMG, "株式会社\u0000テスト",
        "株式会社\uFFFDテスト", "株式会社\uD800テスト", "\u0085", Map.of("a", 1), List.of("株式会社")));
    early.put("corporateNumber", List.of("1234567890123", "12345", "abcdefghijklm", "9234567890123'; --",
        "１２３４５６７８９０１２３", "92345678901234", SCRIPT));
    early.put("entityType", List.of("", "GOVERNMENT", "stock_company", SQL, SCRIPT));
    early.put("industry", List.of("", "SPACE", SQL));
    early.put("capitalYen", List.of(-1, "abc", 1.5, "1e3", "99999999999999999999", 1e20, SQL, "", Map.of()));
    early.put("employees", List.of(-5, 10_000_000, "many", 2.5, ""));
    early.put("fiscalYearEndMonth", List.of(0, 13, -1, "March", ""));
    early.put("postalCode", List.of("", "1000-005", "100-000", "abc-defg", "<b>100-0005</b>", "100--0005", "100-00055", SQL));
    early.put("address", List.of("", "あ".repeat(201), IMG, SCRIPT, "東京都\u0007千代田区"));
    early.put("representative", List.of("", SCRIPT, "あ".repeat(101), "{{7*7}}"));
    early.put("phone", List.of("abc", "03-1234", "03-1234-567890", "+81-3-1234-5678", SCRIPT, SQL));
    early.put("mainLenderName", List.of("", SCRIPT, "\"銀行\""));
    early.put("mainLenderKind", List.of("", "PAWNSHOP", SQL));
    early.put("planFeeGross", List.of(-1, 0, 1_000_000_000_000L, "１０００円", "abc", 1.5, "", SQL));
    early.put("planFeeTax", List.of(-1, 300_000, "abc", ""));
    early.put("interimMonitoring", List.of("maybe", 5, Map.of()));
    early.put("interimFeeGross", List.of(-100, "x", 2.5));
    early.put("finalFeeGross", List.of(-1, "x", 1e15));
    early.put("monitoringIntervalMonths", List.of(0, 13, -1, "six", 1.5, "", 1_000_000));
    early.forEach((field, values) -> values.forEach(v -> probes.add(jsonProbe("/api/early-plan/applications", field,
        replaced(application(), field, v)))));

    // the 405 application's own fields
    Map<String, List<Object>> p405 = new LinkedHashMap<>();
    p405.put("programme", List.of("PLAN_999", "EARLY_PLAN", SQL));
    p405.put("salesYen", List.of(-1, "abc", "", 1e20));
    p405.put("interestBearingDebtYen", List.of(-1, "x", ""));
    p405.put("financialSupportExpected", List.of("maybe", 3));
    p405.put("lender1Name", List.of("", SCRIPT));
    p405.put("lender1Kind", List.of("", "LOAN_SHARK"));
    p405.put("lender2Kind", List.of("X"));
    p405.put("monitoringClaims", List.of("WEEKLY", SQL));
    p405.put("monitoringFeeGross", List.of(-1, "x"));
    p405.forEach((field, values) -> values.forEach(v -> probes.add(jsonProbe("/api/405/applications", field,
        replaced(EarlyPlanLifecycleIT.application405(), field, v)))));

    // a draft's preview
    Map<String, List<Object>> preview = new LinkedHashMap<>();
    preview.put("planFeeGross", List.of(-1, "abc", 1_000_000_000_000L));
    preview.put("applicationDate", List.of("2025-02-30", "9999-99-99"));
    preview.forEach((field, values) -> values.forEach(v -> probes.add(jsonProbe("/api/subsidy/preview", field,
        replaced(application(), field, v)))));

    // agency registration
    Map<String, List<Object>> agency = new LinkedHashMap<>();
    agency.put("agencyCode", List.of("", "abc", "12345", "1234567890123", SQL_OR, AGENCY));
    agency.put("name", List.of("", SCRIPT, "あ".repeat(201)));
    agency.put("kind", List.of("", "BANKER", SQL));
    agency.put("email", List.of("not-an-email", "a@b", "a b@example.jp"));
    agency.put("phone", List.of("abc", "03-1234"));
    agency.put("certifiedFrom", List.of("", "2024-02-30", "yesterday"));
    agency.put("certifiedTo", List.of("2020-01-01", "2024-13-01"));
    agency.forEach((field, values) -> values.forEach(v -> probes.add(jsonProbe("/api/agencies", field,
        replaced(agency(), field, v)))));

    // completing the council's decision task
    String complete = "/api/tasks/" + decideTask + "/complete";
    for (Object v : List.of("", "MAYBE", "accept", SQL, Map.of("a", 1))) {
      probes.add(jsonProbe(complete, "decision", Map.of("decision", v, "decisionComment", "理由")));
    }
    probes.add(jsonProbe(complete, "decisionComment", Map.of("decision", "REJECT")));
    probes.add(jsonProbe(complete, "decisionComment", Map.of("decision", "RETURN", "decisionComment", "あ".repeat(2001))));
    probes.add(jsonProbe(complete, "decisionComment", Map.of("decision", "RETURN", "decisionComment", "a\u0000b")));

    // withdrawal, case list, budget
    String withdrawal = "/api/cases/" + caseNumber + "/withdrawal";
    for (Object v : List.of("", "あ".repeat(1001), "  ")) {
      probes.add(jsonProbe(withdrawal, "reason", Map.of("reason", v)));
    }
    Map<String, String> list = new LinkedHashMap<>();
    list.put("caseNumber=" + enc(SQL), "caseNumber");
    list.put("caseNumber=" + enc(SCRIPT), "caseNumber");
    list.put("council=99", "council");
    list.put("council=" + enc(SQL_OR), "council");
    list.put("programme=X", "programme");
    list.put("state=" + enc(SQL), "state");
    list.put("size=0", "size");
    list.put("size=1000", "size");
    list.put("page=-1", "page");
    list.put("page=abc", "page");
    list.put("company=" + enc("あ".repeat(101)), "company");
    list.forEach((query, field) -> probes.add(new Probe("/api/cases?" + query, field,
        h -> h.exchange("/api/cases?" + query, HttpMethod.GET, null, String.class))));
    for (String year : List.of("1999", "2101", "abc", "-1", "99999999999")) {
      probes.add(new Probe("/api/budget/" + year, "fiscalYear",
          h -> h.exchange("/api/budget/" + year, HttpMethod.GET, null, String.class)));
    }

    // documents
    String documents = "/api/cases/" + caseNumber + "/documents";
    byte[] pdf = "%PDF-1.4 test".getBytes(StandardCharsets.US_ASCII);
    probes.add(upload(documents, "type", "BOGUS", "APPLICATION", "a.pdf", "application/pdf", pdf));
    probes.add(upload(documents, "type", SQL, "APPLICATION", "a.pdf", "application/pdf", pdf));
    probes.add(upload(documents, "step", "APPLICATION_FORM", "", "a.pdf", "application/pdf", pdf));
    probes.add(upload(documents, "step", "APPLICATION_FORM", SCRIPT, "a.pdf", "application/pdf", pdf));
    probes.add(upload(documents, "file", "APPLICATION_FORM", "APPLICATION", "a.pdf", "application/pdf", new byte[0]));
    probes.add(upload(documents, "file", "APPLICATION_FORM", "APPLICATION", "a.pdf", "application/pdf",
        new byte[] {'M', 'Z', 0, 0, 1, 2}));
    probes.add(upload(documents, "file", "APPLICATION_FORM", "APPLICATION", "a.html", "text/html",
        SCRIPT.getBytes(StandardCharsets.UTF_8)));
    probes.add(upload(documents, "file", "APPLICATION_FORM", "APPLICATION", "../../etc/passwd", "application/pdf", pdf));

    // bodies that are not UTF-8 JSON: the field whose value broke is named
    probes.add(rawProbe("/api/early-plan/applications", "companyName", withRawValue(application(), "companyName",
        new byte[] {(byte) 0xC3, 0x28})));
    probes.add(rawProbe("/api/early-plan/applications", "address", withRawValue(application(), "address",
        "東京都千代田区".getBytes(Charset.forName("Shift_JIS")))));
    probes.add(rawProbe("/api/agencies", "name", withRawValue(agency(), "name",
        "試験事務所".getBytes(Charset.forName("EUC-JP")))));
    probes.add(rawProbe("/api/early-plan/applications", "representative", withRawValue(application(), "representative",
        new byte[] {(byte) 0xFF, (byte) 0xFE})));
    // a truncated body: the field the parser was reading is named
    probes.add(rawProbe("/api/early-plan/applications", "councilCode", "{\"councilCode\": ".getBytes(StandardCharsets.UTF_8)));
    probes.add(rawProbe("/api/early-plan/applications", "body", "[1, 2, 3]".getBytes(StandardCharsets.UTF_8)));

    // the engine's REST API, as Tasklist uses it: the same server-side checks
    for (var e : Map.of("postalCode", (Object) "abc", "companyName", SCRIPT, "capitalYen", -1, "applicationDate",
        "2025-02-30").entrySet()) {
      probes.add(new Probe("engine-rest start " + e.getKey(), e.getKey(), h -> exchange(h,
          "/engine-rest/process-definition/key/earlyPlan/submit-form", Map.of("variables",
              untyped(replaced(application(), e.getKey(), e.getValue()))))));
    }
    for (Object v : List.of("MAYBE", SQL)) {
      probes.add(new Probe("engine-rest complete decision=" + v, "decision", h -> exchange(h,
          "/engine-rest/task/" + decideTask + "/submit-form", Map.of("variables",
              untyped(Map.of("decision", v, "decisionComment", "理由"))))));
    }
    return probes;
  }

  /**
   * The classes found by the audit of #13: numbers with malformed digit grouping in every amount, every field of every
   * request with a JSON type it does not take (a boolean, a list, an object), file names with NUL, line breaks or
   * bytes that are not UTF-8, and registers with broken CSV quoting.
   */
  private List<Probe> typeGroupingAndFileProbes(String caseNumber, String decideTask) {
    List<Probe> probes = new ArrayList<>();
    List<Object> grouping = List.of("225,000,0,", "22,5000", ",225000", "2,25,000", "225,000.5", "225 000", "225,,000");
    for (String field : List.of("planFeeGross", "planFeeTax", "interimFeeGross", "interimFeeTax", "finalFeeGross",
        "finalFeeTax", "capitalYen", "employees")) {
      grouping.forEach(v -> probes.add(jsonProbe("/api/early-plan/applications", field, replaced(application(), field, v))));
    }
    for (String field : List.of("salesYen", "interestBearingDebtYen", "monitoringFeeGross", "monitoringFeeTax")) {
      grouping.forEach(v -> probes.add(jsonProbe("/api/405/applications", field,
          replaced(EarlyPlanLifecycleIT.application405(), field, v))));
    }
    List<Object> wrongTypes = List.of(true, List.of("x"), Map.of("x", 1));
    for (String field : jp.keieikaizen.intake.ApplicationFields.APPLICATION) {
      wrongTypes.stream().filter(v -> !(v instanceof Boolean) || !FLAGS.contains(field))
          .forEach(v -> probes.add(jsonProbe("/api/early-plan/applications", field, replaced(application(), field, v))));
    }
    Map<String, Object> inquiry = new HashMap<>(Map.of("councilCode", "13", "receivedOn", "2025-04-01", "asker",
        "COMPANY", "channel", "PHONE", "outcome", "INFORMATION_ONLY", "companyName", "株式会社問合せ"));
    for (String field : List.of("councilCode", "receivedOn", "asker", "channel", "outcome", "companyName", "programme",
        "note")) {
      wrongTypes.forEach(v -> probes.add(jsonProbe("/api/inquiries", field, replaced(inquiry, field, v))));
    }
    for (Object v : wrongTypes) {
      probes.add(jsonProbe("/api/cases/" + caseNumber + "/withdrawal", "reason", Map.of("reason", v)));
      probes.add(jsonProbe("/api/cases/" + caseNumber + "/handover", "reason", Map.of("reason", v)));
      probes.add(jsonProbe("/api/tasks/" + decideTask + "/comments", "message", Map.of("message", v)));
      probes.add(jsonProbe("/api/tasks/" + decideTask + "/complete", "decision", Map.of("decision", v)));
    }
    probes.add(jsonProbe("/api/tasks/" + decideTask + "/complete", "councilCode", Map.of("decision", "RETURN",
        "decisionComment", "理由", "councilCode", "27")));
    String documents = "/api/cases/" + caseNumber + "/documents";
    for (byte[] name : List.of("a\u0000b.pdf".getBytes(StandardCharsets.UTF_8), "a\nb.pdf".getBytes(StandardCharsets.UTF_8),
        "a\rb.pdf".getBytes(StandardCharsets.UTF_8), new byte[] {'a', (byte) 0xFF, (byte) 0xFE, '.', 'p', 'd', 'f'},
        "a\u0085b.pdf".getBytes(StandardCharsets.UTF_8), "a\u2028b.pdf".getBytes(StandardCharsets.UTF_8),
        "a\\b.pdf".getBytes(StandardCharsets.UTF_8))) {
      probes.add(rawUpload(documents, name));
    }
    for (String csv : List.of("councilCode,receivedOn,asker,channel,outcome,companyName\n13,2024-04-01,COMPANY,PHONE,"
        + "INFORMATION_ONLY,\"株式会社閉じない\n13,2024-04-02,COMPANY,PHONE,INFORMATION_ONLY,株式会社二\n",
        "councilCode,receivedOn,asker,channel,outcome,companyName\n13,2024-04-01,COMPANY,PHONE,INFORMATION_ONLY,株式\"会社\n",
        "councilCode,receivedOn,asker,channel,outcome,companyName\n13,2024-04-01,COMPANY,PHONE,INFORMATION_ONLY,\"株式会社\"x\n")) {
      probes.add(new Probe("/api/imports/inquiries broken quoting", "file", h -> {
        LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
          @Override
          public String getFilename() {
            return "inquiries.csv";
          }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return h.exchange("/api/imports/inquiries", HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
      }));
    }
    return probes;
  }

  static final java.util.Set<String> FLAGS = java.util.Set.of("interimMonitoring", "guaranteeNegotiation");

  /** A multipart upload whose file name is written as raw bytes, as a hostile client would send it. */
  private Probe rawUpload(String path, byte[] fileName) {
    return new Probe(path + " upload file name " + java.util.HexFormat.of().formatHex(fileName), "file", h -> {
      byte[] head = ("--B0undary\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\nAPPLICATION_FORM\r\n"
          + "--B0undary\r\nContent-Disposition: form-data; name=\"step\"\r\n\r\nAPPLICATION\r\n"
          + "--B0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"").getBytes(StandardCharsets.UTF_8);
      byte[] tail = ("\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 test\r\n--B0undary--\r\n")
          .getBytes(StandardCharsets.UTF_8);
      java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
      body.writeBytes(head);
      body.writeBytes(fileName);
      body.writeBytes(tail);
      HttpHeaders headers = new HttpHeaders();
      headers.setContentType(MediaType.parseMediaType("multipart/form-data; boundary=B0undary"));
      return h.exchange(path, HttpMethod.POST, new HttpEntity<>(body.toByteArray(), headers), String.class);
    });
  }

  /** What is refused before any controller: too large (413), the wrong content type (415), in problem+json (#13). */
  @Test
  void refusalsBeforeAnyControllerAreProblemJsonToo() {
    TestRestTemplate http = anonymous.withBasicAuth(WholeAppOnMariaDb.ADMIN, WholeAppOnMariaDb.ADMIN_PASSWORD);
    HttpHeaders text = new HttpHeaders();
    text.setContentType(MediaType.TEXT_PLAIN);
    ResponseEntity<String> wrongType = http.exchange("/api/early-plan/applications", HttpMethod.POST,
        new HttpEntity<>("councilCode=13", text), String.class);
    assertThat(wrongType.getStatusCode().value()).isEqualTo(415);
    assertThat(String.valueOf(wrongType.getHeaders().getContentType())).startsWith("application/problem+json");
    assertThat(fieldsOf(wrongType.getBody())).containsExactly("Content-Type");

    LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("type", "APPLICATION_FORM");
    body.add("step", "APPLICATION");
    byte[] big = new byte[21 * 1024 * 1024];
    big[0] = '%';
    body.add("file", new ByteArrayResource(big) {
      @Override
      public String getFilename() {
        return "big.pdf";
      }
    });
    HttpHeaders multipart = new HttpHeaders();
    multipart.setContentType(MediaType.MULTIPART_FORM_DATA);
    ResponseEntity<String> tooLarge = http.exchange("/api/cases/13-2099-0001/documents", HttpMethod.POST,
        new HttpEntity<>(body, multipart), String.class);
    assertThat(tooLarge.getStatusCode().value()).isEqualTo(413);
    assertThat(String.valueOf(tooLarge.getHeaders().getContentType())).startsWith("application/problem+json");
    assertThat(fieldsOf(tooLarge.getBody())).containsExactly("file");
    assertThat(tooLarge.getBody()).contains("20 MB");

    ResponseEntity<String> wrongMethod = http.exchange("/api/early-plan/applications", HttpMethod.DELETE, null,
        String.class);
    assertThat(wrongMethod.getStatusCode().value()).isEqualTo(405);
    assertThat(String.valueOf(wrongMethod.getHeaders().getContentType())).startsWith("application/problem+json");
    ResponseEntity<String> noSuchPage = http.exchange("/api/no-such-thing", HttpMethod.GET, null, String.class);
    assertThat(noSuchPage.getStatusCode().value()).isEqualTo(404);
    assertThat(String.valueOf(noSuchPage.getHeaders().getContentType())).startsWith("application/problem+json");
  }

  // --- building requests

  private Probe jsonProbe(String path, String field, Map<String, Object> body) {
    String shown = String.valueOf(body.get(field));
    return new Probe(path + " " + field + "=" + (shown.length() > 40 ? shown.substring(0, 40) + "…" : shown), field,
        h -> exchange(h, path, body));
  }

  private Probe rawProbe(String path, String field, byte[] body) {
    return new Probe(path + " raw bytes in " + field, field, h -> {
      HttpHeaders headers = new HttpHeaders();
      headers.setContentType(MediaType.APPLICATION_JSON);
      return h.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    });
  }

  private Probe upload(String path, String field, String type, String step, String fileName, String contentType,
      byte[] content) {
    return new Probe(path + " upload " + field, field, h -> {
      LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
      body.add("type", type);
      body.add("step", step);
      HttpHeaders part = new HttpHeaders();
      part.setContentType(MediaType.parseMediaType(contentType));
      body.add("file", new HttpEntity<>(new ByteArrayResource(content) {
        @Override
        public String getFilename() {
          return fileName;
        }
      }, part));
      HttpHeaders headers = new HttpHeaders();
      headers.setContentType(MediaType.MULTIPART_FORM_DATA);
      return h.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    });
  }

  private static ResponseEntity<String> exchange(TestRestTemplate http, String path, Map<String, Object> body) {
    return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body), String.class);
  }

  private static ResponseEntity<String> post(TestRestTemplate http, String path, Map<String, Object> body) {
    return exchange(http, path, body);
  }

  /** The body as JSON with one value replaced by raw bytes (as a client with another encoding would send it). */
  private byte[] withRawValue(Map<String, Object> values, String field, byte[] raw) {
    try {
      Map<String, Object> copy = new HashMap<>(values);
      copy.put(field, "@@RAW@@");
      byte[] body = json.writeValueAsBytes(copy);
      String text = new String(body, StandardCharsets.UTF_8);
      int at = text.indexOf("@@RAW@@");
      byte[] head = text.substring(0, at).getBytes(StandardCharsets.UTF_8);
      byte[] tail = text.substring(at + 7).getBytes(StandardCharsets.UTF_8);
      byte[] all = new byte[head.length + raw.length + tail.length];
      System.arraycopy(head, 0, all, 0, head.length);
      System.arraycopy(raw, 0, all, head.length, raw.length);
      System.arraycopy(tail, 0, all, head.length + raw.length, tail.length);
      return all;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> replaced(Map<String, Object> values, String field, Object value) {
    Map<String, Object> copy = new HashMap<>(values);
    copy.put(field, value);
    return copy;
  }

  private static Map<String, Object> application() {
    Map<String, Object> v = EarlyPlanLifecycleIT.application();
    v.put("agencyCode", AGENCY);
    return v;
  }

  private static Map<String, Object> agency() {
    return new HashMap<>(Map.of("agencyCode", "108413770099", "name", "未登録の事務所", "kind", "CPA",
        "certifiedFrom", "2024-04-01", "certifiedTo", "2029-03-31"));
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @SuppressWarnings("unchecked")
  private List<String> fieldsOf(String body) {
    try {
      Object errors = json.readValue(body, Map.class).get("errors");
      return errors == null ? List.of() : ((List<Map<String, String>>) errors).stream().map(e -> e.get("field")).toList();
    } catch (Exception e) {
      return List.of();
    }
  }

  /**
   * Rows of every application table and every engine runtime table (ACT_RU_*) of this database, but the engine's
   * metrics (ACT_RU_METER_LOG): its reporter flushes them on its own schedule, so a long run sees them grow at any time.
   */
  private Map<String, Long> rowCounts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = "
        + "DATABASE() AND table_type = 'BASE TABLE' ORDER BY table_name", String.class)) {
      String upper = table.toUpperCase();
      if ((!upper.startsWith("ACT_") || upper.startsWith("ACT_RU_")) && !upper.equals("ACT_RU_METER_LOG")) {
        counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM `" + table + "`", Long.class));
      }
    }
    return counts;
  }
}
