package jp.keieikaizen.subsidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SubsidyCalculatorTest {

  @ParameterizedTest(name = "fee {0}, cap {1} -> {2}")
  @CsvSource({
      // DESIGN.md worked example, early plan: plan 22.5万, 期中 6万, 期末 7.5万
      "225000, 150000, 150000",
      "60000, 50000, 40000",
      "75000, 50000, 50000",
      // fee above the 1.5 × cap ceiling: the subsidy stays at the cap
      "300000, 150000, 150000",
      // 405 worked example, mid-size firm: DD + plan 180万, 伴走支援 90万, guarantee negotiation 12万
      "1800000, 2000000, 1200000",
      "900000, 1000000, 600000",
      "120000, 100000, 80000",
      // truncation to the yen: 2/3 × 100,001 = 66,667.33
      "100001, 150000, 66667",
      "2, 150000, 1",
      "1, 150000, 0",
      "0, 150000, 0",
      // exactly at the ceiling: 2/3 × 225,000 = 150,000 = cap
      "224999, 150000, 149999"
  })
  void subsidyIsTwoThirdsTruncatedUpToTheCap(long fee, long cap, long expected) {
    assertThat(SubsidyCalculator.subsidy(fee, cap)).isEqualTo(expected);
  }

  @Test
  void workedEarlyPlanExampleTotalsTwentyFourManYenAndTheCompanyPaysTwelve() {
    long fees = 225_000 + 60_000 + 75_000;
    long subsidy = SubsidyCalculator.subsidy(225_000, 150_000) + SubsidyCalculator.subsidy(60_000, 50_000)
        + SubsidyCalculator.subsidy(75_000, 50_000);
    assertThat(subsidy).isEqualTo(240_000);
    assertThat(fees - subsidy).isEqualTo(120_000);
  }

  @Test
  void planSplitPaysHalfNowTruncatedAndTheRestLater() {
    assertThat(SubsidyCalculator.firstPayment(150_000, 50)).isEqualTo(75_000);
    assertThat(SubsidyCalculator.firstPayment(149_999, 50)).isEqualTo(74_999);
    assertThat(SubsidyCalculator.firstPayment(149_999, 100)).isEqualTo(149_999);
  }

  @Test
  void negativeAmountsAreRefused() {
    assertThatThrownBy(() -> SubsidyCalculator.subsidy(-1, 150_000)).isInstanceOf(IllegalArgumentException.class);
  }
}
