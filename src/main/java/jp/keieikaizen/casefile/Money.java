package jp.keieikaizen.casefile;

/** An amount in whole yen with its consumption tax: gross = net + tax. */
public record Money(long netYen, long taxYen) {

  public static final Money ZERO = new Money(0, 0);

  public Money {
    if (netYen < 0 || taxYen < 0) {
      throw new IllegalArgumentException("negative amount: " + netYen + " + " + taxYen);
    }
  }

  /** From a gross (税込) amount and the tax it includes, as invoices print them. */
  public static Money ofGross(long grossYen, long taxYen) {
    return new Money(grossYen - taxYen, taxYen);
  }

  public long grossYen() {
    return netYen + taxYen;
  }

  /** The amount the subsidy is computed on: gross or net, as the rule version says. */
  public long base(boolean includesTax) {
    return includesTax ? grossYen() : netYen;
  }
}
