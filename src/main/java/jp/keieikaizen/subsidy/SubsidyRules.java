package jp.keieikaizen.subsidy;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import jp.keieikaizen.casefile.CostCategory;
import jp.keieikaizen.casefile.Programme;

/**
 * The subsidy rules, one entry per rule version (fiscal year of acceptance), from rules/subsidy-rules.yaml.
 * Adding a fiscal year means adding an entry there, not code.
 */
@ConfigurationProperties("subsidy")
public record SubsidyRules(List<RuleVersion> versions) {

  public SubsidyRules {
    versions = versions.stream().sorted(Comparator.comparing(RuleVersion::validFrom)).toList();
  }

  public RuleVersion version(String id) {
    return versions.stream().filter(v -> v.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown rule version " + id));
  }

  /** The version in force on a date: the latest one that started on or before it. */
  public RuleVersion versionOn(LocalDate date) {
    return versions.stream().filter(v -> !v.validFrom().isAfter(date)).reduce((a, b) -> b)
        .orElseThrow(() -> new IllegalArgumentException("no rule version in force on " + date));
  }

  /**
   * @param subsidyBaseIncludesTax whether 2/3 is taken of the gross (税込) fee or the net one
   * @param feeCeilingPercent the eligible fee ceiling per category as a percentage of its cap (150 = 1.5 × cap)
   * @param planFirstPaymentPercent share of the plan subsidy paid with the plan claim; the rest comes with the first monitoring claim
   * @param reuseLimit how many earlier accepted uses by the same 法人番号 still allow a new application
   * @param ganttChartThresholdYen above this plan fee (without monitoring) the application needs a Gantt chart
   * @param monitoringSharePercent 405: the monitoring fee's largest share of plan + monitoring fees
   * @param sizeClasses 405 通常枠: size classes in order, the first whose bounds the company is under applies
   */
  public record RuleVersion(String id, LocalDate validFrom, boolean subsidyBaseIncludesTax, int feeCeilingPercent,
      int planFirstPaymentPercent, int reuseLimit, long ganttChartThresholdYen, int monitoringShareMaxPercent,
      List<SizeClass> sizeClasses, Map<Programme, ProgrammeRules> programmes) {

    /** The 405 size class of a company from its sales and interest-bearing debt. */
    public SizeClass sizeClass(long salesYen, long debtYen) {
      return sizeClasses.stream().filter(c -> c.covers(salesYen, debtYen)).findFirst()
          .orElseThrow(() -> new IllegalStateException("rule version " + id + " has no size class for these figures"));
    }

    public ProgrammeRules programme(Programme programme) {
      ProgrammeRules rules = programmes.get(programme);
      if (rules == null) {
        throw new IllegalArgumentException("rule version " + id + " has no rules for " + programme);
      }
      return rules;
    }

    /** The highest fee that still counts in full: feeCeilingPercent of the cap, truncated to the yen. */
    public long feeCeiling(Programme programme, CostCategory category) {
      return Math.floorDiv(programme(programme).cap(category) * feeCeilingPercent, 100);
    }
  }

  /**
   * A 405 size class: a company is in it when both its sales and its interest-bearing debt are below the bounds
   * (a missing bound is no bound); its total fee (without the guarantee add-on) may not exceed feeCeiling.
   */
  public record SizeClass(String name, String label, Long salesBelow, Long debtBelow, long feeCeiling) {

    boolean covers(long salesYen, long debtYen) {
      return (salesBelow == null || salesYen < salesBelow) && (debtBelow == null || debtYen < debtBelow);
    }
  }

  /**
   * @param caps subsidy cap per cost category, whole yen
   * @param planClaimDueMonths early plan: the plan payment claim must be filed within this many months of the application
   * @param applicationValidMonths 405: the application lapses this many months after acceptance unless extended
   * @param monitoringMonths how long monitoring (伴走支援) runs after the plan
   * @param finalReportLagMonths the 期末 monitoring report is due this many months after the fiscal year-end (tax return filed)
   * @param monitoringClaimValidMonths a monitoring claim (伴走支援の支払申請) must be filed within this many months of the
   *     report it follows; after that it lapses (R4+: the claim validity period)
   */
  public record ProgrammeRules(Map<CostCategory, Long> caps, Integer planClaimDueMonths, Integer applicationValidMonths,
      int monitoringMonths, int finalReportLagMonths, int monitoringClaimValidMonths) {

    public ProgrammeRules {
      if (monitoringClaimValidMonths < 1) {
        throw new IllegalArgumentException("monitoring-claim-valid-months must be at least 1");
      }
    }

    public long cap(CostCategory category) {
      Long cap = caps.get(category);
      if (cap == null) {
        throw new IllegalArgumentException("no cap for " + category);
      }
      return cap;
    }

    public boolean covers(CostCategory category) {
      return caps.containsKey(category);
    }
  }
}
