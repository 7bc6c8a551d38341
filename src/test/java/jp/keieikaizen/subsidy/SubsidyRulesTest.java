package jp.keieikaizen.subsidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import jp.keieikaizen.casefile.CostCategory;
import jp.keieikaizen.casefile.Programme;

class SubsidyRulesTest {

  SubsidyRules rules = SubsidyRulesFixture.load();

  @ParameterizedTest
  @ValueSource(strings = { "R4", "R5", "R6", "R7" })
  void everyVersionHasThePamphletCapsAndCeilings(String id) {
    var version = rules.version(id);
    var early = version.programme(Programme.EARLY_PLAN);
    assertThat(early.cap(CostCategory.PLAN)).isEqualTo(150_000);
    assertThat(early.cap(CostCategory.INTERIM_MONITORING)).isEqualTo(50_000);
    assertThat(early.cap(CostCategory.FINAL_MONITORING)).isEqualTo(50_000);
    assertThat(early.cap(CostCategory.GUARANTEE_NEGOTIATION)).isEqualTo(100_000);
    assertThat(version.feeCeiling(Programme.EARLY_PLAN, CostCategory.PLAN)).isEqualTo(225_000);
    assertThat(version.feeCeiling(Programme.EARLY_PLAN, CostCategory.FINAL_MONITORING)).isEqualTo(75_000);
    assertThat(version.programme(Programme.PLAN_405).cap(CostCategory.PLAN)).isEqualTo(2_000_000);
    assertThat(version.programme(Programme.PLAN_405).cap(CostCategory.MONITORING)).isEqualTo(1_000_000);
    assertThat(version.programme(Programme.PLAN_405_GL).cap(CostCategory.DUE_DILIGENCE)).isEqualTo(3_000_000);
    assertThat(version.planFirstPaymentPercent()).isEqualTo(50);
    assertThat(version.reuseLimit()).isEqualTo(2);
    assertThat(early.planClaimDueMonths()).isEqualTo(12);
  }

  @Test
  void theVersionInForceFollowsTheFiscalYear() {
    assertThat(rules.versionOn(LocalDate.of(2022, 4, 1)).id()).isEqualTo("R4");
    assertThat(rules.versionOn(LocalDate.of(2023, 3, 31)).id()).isEqualTo("R4");
    assertThat(rules.versionOn(LocalDate.of(2023, 4, 1)).id()).isEqualTo("R5");
    assertThat(rules.versionOn(LocalDate.of(2025, 3, 31)).id()).isEqualTo("R6");
    assertThat(rules.versionOn(LocalDate.of(2025, 4, 1)).id()).isEqualTo("R7");
    assertThatThrownBy(() -> rules.versionOn(LocalDate.of(2022, 3, 31))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aCategoryWithoutACapIsAnError() {
    assertThatThrownBy(() -> rules.version("R7").programme(Programme.EARLY_PLAN).cap(CostCategory.DUE_DILIGENCE))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
