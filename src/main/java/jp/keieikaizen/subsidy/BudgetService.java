package jp.keieikaizen.subsidy;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The subsidy budget per council for a fiscal year (April to March): committed by the applications accepted in it
 * (the quotes' subsidy), claimed by the claims filed in it (not returned), paid and recovered as the ledger booked.
 */
@Service
@Transactional(readOnly = true)
public class BudgetService {

  /** A council's figures for the year, whole yen. */
  public record CouncilBudget(String councilCode, String councilName, long committedYen, long claimedYen, long paidYen,
      long recoveredYen) {
  }

  private final JdbcTemplate jdbc;
  private final ClaimService claims;

  BudgetService(JdbcTemplate jdbc, ClaimService claims) {
    this.jdbc = jdbc;
    this.claims = claims;
  }

  public List<CouncilBudget> fiscalYear(int fiscalYear) {
    LocalDate from = LocalDate.of(fiscalYear, 4, 1);
    LocalDate to = from.plusYears(1);
    return jdbc.query("SELECT prefecture_code, name FROM council ORDER BY prefecture_code",
        (rs, i) -> council(rs.getString(1), rs.getString(2), from, to));
  }

  private CouncilBudget council(String code, String name, LocalDate from, LocalDate to) {
    long committed = jdbc.queryForList("""
        SELECT case_number FROM case_file WHERE council_code = ? AND decision_date >= ? AND decision_date < ?
          AND rule_version IS NOT NULL""", String.class, code, from, to).stream()
        .mapToLong(n -> claims.breakdown(new jp.keieikaizen.casefile.CaseNumber(n)).stream().mapToLong(SubsidyLine::subsidyYen).sum())
        .sum();
    long claimed = sum("""
        SELECT COALESCE(SUM(p.subsidy_yen), 0) FROM payment_claim p JOIN case_file c ON c.id = p.case_id
        WHERE c.council_code = ? AND p.invoice_date >= ? AND p.invoice_date < ? AND p.status <> 'RETURNED'""", code, from, to);
    long paid = ledger(code, "PAYMENT", from, to);
    long recovered = ledger(code, "RECOVERY", from, to);
    return new CouncilBudget(code, name, committed, claimed, paid, recovered);
  }

  private long ledger(String code, String type, LocalDate from, LocalDate to) {
    return sum("""
        SELECT COALESCE(SUM(l.amount_yen), 0) FROM payment_ledger l JOIN case_file c ON c.id = l.case_id
        WHERE c.council_code = ? AND l.entry_type = ? AND l.booked_on >= ? AND l.booked_on < ?""", code, type, from, to);
  }

  private long sum(String sql, Object... args) {
    Long value = jdbc.queryForObject(sql, Long.class, args);
    return value == null ? 0 : value;
  }
}
