package jp.keieikaizen.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EarlyPlanScheduleTest {

  @ParameterizedTest(name = "plan {0}, year-end month {1} -> 期末 {2}, report due {3}")
  @CsvSource({
      "2025-09-15, 3, 2027-03-31, 2027-05-31",   // a year after the plan is 2026-09-15; next March end
      "2025-03-31, 3, 2026-03-31, 2026-05-31",   // exactly one year after the plan counts
      "2025-04-01, 3, 2027-03-31, 2027-05-31",   // one day later: the following year-end
      "2025-09-15, 9, 2026-09-30, 2026-11-30",
      "2025-09-15, 12, 2026-12-31, 2027-02-28",
      "2027-02-10, 2, 2028-02-29, 2028-04-30",   // February year-end in a leap year
      "2026-02-10, 2, 2027-02-28, 2027-04-30"
  })
  void finalReviewIsTheFirstFiscalYearEndAtLeastOneYearAfterThePlan(LocalDate plan, int fyeMonth, LocalDate finalStart,
      LocalDate finalDue) {
    EarlyPlanSchedule schedule = EarlyPlanSchedule.of(plan, fyeMonth, false, 6, 2);
    assertThat(schedule.finalStart()).isEqualTo(finalStart);
    assertThat(schedule.finalDue()).isEqualTo(finalDue);
    assertThat(schedule.interimStart()).isNull();
  }

  @ParameterizedTest(name = "year-end month {0} -> 期末 {1}")
  @CsvSource({ "1, 2027-01-31", "2, 2027-02-28", "3, 2027-03-31", "4, 2027-04-30", "5, 2027-05-31", "6, 2027-06-30",
      "7, 2027-07-31", "8, 2027-08-31", "9, 2026-09-30", "10, 2026-10-31", "11, 2026-11-30", "12, 2026-12-31" })
  void finalReviewForEveryFiscalYearEndMonth(int fyeMonth, LocalDate finalStart) {
    // plan 2025-09-15: a year later is 2026-09-15, so September's end of 2026 is the first that counts
    assertThat(EarlyPlanSchedule.of(LocalDate.of(2025, 9, 15), fyeMonth, false, 6, 2).finalStart()).isEqualTo(finalStart);
  }

  @Test
  void interimReviewFollowsTheIntervalButStaysAMonthBeforeTheFinalOne() {
    var six = EarlyPlanSchedule.of(LocalDate.of(2025, 9, 15), 3, true, 6, 2);
    assertThat(six.interimStart()).isEqualTo(LocalDate.of(2026, 3, 15));
    assertThat(six.interimDue()).isEqualTo(LocalDate.of(2026, 4, 15));

    var twelve = EarlyPlanSchedule.of(LocalDate.of(2025, 3, 31), 3, true, 12, 2);
    assertThat(twelve.finalStart()).isEqualTo(LocalDate.of(2026, 3, 31));
    assertThat(twelve.interimStart()).isEqualTo(LocalDate.of(2026, 2, 28));
  }
}
