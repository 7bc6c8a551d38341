package jp.keieikaizen.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jp.keieikaizen.casefile.CaseFile;
import jp.keieikaizen.casefile.CaseNumber;
import jp.keieikaizen.casefile.CostCategory;
import jp.keieikaizen.casefile.Money;
import jp.keieikaizen.casefile.Programme;
import jp.keieikaizen.subsidy.ClaimService.ClaimRef;
import jp.keieikaizen.subsidy.SubsidyRules.RuleVersion;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** Properties of the subsidy arithmetic and of claims, over random quotes and invoices, for every rule version. */
class SubsidyProperties {

  static final SubsidyRules RULES = SubsidyRulesFixture.load();
  static final CaseNumber NUMBER = new CaseNumber("13-2025-0099");
  static final LocalDate DAY = LocalDate.of(2025, 12, 1);

  record Quoted(RuleVersion version, Programme programme, CostCategory category) {
  }

  @Provide
  Arbitrary<Quoted> quotedCategories() {
    List<Quoted> all = new ArrayList<>();
    for (RuleVersion v : RULES.versions()) {
      for (Programme p : Programme.values()) {
        v.programme(p).caps().keySet().forEach(c -> all.add(new Quoted(v, p, c)));
      }
    }
    return Arbitraries.of(all);
  }

  @Property
  void subsidyNeverExceedsTheCapNorTwoThirdsAndTheCompanyPaysAtLeastAThird(@ForAll("quotedCategories") Quoted q,
      @ForAll @LongRange(min = 0, max = 100_000_000) long fee) {
    long cap = q.version().programme(q.programme()).cap(q.category());
    long subsidy = SubsidyCalculator.subsidy(fee, cap);
    assertThat(subsidy).isLessThanOrEqualTo(cap).isLessThanOrEqualTo(Math.floorDiv(2 * fee, 3)).isNotNegative();
    assertThat(fee - subsidy).isGreaterThanOrEqualTo(Math.floorDiv(fee + 2, 3)); // ceil(fee / 3)
    if (fee <= q.version().feeCeiling(q.programme(), q.category())) {
      assertThat(subsidy).as("under the ceiling the full two thirds are paid").isEqualTo(Math.floorDiv(2 * fee, 3));
    }
  }

  @Property
  void thePlanSplitPaysEverythingOnceAndTheFirstPartIsTruncated(@ForAll @LongRange(min = 0, max = 3_000_000) long subsidy,
      @ForAll("quotedCategories") Quoted q) {
    int percent = q.version().planFirstPaymentPercent();
    long now = SubsidyCalculator.firstPayment(subsidy, percent);
    assertThat(now).isEqualTo(subsidy * percent / 100).isLessThanOrEqualTo(subsidy);
    assertThat(now + (subsidy - now)).isEqualTo(subsidy);
  }

  /** A category claimed in parts: the parts never exceed what one claim for the whole would give, and re-computing changes nothing. */
  @Property(tries = 300)
  void claimsInPartsAddUpToAtMostTheWholeAndRecomputingChangesNothing(@ForAll("quotedCategories") Quoted q,
      @ForAll @LongRange(min = 1, max = 20_000_000) long quote,
      @ForAll @Size(min = 1, max = 5) List<@LongRange(min = 1, max = 10_000_000) Long> invoices) {
    CaseFile file = new CaseFile(NUMBER, q.programme(), "13", 1L, 2L, LocalDate.of(2025, 6, 2), false, 6);
    file.setFee(2L, q.category(), Money.ofGross(quote, 0));
    file.accept(LocalDate.of(2025, 6, 20), q.version().id(), null);
    InMemoryClaims memory = new InMemoryClaims(NUMBER, file, DAY);
    long invoicedSoFar = 0;
    for (int part = 1; part <= invoices.size(); part++) {
      ClaimRef ref = new ClaimRef(q.category(), part);
      memory.service.file(NUMBER, ref, DAY, Money.ofGross(invoices.get(part - 1), 0));
      PaymentClaim first = memory.service.compute(NUMBER, ref);
      long subsidy = first.subsidyYen(), payable = first.payableYen();
      PaymentClaim again = memory.service.compute(NUMBER, ref);
      assertThat(again.subsidyYen()).isEqualTo(subsidy);
      assertThat(again.payableYen()).isEqualTo(payable);
      invoicedSoFar += invoices.get(part - 1);
    }
    long cap = q.version().programme(q.programme()).cap(q.category());
    long eligibleWhole = Math.min(Math.min(invoicedSoFar, quote), q.version().feeCeiling(q.programme(), q.category()));
    long total = memory.claims.stream().mapToLong(PaymentClaim::subsidyYen).sum();
    assertThat(total).isEqualTo(SubsidyCalculator.subsidy(eligibleWhole, cap));
    long paidNow = memory.claims.stream().mapToLong(PaymentClaim::payableYen).sum();
    assertThat(paidNow).isLessThanOrEqualTo(total);
  }

  @Property
  void theEligibleFeeIsTheLeastOfInvoiceQuoteAndCeiling(@ForAll("quotedCategories") Quoted q,
      @ForAll @LongRange(min = 1, max = 20_000_000) long quote, @ForAll @LongRange(min = 1, max = 20_000_000) long invoice,
      @ForAll @IntRange(min = 0, max = 1) int taxed) {
    CaseFile file = new CaseFile(NUMBER, q.programme(), "13", 1L, 2L, LocalDate.of(2025, 6, 2), false, 6);
    long tax = taxed == 1 ? quote / 11 : 0;
    file.setFee(2L, q.category(), Money.ofGross(quote, tax));
    file.accept(LocalDate.of(2025, 6, 20), q.version().id(), null);
    InMemoryClaims memory = new InMemoryClaims(NUMBER, file, DAY);
    ClaimRef ref = ClaimRef.of(q.category());
    memory.service.file(NUMBER, ref, DAY, Money.ofGross(invoice, 0));
    PaymentClaim claim = memory.service.compute(NUMBER, ref);
    long quotedBase = q.version().subsidyBaseIncludesTax() ? quote : quote - tax;
    assertThat(claim.eligibleFeeYen()).isEqualTo(
        Math.min(invoice, Math.min(quotedBase, q.version().feeCeiling(q.programme(), q.category()))));
  }
}
