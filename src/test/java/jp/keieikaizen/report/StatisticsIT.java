package jp.keieikaizen.report;

import static jp.keieikaizen.EarlyPlanLifecycleIT.fields;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

import jp.keieikaizen.system.WholeAppOnMariaDb;

/**
 * The statistics table on a small fixed data set in 鹿児島 (46) and 沖縄 (47), imported from registers: quarter
 * boundaries (31 March / 1 April), the era change (30 April / 1 May 2019), programme filters, the total row, and the
 * CSV and Excel forms; and the import's refusals: every bad row reported, nothing written.
 */
@WholeAppOnMariaDb
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StatisticsIT {

  static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
  };
  static final String INQUIRIES = """
      協議会コード,受付日,相談者,経路,事業,結果,事業者名
      47,2019-03-31,事業者,電話,,情報提供のみ,株式会社三月
      47,2019-04-01,認定支援機関,来訪,PLAN_405,利用申請の見込み,株式会社四月
      47,2019/4/30,COMPANY,EMAIL,,INFORMATION_ONLY,"株式会社平成, 最後の日"
      47,2019-05-01,LENDER,PHONE,,REFERRED,株式会社令和
      47,2019-06-30,COMPANY,WEB,PLAN_405_GL,APPLICATION_EXPECTED,
      47,2019-07-01,COMPANY,PHONE,,INFORMATION_ONLY,株式会社七月
      46,2019-04-15,COMPANY,PHONE,EARLY_PLAN,APPLICATION_EXPECTED,株式会社鹿児島
      46,2019-09-30,COMPANY,PHONE,PLAN_405,APPLICATION_EXPECTED,株式会社九月
      """;
  static final String DECISIONS = """
      councilCode,caseNumber,decidedOn,programme,companyName,corporateNumber,agencyCode
      47,OKI-H30-0101,2019-03-31,EARLY_PLAN,株式会社三月,,
      47,OKI-R1-0001,2019-04-01,PLAN_405,株式会社四月,9234567890123,108413000199
      47,OKI-R1-0002,2019-06-30,PLAN_405_GL,株式会社六月,,
      46,KAG-R1-0001,2019-05-01,早期経営改善計画策定支援,株式会社鹿児島,,
      """;

  @Autowired TestRestTemplate anonymous;
  @Autowired JdbcTemplate jdbc;
  TestRestTemplate http;

  @BeforeEach
  void asAdministrator() {
    http = anonymous.withBasicAuth(WholeAppOnMariaDb.ADMIN, WholeAppOnMariaDb.ADMIN_PASSWORD);
  }

  @Test
  @Order(1)
  void aRegisterWithBadRowsIsRefusedWholeNamingEveryRowAndWritesNothing() {
    long before = jdbc.queryForObject("SELECT COUNT(*) FROM inquiry", Long.class);
    String bad = """
        councilCode,receivedOn,asker,channel,programme,outcome
        47,2019-04-01,COMPANY,PHONE,,INFORMATION_ONLY
        48,2019-04-01,COMPANY,PHONE,,INFORMATION_ONLY
        47,2019-02-30,COMPANY,FAX,,INFORMATION_ONLY
        47,2012-12-31,COMPANY,PHONE,SPACE,INFORMATION_ONLY
        """;
    ResponseEntity<Map<String, Object>> refused = upload("inquiries", "bad.csv", bad.getBytes(StandardCharsets.UTF_8), false);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(fields(refused.getBody())).containsExactlyInAnyOrder("3行目: councilCode", "4行目: receivedOn",
        "4行目: channel", "5行目: receivedOn", "5行目: programme");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inquiry", Long.class)).isEqualTo(before);

    ResponseEntity<Map<String, Object>> unknownColumn = upload("inquiries", "x.csv",
        "councilCode,when\n47,2019-04-01\n".getBytes(StandardCharsets.UTF_8), false);
    assertThat(unknownColumn.getStatusCode().value()).isEqualTo(400);
    assertThat(fields(unknownColumn.getBody())).containsExactly("file");
  }

  @Test
  @Order(2)
  void theFixedDataSetImportsFromCsvInShiftJisAndFromExcel() throws Exception {
    ResponseEntity<Map<String, Object>> inquiries = upload("inquiries", "沖縄_問合せ.csv",
        INQUIRIES.getBytes(Charset.forName("windows-31j")), false);
    assertThat(inquiries.getStatusCode().value()).as("%s", inquiries.getBody()).isEqualTo(200);
    assertThat(inquiries.getBody()).containsEntry("imported", 8).containsEntry("rows", 8);

    ResponseEntity<Map<String, Object>> decisions = upload("decisions", "決定.xlsx", xlsx(DECISIONS), false);
    assertThat(decisions.getStatusCode().value()).as("%s", decisions.getBody()).isEqualTo(200);
    assertThat(decisions.getBody()).containsEntry("imported", 4);

    // the same register again: every case number is already there, nothing changes
    ResponseEntity<Map<String, Object>> again = upload("decisions", "決定.xlsx", xlsx(DECISIONS), false);
    assertThat(again.getStatusCode().value()).isEqualTo(400);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM historic_decision WHERE council_code IN ('46', '47')",
        Long.class)).isEqualTo(4);
  }

  @Test
  @Order(3)
  void theTableCountsCumulativeAndQuarterFiguresAcrossTheQuarterAndEraBoundaries() {
    Map<String, Object> q1 = stats("asOf=2019-06-30&quarter=2019Q1");
    assertThat(q1).containsEntry("asOfLabel", "令和元年6月末までの実績").containsEntry("quarterLabel", "R1 第1四半期");
    assertThat(row(q1, "47")).isEqualTo(List.of(5, 4, 3, 2));
    assertThat(row(q1, "46")).isEqualTo(List.of(1, 1, 1, 1));
    assertThat(totals(q1)).isEqualTo(List.of(6, 5, 4, 3));
    assertThat(rows(q1)).hasSize(47);
    assertThat(rows(q1).get(0)).containsEntry("councilCode", "01");

    Map<String, Object> march = stats("asOf=2019-03-31");
    assertThat(march).containsEntry("asOfLabel", "平成31年3月末までの実績").containsEntry("quarterLabel", "H30 第4四半期");
    assertThat(row(march, "47")).isEqualTo(List.of(1, 1, 1, 1));

    Map<String, Object> heiseiEnd = stats("asOf=2019-04-30&quarter=2019Q1");
    assertThat(row(heiseiEnd, "47")).isEqualTo(List.of(3, 2, 2, 1));

    Map<String, Object> early = stats("asOf=2019-06-30&quarter=2019Q1&programme=EARLY_PLAN");
    assertThat(row(early, "47")).isEqualTo(List.of(0, 0, 1, 0));
    assertThat(row(early, "46")).isEqualTo(List.of(1, 1, 1, 1));

    Map<String, Object> september = stats("asOf=2019-09-30&quarter=2019Q2");
    assertThat(row(september, "47")).isEqualTo(List.of(6, 1, 3, 0));
    assertThat(row(september, "46")).isEqualTo(List.of(2, 1, 1, 0));
  }

  @Test
  @Order(4)
  void csvAndExcelCarryTheSameFigures() throws Exception {
    ResponseEntity<byte[]> csv = http.exchange("/api/statistics.csv?asOf=2019-06-30&quarter=2019Q1", HttpMethod.GET,
        null, byte[].class);
    String text = new String(csv.getBody(), StandardCharsets.UTF_8);
    assertThat(text).startsWith("\uFEFF\"協議会名\"").contains("うちR1 第1四半期");
    assertThat(text.lines().filter(l -> l.startsWith("\"沖縄")).findFirst().orElseThrow()).endsWith("\"5\",\"4\",\"3\",\"2\"");
    assertThat(text.lines().reduce((a, b) -> b).orElseThrow()).startsWith("\"合計\"");

    ResponseEntity<byte[]> excel = http.exchange("/api/statistics.xlsx?asOf=2019-06-30&quarter=2019Q1", HttpMethod.GET,
        null, byte[].class);
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(excel.getBody()))) {
      Sheet sheet = book.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo(StatisticsService.TITLE);
      assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("（令和元年6月末までの実績）（単位：件）");
      assertThat(sheet.getRow(4).getCell(3).getStringCellValue()).isEqualTo("うちR1 第1四半期");
      var okinawa = sheet.getRow(5 + 46);
      assertThat(okinawa.getCell(0).getStringCellValue()).startsWith("沖縄");
      assertThat(okinawa.getCell(2).getNumericCellValue()).isEqualTo(5);
      assertThat(okinawa.getCell(5).getNumericCellValue()).isEqualTo(2);
      var total = sheet.getRow(5 + 47);
      assertThat(total.getCell(0).getStringCellValue()).isEqualTo("合計");
      assertThat(total.getCell(2).getNumericCellValue()).isEqualTo(6);
    }
  }

  @Test
  @Order(5)
  void badParametersAreNamed() {
    assertThat(fields(statsResponse("asOf=2019-02-30").getBody())).containsExactly("asOf");
    assertThat(fields(statsResponse("asOf=2019-06-30&quarter=2019Q3").getBody())).containsExactly("quarter");
    assertThat(fields(statsResponse("asOf=2019-06-30&quarter=R1").getBody())).containsExactly("quarter");
    assertThat(fields(statsResponse("programme=SPACE").getBody())).containsExactly("programme");
  }

  // --- helpers

  private Map<String, Object> stats(String query) {
    ResponseEntity<Map<String, Object>> response = statsResponse(query);
    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
    return response.getBody();
  }

  private ResponseEntity<Map<String, Object>> statsResponse(String query) {
    return http.exchange("/api/statistics?" + query, HttpMethod.GET, null, JSON);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> rows(Map<String, Object> table) {
    return (List<Map<String, Object>>) table.get("rows");
  }

  private static List<Integer> row(Map<String, Object> table, String council) {
    return figures(rows(table).stream().filter(r -> council.equals(r.get("councilCode"))).findFirst().orElseThrow());
  }

  @SuppressWarnings("unchecked")
  private static List<Integer> totals(Map<String, Object> table) {
    return figures((Map<String, Object>) table.get("total"));
  }

  private static List<Integer> figures(Map<String, Object> row) {
    return List.of(((Number) row.get("inquiriesTotal")).intValue(), ((Number) row.get("inquiriesQuarter")).intValue(),
        ((Number) row.get("decisionsTotal")).intValue(), ((Number) row.get("decisionsQuarter")).intValue());
  }

  private ResponseEntity<Map<String, Object>> upload(String kind, String name, byte[] content, boolean partial) {
    LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("file", new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return name;
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.exchange("/api/imports/" + kind + "?partial=" + partial, HttpMethod.POST, new HttpEntity<>(body, headers),
        JSON);
  }

  /** The register as an Excel sheet: dates as date cells, as Excel keeps them. */
  static byte[] xlsx(String csv) throws Exception {
    try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet("register");
      var dateStyle = book.createCellStyle();
      dateStyle.setDataFormat(book.createDataFormat().getFormat("yyyy/m/d"));
      List<List<Object>> lines = RegisterFile.csv(csv);
      for (int r = 0; r < lines.size(); r++) {
        var row = sheet.createRow(r);
        for (int c = 0; c < lines.get(r).size(); c++) {
          String v = lines.get(r).get(c).toString();
          var cell = row.createCell(c);
          if (r > 0 && v.matches("\\d{4}-\\d{2}-\\d{2}")) {
            cell.setCellValue(java.time.LocalDate.parse(v));
            cell.setCellStyle(dateStyle);
          } else {
            cell.setCellValue(v);
          }
        }
      }
      book.write(out);
      return out.toByteArray();
    }
  }
}
