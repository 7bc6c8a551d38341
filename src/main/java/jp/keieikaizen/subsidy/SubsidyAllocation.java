package jp.keieikaizen.subsidy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.keieikaizen.casefile.CostCategory;
import jp.keieikaizen.casefile.Money;
import jp.keieikaizen.casefile.Programme;
import jp.keieikaizen.subsidy.SubsidyRules.RuleVersion;

/**
 * The subsidy of a case per agency and cost category. Per category the case gets min(floor(2/3 × eligible), cap),
 * eligible being all agencies' quotes together up to the ceiling; each agency receives the part in proportion to its
 * eligible fee, truncated to the yen, and the lead agency the yen left over by truncation.
 */
public final class SubsidyAllocation {

  /** One agency's quote for one category. */
  public record Fee(Long agencyId, CostCategory category, Money amount) {
  }

  /** One agency's line: its quote, its eligible part, the category cap, its subsidy and the company's share. */
  public record Line(Long agencyId, CostCategory category, long quotedGrossYen, long eligibleFeeYen, long capYen,
      long subsidyYen, long companyShareYen) {
  }

  private SubsidyAllocation() {
  }

  public static List<Line> allocate(RuleVersion version, Programme programme, Long leadAgencyId, List<Fee> fees) {
    Map<CostCategory, List<Fee>> byCategory = new EnumMap<>(CostCategory.class);
    fees.forEach(f -> byCategory.computeIfAbsent(f.category(), c -> new ArrayList<>()).add(f));
    List<Line> lines = new ArrayList<>();
    byCategory.forEach((category, categoryFees) -> lines.addAll(category(version, programme, leadAgencyId, category, categoryFees)));
    return lines;
  }

  private static List<Line> category(RuleVersion version, Programme programme, Long leadAgencyId, CostCategory category,
      List<Fee> fees) {
    long cap = version.programme(programme).cap(category);
    long ceiling = version.feeCeiling(programme, category);
    Map<Fee, Long> base = new LinkedHashMap<>();
    fees.forEach(f -> base.put(f, f.amount().base(version.subsidyBaseIncludesTax())));
    long quotedTotal = base.values().stream().mapToLong(Long::longValue).sum();
    long eligibleTotal = Math.min(quotedTotal, ceiling);
    long subsidyTotal = SubsidyCalculator.subsidy(eligibleTotal, cap);
    List<Line> lines = new ArrayList<>();
    long allocated = 0;
    for (Fee fee : fees) {
      long eligible = share(eligibleTotal, base.get(fee), quotedTotal);
      long subsidy = share(subsidyTotal, base.get(fee), quotedTotal);
      allocated += subsidy;
      lines.add(new Line(fee.agencyId(), category, fee.amount().grossYen(), eligible, cap, subsidy,
          fee.amount().grossYen() - subsidy));
    }
    long leftOver = subsidyTotal - allocated;
    if (leftOver > 0) {
      for (int i = 0; i < lines.size(); i++) {
        Line l = lines.get(i);
        if (l.agencyId().equals(leadAgencyId) || i == lines.size() - 1 && lines.stream().noneMatch(x -> x.agencyId().equals(leadAgencyId))) {
          lines.set(i, new Line(l.agencyId(), category, l.quotedGrossYen(), l.eligibleFeeYen(), cap, l.subsidyYen() + leftOver,
              l.companyShareYen() - leftOver));
          break;
        }
      }
    }
    return lines;
  }

  /** floor(total × part / whole), in exact integer arithmetic. */
  private static long share(long total, long part, long whole) {
    return whole == 0 ? 0 : java.math.BigInteger.valueOf(total).multiply(java.math.BigInteger.valueOf(part))
        .divide(java.math.BigInteger.valueOf(whole)).longValueExact();
  }
}
