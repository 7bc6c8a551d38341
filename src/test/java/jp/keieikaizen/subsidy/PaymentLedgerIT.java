package jp.keieikaizen.subsidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import jp.keieikaizen.EarlyPlanLifecycleIT;
import jp.keieikaizen.agency.AgencyService;
import jp.keieikaizen.casefile.CaseFileService;
import jp.keieikaizen.casefile.CaseNumber;
import jp.keieikaizen.casefile.CostCategory;
import jp.keieikaizen.casefile.Money;
import jp.keieikaizen.common.ConflictException;
import jp.keieikaizen.common.FormValues;
import jp.keieikaizen.intake.ApplicationService;
import jp.keieikaizen.subsidy.ClaimService.ClaimRef;
import jp.keieikaizen.system.WholeAppOnMariaDb;

/** The ledger pays a claim once, whoever records it how often and at the same time, enforced by MariaDB. */
@WholeAppOnMariaDb
class PaymentLedgerIT {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));
  static final ClaimRef PLAN = ClaimRef.of(CostCategory.PLAN);

  @Autowired ClaimService claims;
  @Autowired CaseFileService cases;
  @Autowired ApplicationService applications;
  @Autowired AgencyService agencies;
  @Autowired TransactionTemplate tx;
  @Autowired JdbcTemplate jdbc;
  @Autowired CommittedSubsidyBackfill backfill;
  @Autowired BudgetService budget;

  @Test
  void aClaimApprovedAndPaidFromTwoThreadsAtOnceIsDecidedAndPaidOnce() throws Exception {
    CaseNumber number = approvedPlanClaim(false);

    List<Throwable> paid = race(() -> claims.recordPayment(number, PLAN, TODAY, "振込-0001"));
    assertThat(paid).as("the second recording of the same payment changes nothing, it does not fail").isEmpty();
    assertThat(rows(number, "PAYMENT")).isEqualTo(1);
    assertThat(rows(number, "DECISION")).isEqualTo(1);

    tx.executeWithoutResult(s -> claims.recordPayment(number, PLAN, TODAY, "振込-0001")); // a retried job
    assertThatThrownBy(() -> tx.executeWithoutResult(s -> claims.recordPayment(number, PLAN, TODAY, "振込-9999")))
        .isInstanceOf(ConflictException.class).hasMessageContaining("振込-0001");
    assertThat(rows(number, "PAYMENT")).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT amount_yen FROM payment_ledger l JOIN case_file c ON c.id = l.case_id "
        + "WHERE c.case_number = ? AND entry_type = 'PAYMENT'", Long.class, number.value())).isEqualTo(75_000L);
    assertThat(claims.claims(number)).singleElement().satisfies(c -> assertThat(c.status()).isEqualTo(ClaimStatus.PAID));

    // 返還: booked back once, however often it is recorded
    Long returned = tx.execute(s -> claims.recoverPayments(number, TODAY, "期末報告の未提出", null));
    assertThat(returned).isEqualTo(75_000L);
    tx.execute(s -> claims.recoverPayments(number, TODAY, "期末報告の未提出", null));
    assertThat(rows(number, "RECOVERY")).isEqualTo(1);
  }

  @Test
  void twoCoordinatorsApprovingTheSameClaimAtOnceRecordOneDecision() throws Exception {
    CaseNumber number = approvedPlanClaim(true);

    List<Throwable> failures = race(() -> claims.approve(number, PLAN));
    assertThat(failures).hasSizeLessThanOrEqualTo(1);
    assertThat(rows(number, "DECISION")).isEqualTo(1);
    assertThat(claims.claims(number)).singleElement().satisfies(c -> assertThat(c.status()).isEqualTo(ClaimStatus.APPROVED));
  }

  @Test
  void theDatabaseRefusesToUpdateOrDeleteALedgerRowWhoeverAsks() {
    CaseNumber number = approvedPlanClaim(false);
    String where = " WHERE case_id = (SELECT id FROM case_file WHERE case_number = '" + number.value() + "')";

    assertThatThrownBy(() -> jdbc.update("UPDATE payment_ledger SET amount_yen = 1" + where))
        .isInstanceOf(org.springframework.dao.DataAccessException.class).hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.update("DELETE FROM payment_ledger" + where))
        .isInstanceOf(org.springframework.dao.DataAccessException.class).hasMessageContaining("append-only");
    assertThat(rows(number, "DECISION")).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT amount_yen FROM payment_ledger" + where, Long.class)).isEqualTo(75_000L);
  }

  @Test
  void aCaseAcceptedBeforeTheCommittedColumnIsFilledInOnceAndCountsInTheBudget() {
    backfill.run(null); // the other tests' cases, accepted without the decision task
    CaseNumber number = approvedPlanClaim(true);
    String committed = "SELECT committed_subsidy_yen FROM case_file WHERE case_number = ?";
    assertThat(jdbc.queryForObject(committed, Long.class, number.value())).isNull();
    int fiscalYear = TODAY.getMonthValue() >= 4 ? TODAY.getYear() : TODAY.getYear() - 1;
    long before = tokyoCommitted(fiscalYear);

    backfill.run(null);
    backfill.run(null);

    // plan 225,000 → 150,000; 期中 60,000 → 40,000; 期末 75,000 → 50,000 (R7)
    assertThat(jdbc.queryForObject(committed, Long.class, number.value())).isEqualTo(240_000L);
    assertThat(tokyoCommitted(fiscalYear) - before).isEqualTo(240_000L);
  }

  private long tokyoCommitted(int fiscalYear) {
    return budget.fiscalYear(fiscalYear).stream().filter(b -> b.councilCode().equals("13")).findFirst().orElseThrow()
        .committedYen();
  }

  /** Runs the action in two transactions released at the same moment; returns what failed. */
  private List<Throwable> race(Runnable action) throws Exception {
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        runs.add(pool.submit(() -> {
          start.await(10, TimeUnit.SECONDS);
          tx.executeWithoutResult(s -> action.run());
          return null;
        }));
      }
      List<Throwable> failures = new ArrayList<>();
      for (Future<?> run : runs) {
        try {
          run.get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
          failures.add(e.getCause());
        }
      }
      return failures;
    } finally {
      pool.shutdownNow();
    }
  }

  /** An accepted early-plan case with its plan claim filed, computed and evidenced (and approved unless asked not to). */
  private CaseNumber approvedPlanClaim(boolean leaveUnapproved) {
    String agencyCode = String.format("3%08d", Math.floorMod(System.nanoTime(), 100_000_000L));
    tx.executeWithoutResult(s -> agencies.register(new FormValues(Map.of("agencyCode", agencyCode, "name", "台帳試験事務所",
        "kind", "CPA", "certifiedFrom", "2024-04-01", "certifiedTo", "2029-03-31"))));
    Map<String, Object> application = EarlyPlanLifecycleIT.application();
    application.put("agencyCode", agencyCode);
    application.remove("corporateNumber");
    application.put("entityType", "SOLE_PROPRIETOR");
    CaseNumber number = tx.execute(s -> {
      CaseNumber n = applications.registerEarlyPlan(new FormValues(application), null).caseNumber();
      cases.get(n).accept(TODAY, "R7", null);
      return n;
    });
    tx.executeWithoutResult(s -> {
      claims.file(number, PLAN, TODAY, Money.ofGross(225_000, 20_454));
      claims.compute(number, PLAN);
      claims.recordCompanyShare(number, PLAN, TODAY, 75_000, 0);
    });
    if (!leaveUnapproved) {
      tx.executeWithoutResult(s -> claims.approve(number, PLAN));
    }
    return number;
  }

  private int rows(CaseNumber number, String type) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM payment_ledger l JOIN case_file c ON c.id = l.case_id "
        + "WHERE c.case_number = ? AND l.entry_type = ?", Integer.class, number.value(), type);
  }
}
