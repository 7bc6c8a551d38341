package jp.keieikaizen.casefile;

import java.time.LocalDate;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands out the next number per council and fiscal year. The increment is one atomic upsert, and
 * LAST_INSERT_ID(expr) returns the value on this connection, so two applications never get the same number.
 */
@Component
class CaseNumberGenerator {

  private final JdbcTemplate jdbc;

  CaseNumberGenerator(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  CaseNumber next(String councilCode, LocalDate applicationDate) {
    int fiscalYear = FiscalYear.of(applicationDate);
    jdbc.update("""
        INSERT INTO case_number_sequence (council_code, fiscal_year, last_value) VALUES (?, ?, LAST_INSERT_ID(1))
        ON DUPLICATE KEY UPDATE last_value = LAST_INSERT_ID(last_value + 1)""", councilCode, fiscalYear);
    Integer sequence = jdbc.queryForObject("SELECT LAST_INSERT_ID()", Integer.class);
    return CaseNumber.of(councilCode, fiscalYear, sequence);
  }
}
