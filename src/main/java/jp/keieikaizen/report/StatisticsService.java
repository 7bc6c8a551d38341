package jp.keieikaizen.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jp.keieikaizen.casefile.Programme;

/**
 * The programme's statistics table (認定経営革新等支援機関による経営改善計画策定支援事業の実績): per council, in
 * prefecture order, inquiries (問合せ・相談受付) and decided applications (利用申請決定), cumulative up to the as-of
 * date and within a fiscal quarter, with the national total. Live and imported records count alike: inquiries from
 * one table, decisions from accepted cases and the imported registers.
 */
@Service
@Transactional(readOnly = true)
public class StatisticsService {

  /** One council's line (or the total): counts, whole numbers. */
  public record Row(String councilCode, String councilName, String operatingBody, long inquiriesTotal,
      long inquiriesQuarter, long decisionsTotal, long decisionsQuarter) {
  }

  /** The table as the seed lays it out, with what it was asked for. */
  public record Table(String title, LocalDate asOf, String asOfLabel, String quarter, String quarterLabel,
      String programme, String programmeLabel, List<Row> rows, Row total) {
  }

  public static final String TITLE = "認定経営革新等支援機関による経営改善計画策定支援事業の実績";

  private final JdbcTemplate jdbc;

  StatisticsService(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * @param councils the councils to show (null: all 47 and the national total of them)
   * @param programme null: all programmes
   */
  public Table table(LocalDate asOf, FiscalQuarter quarter, Programme programme, Set<String> councils) {
    LocalDate quarterEnd = quarter.lastDay().isAfter(asOf) ? asOf : quarter.lastDay();
    String programmeFilter = programme == null ? "" : " AND programme = ?";
    List<Object> args = new ArrayList<>(List.of(quarter.firstDay(), quarterEnd, asOf));
    if (programme != null) {
      args.add(programme.name());
    }
    Map<String, long[]> inquiries = counts("""
        SELECT council_code, COUNT(*), COALESCE(SUM(received_on BETWEEN ? AND ?), 0) FROM inquiry
        WHERE received_on <= ?""" + programmeFilter + " GROUP BY council_code", args);
    Map<String, long[]> decisions = counts("""
        SELECT council_code, COUNT(*), COALESCE(SUM(d BETWEEN ? AND ?), 0) FROM (
          SELECT council_code, decision_date AS d, programme FROM case_file
            WHERE decision_date IS NOT NULL AND rule_version IS NOT NULL
          UNION ALL
          SELECT council_code, decided_on, programme FROM historic_decision) decided
        WHERE d <= ?""" + programmeFilter + " GROUP BY council_code", args);
    List<Row> rows = jdbc.query("SELECT prefecture_code, name, operating_body FROM council ORDER BY prefecture_code",
        (rs, i) -> {
          String code = rs.getString(1);
          long[] inq = inquiries.getOrDefault(code, new long[2]);
          long[] dec = decisions.getOrDefault(code, new long[2]);
          return new Row(code, rs.getString(2), rs.getString(3), inq[0], inq[1], dec[0], dec[1]);
        }).stream().filter(r -> councils == null || councils.contains(r.councilCode())).toList();
    Row total = new Row(null, "合計", null, rows.stream().mapToLong(Row::inquiriesTotal).sum(),
        rows.stream().mapToLong(Row::inquiriesQuarter).sum(), rows.stream().mapToLong(Row::decisionsTotal).sum(),
        rows.stream().mapToLong(Row::decisionsQuarter).sum());
    return new Table(TITLE, asOf, FiscalQuarter.asOfLabel(asOf), quarter.code(), quarter.label(),
        programme == null ? null : programme.name(), programme == null ? "全事業" : programme.label(), rows, total);
  }

  private Map<String, long[]> counts(String sql, List<Object> args) {
    Map<String, long[]> counts = new HashMap<>();
    jdbc.query(sql, rs -> {
      counts.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
    }, args.toArray());
    return counts;
  }
}
