package jp.keieikaizen.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import jp.keieikaizen.casefile.Programme;
import jp.keieikaizen.common.FormValues;
import jp.keieikaizen.report.FiscalQuarter;
import jp.keieikaizen.report.StatisticsService;

/** Reads the statistics table's parameters (as-of date, fiscal quarter, programme) the same way for the API and pages. */
@Component
class StatisticsQuery {

  private final StatisticsService statistics;
  private final ApiCaller callers;

  StatisticsQuery(StatisticsService statistics, ApiCaller callers) {
    this.statistics = statistics;
    this.callers = callers;
  }

  /** The table within the councils the caller reads (national: all; council staff: theirs; agencies: 403). */
  StatisticsService.Table table(String asOf, String quarter, String programme, java.security.Principal user) {
    Set<String> scope = callers.access().figuresScope(callers.of(user));
    FormValues form = new FormValues(asOf == null || asOf.isBlank() ? Map.of() : Map.of("asOf", asOf));
    LocalDate date = asOf == null || asOf.isBlank() ? LocalDate.now(ZoneId.of("Asia/Tokyo")) : form.requiredDate("asOf");
    FiscalQuarter q = null;
    if (date != null) {
      try {
        q = quarter == null || quarter.isBlank() ? FiscalQuarter.of(date) : FiscalQuarter.parse(quarter);
        if (q.firstDay().isAfter(date)) {
          form.problem("quarter", "基準日（" + date + "）より後の四半期は選べません");
        }
      } catch (IllegalArgumentException e) {
        form.problem("quarter", "四半期は 2024Q2 の形式（年度と Q1〜Q4）で指定してください");
      }
    }
    Programme p = null;
    if (programme != null && !programme.isBlank() && !programme.equals("ALL")) {
      p = new FormValues(Map.of("programme", programme)).requiredEnum("programme", Programme.class);
      if (p == null) {
        form.problem("programme", "EARLY_PLAN、PLAN_405、PLAN_405_GL または ALL を指定してください");
      }
    }
    form.validate();
    return statistics.table(date, q, p, scope);
  }
}
