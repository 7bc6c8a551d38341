package jp.keieikaizen.subsidy;

/** The subsidy arithmetic, in whole yen with explicit truncation. */
public final class SubsidyCalculator {

  private SubsidyCalculator() {
  }

  /** min(floor(2/3 × eligible fee), cap): the council pays two thirds, truncated to the yen, up to the cap. */
  public static long subsidy(long eligibleFeeYen, long capYen) {
    if (eligibleFeeYen < 0 || capYen < 0) {
      throw new IllegalArgumentException("negative fee or cap");
    }
    return Math.min(Math.floorDiv(Math.multiplyExact(eligibleFeeYen, 2L), 3L), capYen);
  }

  /** The part of a subsidy paid first under the plan split: floor(subsidy × percent / 100); the rest is deferred. */
  public static long firstPayment(long subsidyYen, int firstPaymentPercent) {
    return Math.floorDiv(Math.multiplyExact(subsidyYen, (long) firstPaymentPercent), 100L);
  }
}
