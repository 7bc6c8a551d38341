package jp.keieikaizen.subsidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jp.keieikaizen.casefile.CaseFile;
import jp.keieikaizen.casefile.CaseFileService;
import jp.keieikaizen.casefile.CaseNumber;
import jp.keieikaizen.casefile.CostCategory;
import jp.keieikaizen.casefile.Money;
import jp.keieikaizen.casefile.Programme;
import jp.keieikaizen.common.InvalidInputException;
import jp.keieikaizen.subsidy.ClaimService.ClaimRef;

/** The DESIGN.md early-plan worked example through the claim service, with in-memory repositories. */
class ClaimServiceTest {

  static final CaseNumber NUMBER = new CaseNumber("13-2025-0001");
  static final LocalDate DAY = LocalDate.of(2025, 12, 1);

  InMemoryClaims memory;
  List<PaymentClaim> claims;
  ClaimService service;

  @BeforeEach
  void acceptedCaseWithTheWorkedExampleQuote() {
    CaseFile file = new CaseFile(NUMBER, Programme.EARLY_PLAN, "13", 1L, 2L, LocalDate.of(2025, 6, 2), true, 6);
    file.setFee(2L, CostCategory.PLAN, Money.ofGross(225_000, 20_454));
    file.setFee(2L, CostCategory.INTERIM_MONITORING, Money.ofGross(60_000, 5_454));
    file.setFee(2L, CostCategory.FINAL_MONITORING, Money.ofGross(75_000, 6_818));
    file.accept(LocalDate.of(2025, 6, 20), "R7", null);
    use(file);
  }

  private void use(CaseFile file) {
    memory = new InMemoryClaims(NUMBER, file, DAY);
    claims = memory.claims;
    service = memory.service;
  }

  @Test
  void paymentsAreSevenAndAHalfThenElevenAndAHalfThenFiveManYen() {
    assertThat(payClaim(CostCategory.PLAN, 225_000)).isEqualTo(75_000);
    assertThat(payClaim(CostCategory.INTERIM_MONITORING, 60_000)).isEqualTo(115_000);
    assertThat(payClaim(CostCategory.FINAL_MONITORING, 75_000)).isEqualTo(50_000);
    assertThat(claims).extracting(PaymentClaim::subsidyYen).containsExactly(150_000L, 40_000L, 50_000L);
    assertThat(claims).extracting(PaymentClaim::status).containsOnly(ClaimStatus.PAID);
  }

  @Test
  void anInvoiceAboveTheApprovedQuoteIsSubsidisedOnTheQuote() {
    service.file(NUMBER, ClaimRef.of(CostCategory.PLAN), DAY, Money.ofGross(300_000, 27_272));
    PaymentClaim claim = service.compute(NUMBER, ClaimRef.of(CostCategory.PLAN));
    assertThat(claim.eligibleFeeYen()).isEqualTo(225_000);
    assertThat(claim.subsidyYen()).isEqualTo(150_000);
  }

  @Test
  void aClaimIsNotApprovedWhileTheCompanyShareIsShort() {
    service.file(NUMBER, ClaimRef.of(CostCategory.PLAN), DAY, Money.ofGross(225_000, 20_454));
    service.compute(NUMBER, ClaimRef.of(CostCategory.PLAN));
    service.recordCompanyShare(NUMBER, ClaimRef.of(CostCategory.PLAN), DAY, 74_999, 0);
    assertThatThrownBy(() -> service.approve(NUMBER, ClaimRef.of(CostCategory.PLAN))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("claimDecision").hasMessageContaining("75,000円");
    service.recordCompanyShare(NUMBER, ClaimRef.of(CostCategory.PLAN), DAY, 70_000, 5_000); // withholding tax counts
    service.approve(NUMBER, ClaimRef.of(CostCategory.PLAN));
    assertThat(claims.get(0).status()).isEqualTo(ClaimStatus.APPROVED);
  }

  @Test
  void aPaymentIsRecordedOnlyForAnApprovedClaimAndOnlyWhenTheLedgerTookIt() {
    service.file(NUMBER, ClaimRef.of(CostCategory.PLAN), DAY, Money.ofGross(225_000, 20_454));
    service.compute(NUMBER, ClaimRef.of(CostCategory.PLAN));
    assertThatThrownBy(() -> service.recordPayment(NUMBER, ClaimRef.of(CostCategory.PLAN), DAY, "PAY-1"))
        .hasMessageContaining("支払決定されていません");
    service.recordCompanyShare(NUMBER, ClaimRef.of(CostCategory.PLAN), DAY, 75_000, 0);
    service.approve(NUMBER, ClaimRef.of(CostCategory.PLAN));
    when(memory.ledger.append(any(), any(), anyLong(), any(), any(), any())).thenReturn(false); // already there
    service.recordPayment(NUMBER, ClaimRef.of(CostCategory.PLAN), DAY, "PAY-1");
    assertThat(claims.get(0).status()).as("the ledger had it already: nothing changes").isEqualTo(ClaimStatus.APPROVED);
  }

  @Test
  void a405MonitoringFeeClaimedInThreePartsAddsUpToTheCapToTheYen() {
    CaseFile file = new CaseFile(NUMBER, Programme.PLAN_405, "13", 1L, 2L, LocalDate.of(2025, 6, 2), false, 12);
    file.setFee(2L, CostCategory.MONITORING, Money.ofGross(1_500_000, 0));
    file.accept(LocalDate.of(2025, 6, 20), "R7", LocalDate.of(2027, 6, 20));
    use(file);
    long[] subsidies = new long[3];
    for (int part = 1; part <= 3; part++) {
      ClaimRef ref = new ClaimRef(CostCategory.MONITORING, part);
      service.file(NUMBER, ref, DAY, Money.ofGross(500_000, 0));
      subsidies[part - 1] = service.compute(NUMBER, ref).subsidyYen();
    }
    assertThat(subsidies).containsExactly(333_333, 333_333, 333_334);
    ClaimRef fourth = new ClaimRef(CostCategory.MONITORING, 4);
    service.file(NUMBER, fourth, DAY, Money.ofGross(100_000, 0));
    assertThat(service.compute(NUMBER, fourth).subsidyYen()).as("nothing is left of the quote or the cap").isZero();
  }

  private long payClaim(CostCategory category, long gross) {
    service.file(NUMBER, ClaimRef.of(category), DAY, Money.ofGross(gross, gross / 11));
    PaymentClaim claim = service.compute(NUMBER, ClaimRef.of(category));
    service.recordCompanyShare(NUMBER, ClaimRef.of(category), DAY, gross - claim.subsidyYen(), 0);
    service.approve(NUMBER, ClaimRef.of(category));
    service.recordPayment(NUMBER, ClaimRef.of(category), DAY, "PAY-" + category);
    return claim.payableYen();
  }

}
