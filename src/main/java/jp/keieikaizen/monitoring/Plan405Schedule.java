package jp.keieikaizen.monitoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The 405 monitoring rounds: one every {@code intervalMonths} after the plan date for {@code months} months (3 years),
 * each dated from the plan date itself (so a plan of 31 January meets February's end, then 31 March again). Claims
 * follow the last round of each year (YEARLY) or only the last round (AT_END).
 */
public final class Plan405Schedule {

  /** A round: its number, the date its report is due, and the claim that follows it (0: none). */
  public record Round(int roundNo, LocalDate dueDate, int claimNo) {
  }

  private Plan405Schedule() {
  }

  public static List<Round> of(LocalDate planDate, int intervalMonths, int months, boolean yearlyClaims) {
    if (intervalMonths < 1 || intervalMonths > 12) {
      throw new IllegalArgumentException("interval must be 1-12 months: " + intervalMonths);
    }
    List<Round> rounds = new ArrayList<>();
    int count = months / intervalMonths;
    int claimNo = 0;
    for (int i = 1; i <= count; i++) {
      int offset = i * intervalMonths;
      boolean lastOfYear = i == count || yearOf(offset) != yearOf(offset + intervalMonths);
      boolean claims = yearlyClaims ? lastOfYear : i == count;
      rounds.add(new Round(i, planDate.plusMonths(offset), claims ? ++claimNo : 0));
    }
    return rounds;
  }

  /** Monitoring year (0, 1, 2) of a month offset 1..36 from the plan date. */
  private static int yearOf(int monthOffset) {
    return (monthOffset - 1) / 12;
  }
}
