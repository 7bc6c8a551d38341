package jp.keieikaizen.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import jp.keieikaizen.casefile.CaseFile;
import jp.keieikaizen.casefile.CaseNumber;
import jp.keieikaizen.casefile.CostCategory;
import jp.keieikaizen.casefile.Money;
import jp.keieikaizen.casefile.Programme;
import jp.keieikaizen.subsidy.ClaimService.ClaimRef;

/** DESIGN.md's worked examples, exact to the yen, under every rule version. */
class WorkedExamplesPerVersionTest {

  static final CaseNumber NUMBER = new CaseNumber("13-2025-0001");
  static final LocalDate DAY = LocalDate.of(2025, 12, 1);

  @ParameterizedTest
  @ValueSource(strings = { "R4", "R5", "R6", "R7" })
  void earlyPlanPaysSevenAndAHalfThenElevenAndAHalfThenFiveManYen(String version) {
    CaseFile file = new CaseFile(NUMBER, Programme.EARLY_PLAN, "13", 1L, 2L, LocalDate.of(2022, 6, 2), true, 6);
    file.setFee(2L, CostCategory.PLAN, Money.ofGross(225_000, 20_454));
    file.setFee(2L, CostCategory.INTERIM_MONITORING, Money.ofGross(60_000, 5_454));
    file.setFee(2L, CostCategory.FINAL_MONITORING, Money.ofGross(75_000, 6_818));
    file.accept(DAY, version, null);
    InMemoryClaims memory = new InMemoryClaims(NUMBER, file, DAY);

    assertThat(claim(memory, CostCategory.PLAN, 225_000).payableYen()).isEqualTo(75_000);
    assertThat(claim(memory, CostCategory.INTERIM_MONITORING, 60_000).payableYen()).isEqualTo(115_000);
    assertThat(claim(memory, CostCategory.FINAL_MONITORING, 75_000).payableYen()).isEqualTo(50_000);
    assertThat(memory.claims).extracting(PaymentClaim::subsidyYen).containsExactly(150_000L, 40_000L, 50_000L);
    long fees = 225_000 + 60_000 + 75_000;
    assertThat(fees - memory.claims.stream().mapToLong(PaymentClaim::subsidyYen).sum()).as("company").isEqualTo(120_000);
  }

  @ParameterizedTest
  @ValueSource(strings = { "R4", "R5", "R6", "R7" })
  void midSize405PaysOneHundredEightyManYenAndEightMoreForTheGuaranteeNegotiation(String version) {
    CaseFile file = new CaseFile(NUMBER, Programme.PLAN_405, "13", 1L, 2L, LocalDate.of(2022, 6, 2), false, 12);
    file.setFee(2L, CostCategory.PLAN, Money.ofGross(1_800_000, 0));
    file.setFee(2L, CostCategory.MONITORING, Money.ofGross(900_000, 0));
    file.setFee(2L, CostCategory.GUARANTEE_NEGOTIATION, Money.ofGross(120_000, 0));
    file.accept(DAY, version, DAY.plusYears(2));
    InMemoryClaims memory = new InMemoryClaims(NUMBER, file, DAY);

    assertThat(claim(memory, CostCategory.PLAN, 1_800_000).subsidyYen()).isEqualTo(1_200_000);
    assertThat(claim(memory, CostCategory.MONITORING, 900_000).subsidyYen()).isEqualTo(600_000);
    assertThat(claim(memory, CostCategory.GUARANTEE_NEGOTIATION, 120_000).subsidyYen()).isEqualTo(80_000);
    assertThat(memory.claims).extracting(PaymentClaim::payableYen).containsExactly(600_000L, 1_200_000L, 80_000L);
  }

  private static PaymentClaim claim(InMemoryClaims memory, CostCategory category, long gross) {
    ClaimRef ref = ClaimRef.of(category);
    memory.service.file(NUMBER, ref, DAY, Money.ofGross(gross, 0));
    return memory.service.compute(NUMBER, ref);
  }
}
