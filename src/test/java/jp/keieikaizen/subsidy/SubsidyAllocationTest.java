package jp.keieikaizen.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import jp.keieikaizen.casefile.CostCategory;
import jp.keieikaizen.casefile.Money;
import jp.keieikaizen.casefile.Programme;
import jp.keieikaizen.subsidy.SubsidyAllocation.Fee;
import jp.keieikaizen.subsidy.SubsidyAllocation.Line;

class SubsidyAllocationTest {

  static final SubsidyRules.RuleVersion R7 = SubsidyRulesFixture.load().version("R7");

  @Test
  void oneAgencyGetsTheWholeCategory() {
    List<Line> lines = SubsidyAllocation.allocate(R7, Programme.EARLY_PLAN, 1L, List.of(
        new Fee(1L, CostCategory.PLAN, Money.ofGross(300_000, 0)), new Fee(1L, CostCategory.FINAL_MONITORING, Money.ofGross(60_000, 0))));
    assertThat(lines).extracting(Line::category, Line::eligibleFeeYen, Line::subsidyYen, Line::companyShareYen).containsExactly(
        org.assertj.core.groups.Tuple.tuple(CostCategory.PLAN, 225_000L, 150_000L, 150_000L),
        org.assertj.core.groups.Tuple.tuple(CostCategory.FINAL_MONITORING, 60_000L, 40_000L, 20_000L));
  }

  @Test
  void agenciesShareTheCapInProportionAndTheLeadGetsTheTruncatedYen() {
    // 405 plan: 2,000,000 + 1,000,000 quoted -> 2/3 of 3,000,000 = 2,000,000 = the cap, shared 2:1
    List<Line> shared = SubsidyAllocation.allocate(R7, Programme.PLAN_405, 1L, List.of(
        new Fee(1L, CostCategory.PLAN, Money.ofGross(2_000_000, 0)), new Fee(2L, CostCategory.PLAN, Money.ofGross(1_000_000, 0))));
    assertThat(shared).extracting(Line::subsidyYen).containsExactly(1_333_334L, 666_666L);
    assertThat(shared.stream().mapToLong(Line::subsidyYen).sum()).isEqualTo(2_000_000);
    // above the cap: the category's subsidy stays at the cap, whatever the agencies quote
    List<Line> capped = SubsidyAllocation.allocate(R7, Programme.PLAN_405, 1L, List.of(
        new Fee(1L, CostCategory.PLAN, Money.ofGross(2_500_000, 0)), new Fee(2L, CostCategory.PLAN, Money.ofGross(1_500_000, 0))));
    assertThat(capped.stream().mapToLong(Line::subsidyYen).sum()).isEqualTo(2_000_000);
    assertThat(capped.stream().mapToLong(Line::eligibleFeeYen).sum()).isEqualTo(3_000_000);
    assertThat(capped).allSatisfy(l -> assertThat(l.companyShareYen()).isEqualTo(l.quotedGrossYen() - l.subsidyYen()));
  }
}
