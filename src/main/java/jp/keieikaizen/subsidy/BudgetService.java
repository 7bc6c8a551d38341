package jp.keieikaizen.subsidy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The subsidy budget per council for a fiscal year (April to March): committed by the applications accepted in it
 * (the subsidy fixed at acceptance), claimed by the claims filed in it (not returned), paid and recovered as the ledger
 * booked. One grouped query per figure, whatever the number of cases.
 */
@Service
@Transactional(readOnly = true)
public class BudgetService {

  /** A council's figures for the year, whole yen. */
  public record CouncilBudget(String councilCode, String councilName, long committedYen, long claimedYen, long paidYen,
      long recoveredYen) {
  }

  private final JdbcTemplate jdbc;

  BudgetService(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public List<CouncilBudget> fiscalYear(int fiscalYear) {
    LocalDate from = LocalDate.of(fiscalYear, 4, 1);
    LocalDate to = from.plusYears(1);
    Map<String, Long> committed = perCouncil("""
        SELECT council_code, SUM(committed_subsidy_yen) FROM case_file
        WHERE decision_date >= ? AND decision_date < ? AND rule_version IS NOT NULL GROUP BY council_code""", from, to);
    Map<String, Long> claimed = perCouncil("""
        SELECT c.council_code, SUM(p.subsidy_yen) FROM payment_claim p JOIN case_file c ON c.id = p.case_id
        WHERE p.invoice_date >= ? AND p.invoice_date < ? AND p.status <> 'RETURNED' GROUP BY c.council_code""", from, to);
    Map<String, Long> paid = ledger("PAYMENT", from, to);
    Map<String, Long> recovered = ledger("RECOVERY", from, to);
    return jdbc.query("SELECT prefecture_code, name FROM council ORDER BY prefecture_code", (rs, i) -> {
      String code = rs.getString(1);
      return new CouncilBudget(code, rs.getString(2), committed.getOrDefault(code, 0L), claimed.getOrDefault(code, 0L),
          paid.getOrDefault(code, 0L), recovered.getOrDefault(code, 0L));
    });
  }

  private Map<String, Long> ledger(String type, LocalDate from, LocalDate to) {
    return perCouncil("""
        SELECT c.council_code, SUM(l.amount_yen) FROM payment_ledger l JOIN case_file c ON c.id = l.case_id
        WHERE l.entry_type = ? AND l.booked_on >= ? AND l.booked_on < ? GROUP BY c.council_code""", type, from, to);
  }

  private Map<String, Long> perCouncil(String sql, Object... args) {
    Map<String, Long> sums = new HashMap<>();
    jdbc.query(sql, rs -> {
      sums.put(rs.getString(1), rs.getLong(2));
    }, args);
    return sums;
  }
}
