package jp.keieikaizen.casefile;

import java.time.LocalDate;

/** Japanese fiscal years run April to March: FY2025 (令和7年度, R7) is 2025-04-01 .. 2026-03-31. */
public final class FiscalYear {

  private FiscalYear() {
  }

  public static int of(LocalDate date) {
    return date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1;
  }

  /** 令和 year of a fiscal year: FY2019 is R1. */
  public static int reiwa(int fiscalYear) {
    return fiscalYear - 2018;
  }
}
