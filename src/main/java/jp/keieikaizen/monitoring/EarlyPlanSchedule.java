package jp.keieikaizen.monitoring;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * When an early-plan case's monitoring rounds start and are due.
 * 期末: the company's first fiscal year-end at least one year after the plan date; its report is due
 * {@code reportLagMonths} later (the tax return goes with it). 期中: the chosen interval after the plan date,
 * but at least a month before the 期末 review.
 */
public record EarlyPlanSchedule(LocalDate interimStart, LocalDate interimDue, LocalDate finalStart, LocalDate finalDue) {

  public static EarlyPlanSchedule of(LocalDate planDate, int fiscalYearEndMonth, boolean interim, int intervalMonths,
      int reportLagMonths) {
    LocalDate finalStart = firstFiscalYearEndOnOrAfter(planDate.plusYears(1), fiscalYearEndMonth);
    LocalDate finalDue = YearMonth.from(finalStart).plusMonths(reportLagMonths).atEndOfMonth();
    if (!interim) {
      return new EarlyPlanSchedule(null, null, finalStart, finalDue);
    }
    LocalDate interimStart = planDate.plusMonths(intervalMonths);
    LocalDate latest = finalStart.minusMonths(1);
    if (interimStart.isAfter(latest)) {
      interimStart = latest;
    }
    return new EarlyPlanSchedule(interimStart, interimStart.plusMonths(1), finalStart, finalDue);
  }

  /** The last day of the fiscal-year-end month, on or after the given date. */
  static LocalDate firstFiscalYearEndOnOrAfter(LocalDate date, int fiscalYearEndMonth) {
    LocalDate candidate = YearMonth.of(date.getYear(), fiscalYearEndMonth).atEndOfMonth();
    return candidate.isBefore(date) ? YearMonth.of(date.getYear() + 1, fiscalYearEndMonth).atEndOfMonth() : candidate;
  }
}
