package jp.keieikaizen.report;

import java.time.LocalDate;
import java.time.chrono.JapaneseDate;
import java.time.chrono.JapaneseEra;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A quarter of a Japanese fiscal year (April to March): Q1 April–June, Q2 July–September, Q3 October–December, Q4
 * January–March of the next calendar year. Labelled in the era the statistics use: R6 第2四半期 is July–September 2024;
 * a fiscal year before 令和 (FY2018 and earlier) is H30 and so on, FY2019 is R1 (令和元年度).
 */
public record FiscalQuarter(int fiscalYear, int quarter) {

  private static final Pattern CODE = Pattern.compile("(\\d{4})Q([1-4])");

  public FiscalQuarter {
    if (quarter < 1 || quarter > 4) {
      throw new IllegalArgumentException("quarter " + quarter);
    }
  }

  public static FiscalQuarter of(LocalDate date) {
    int month = date.getMonthValue();
    int fiscalYear = month >= 4 ? date.getYear() : date.getYear() - 1;
    int quarter = month >= 4 ? (month - 4) / 3 + 1 : 4;
    return new FiscalQuarter(fiscalYear, quarter);
  }

  /** Parses the code the API and the page use: 2024Q2 is R6 第2四半期. */
  public static FiscalQuarter parse(String code) {
    Matcher m = CODE.matcher(code == null ? "" : code.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("not a fiscal quarter: " + code);
    }
    return new FiscalQuarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  public LocalDate firstDay() {
    return quarter == 4 ? LocalDate.of(fiscalYear + 1, 1, 1) : LocalDate.of(fiscalYear, 4 + (quarter - 1) * 3, 1);
  }

  public LocalDate lastDay() {
    return firstDay().plusMonths(3).minusDays(1);
  }

  public boolean contains(LocalDate date) {
    return !date.isBefore(firstDay()) && !date.isAfter(lastDay());
  }

  public FiscalQuarter previous() {
    return quarter == 1 ? new FiscalQuarter(fiscalYear - 1, 4) : new FiscalQuarter(fiscalYear, quarter - 1);
  }

  public String code() {
    return fiscalYear + "Q" + quarter;
  }

  /** R6 第2四半期, as the seed's table heads its column. */
  public String label() {
    return fiscalYearLabel(fiscalYear) + " 第" + quarter + "四半期";
  }

  /** R6 for FY2024, R1 for FY2019 (令和元年度), H30 for FY2018. */
  public static String fiscalYearLabel(int fiscalYear) {
    return fiscalYear >= 2019 ? "R" + (fiscalYear - 2018) : "H" + (fiscalYear - 1988);
  }

  /** 令和6年9月末までの実績 for the last day of a month, else 令和6年9月15日までの実績. */
  public static String asOfLabel(LocalDate asOf) {
    JapaneseDate date = JapaneseDate.from(asOf);
    JapaneseEra era = date.getEra();
    String eraName = era == JapaneseEra.REIWA ? "令和" : era == JapaneseEra.HEISEI ? "平成" : era.toString();
    int year = date.get(java.time.temporal.ChronoField.YEAR_OF_ERA);
    String day = asOf.getDayOfMonth() == asOf.lengthOfMonth() ? "末" : asOf.getDayOfMonth() + "日";
    return eraName + (year == 1 ? "元" : String.valueOf(year)) + "年" + asOf.getMonthValue() + "月" + day + "までの実績";
  }
}
