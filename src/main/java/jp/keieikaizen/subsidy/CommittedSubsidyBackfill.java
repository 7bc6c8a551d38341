package jp.keieikaizen.subsidy;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import jp.keieikaizen.casefile.CaseNumber;

/**
 * At start-up: accepted cases from before committed_subsidy_yen existed (migration V7) get their committed subsidy
 * computed once, so the budget view counts them. Does nothing when every accepted case has it.
 */
@Component
class CommittedSubsidyBackfill implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(CommittedSubsidyBackfill.class);

  private final JdbcTemplate jdbc;
  private final ClaimService claims;
  private final TransactionTemplate transactions;

  CommittedSubsidyBackfill(JdbcTemplate jdbc, ClaimService claims, TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.claims = claims;
    this.transactions = transactions;
  }

  @Override
  public void run(ApplicationArguments args) {
    List<String> missing = jdbc.queryForList(
        "SELECT case_number FROM case_file WHERE rule_version IS NOT NULL AND committed_subsidy_yen IS NULL", String.class);
    for (String number : missing) {
      transactions.executeWithoutResult(tx -> jdbc.update(
          "UPDATE case_file SET committed_subsidy_yen = ? WHERE case_number = ? AND committed_subsidy_yen IS NULL",
          claims.committedSubsidy(new CaseNumber(number)), number));
    }
    if (!missing.isEmpty()) {
      log.info("Committed subsidy filled in for {} accepted cases", missing.size());
    }
  }
}
