package jp.keieikaizen.subsidy;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jp.keieikaizen.casefile.CaseFee;
import jp.keieikaizen.casefile.CaseFile;
import jp.keieikaizen.casefile.CaseFileService;
import jp.keieikaizen.casefile.CaseNumber;
import jp.keieikaizen.casefile.CostCategory;
import jp.keieikaizen.casefile.Money;
import jp.keieikaizen.common.ConflictException;
import jp.keieikaizen.common.InvalidInputException;
import jp.keieikaizen.subsidy.SubsidyRules.RuleVersion;

/**
 * Payment claims of a case's lead agency: filing, the subsidy computation with the plan split, the council's
 * decision and the payment record. Rules come from the case's stamped rule version.
 */
@Service
@Transactional
public class ClaimService {

  private final CaseFileService cases;
  private final SubsidyRules rules;
  private final PaymentClaimRepository claims;
  private final CompanySharePaymentRepository shares;

  ClaimService(CaseFileService cases, SubsidyRules rules, PaymentClaimRepository claims,
      CompanySharePaymentRepository shares) {
    this.cases = cases;
    this.rules = rules;
    this.claims = claims;
    this.shares = shares;
  }

  public PaymentClaim file(CaseNumber number, CostCategory category, LocalDate invoiceDate, Money invoiced) {
    CaseFile file = cases.get(number);
    quote(file, category);
    PaymentClaim claim = claims.findByCaseIdAndAgencyIdAndCategory(file.id(), file.leadAgencyId(), category)
        .orElseGet(() -> new PaymentClaim(file.id(), file.leadAgencyId(), category));
    claim.file(invoiceDate, invoiced);
    return claims.save(claim);
  }

  public void recordCompanyShare(CaseNumber number, CostCategory category, LocalDate transferDate, long amountYen,
      long withheldTaxYen) {
    CaseFile file = cases.get(number);
    CompanySharePayment share = shares.findByCaseIdAndCategory(file.id(), category)
        .orElseGet(() -> new CompanySharePayment(file.id(), category));
    share.record(transferDate, amountYen, withheldTaxYen);
    shares.save(share);
  }

  /** Computes the filed claim: eligible = min(invoiced, quoted, ceiling); subsidy = min(floor(2/3 × eligible), cap). */
  public PaymentClaim compute(CaseNumber number, CostCategory category) {
    CaseFile file = cases.get(number);
    RuleVersion version = rules.version(file.ruleVersion());
    PaymentClaim claim = claim(file, category);
    long eligible = Math.min(claim.invoiced().base(version.subsidyBaseIncludesTax()), eligibleQuote(file, version, category));
    long subsidy = SubsidyCalculator.subsidy(eligible, version.programme(file.programme()).cap(category));
    if (category == CostCategory.PLAN) {
      long now = SubsidyCalculator.firstPayment(subsidy, version.planFirstPaymentPercent());
      claim.computed(eligible, subsidy, now, subsidy - now);
    } else {
      claim.computed(eligible, subsidy, subsidy + deferredPlanSubsidyToCarry(file, claim), 0);
    }
    return claim;
  }

  /** The council approves the claim; refused while the company's share is not evidenced in full. */
  public void approve(CaseNumber number, CostCategory category) {
    CaseFile file = cases.get(number);
    PaymentClaim claim = claim(file, category);
    long owed = claim.invoiced().grossYen() - claim.subsidyYen();
    long borne = shares.findByCaseIdAndCategory(file.id(), category).map(CompanySharePayment::borneYen).orElse(0L);
    if (borne < owed) {
      throw InvalidInputException.of("decision", String.format(
          "事業者負担分の振込が確認できません（必要額 %,d円、確認済み %,d円）", owed, borne));
    }
    claim.approve(cases.today());
  }

  public void returnToAgency(CaseNumber number, CostCategory category, String reason) {
    claim(cases.get(number), category).returnToAgency(reason);
  }

  /** Records the council's payment. A repeated call for a paid claim with the same reference changes nothing. */
  public void recordPayment(CaseNumber number, CostCategory category, LocalDate paidOn, String reference) {
    PaymentClaim claim = claim(cases.get(number), category);
    if (claim.status() == ClaimStatus.PAID && reference.equals(claim.paymentReference())) {
      return;
    }
    claim.paid(paidOn, reference);
  }

  @Transactional(readOnly = true)
  public List<PaymentClaim> claims(CaseNumber number) {
    return claims.findByCaseIdOrderById(cases.get(number).id());
  }

  @Transactional(readOnly = true)
  public List<CompanySharePayment> companyShares(CaseNumber number) {
    return shares.findByCaseId(cases.get(number).id());
  }

  /** The subsidy per quoted category, under the case's rule version (or, before acceptance, the one in force on its application date). */
  @Transactional(readOnly = true)
  public List<SubsidyLine> breakdown(CaseNumber number) {
    CaseFile file = cases.get(number);
    RuleVersion version = file.ruleVersion() != null ? rules.version(file.ruleVersion()) : rules.versionOn(file.applicationDate());
    return file.fees().stream().filter(f -> f.agencyId().equals(file.leadAgencyId())).map(fee -> {
      long eligible = eligibleQuote(file, version, fee.category());
      long cap = version.programme(file.programme()).cap(fee.category());
      long subsidy = SubsidyCalculator.subsidy(eligible, cap);
      return new SubsidyLine(fee.category(), fee.amount().grossYen(), eligible, cap, subsidy, fee.amount().grossYen() - subsidy);
    }).toList();
  }

  private long eligibleQuote(CaseFile file, RuleVersion version, CostCategory category) {
    long quoted = quote(file, category).amount().base(version.subsidyBaseIncludesTax());
    return Math.min(quoted, version.feeCeiling(file.programme(), category));
  }

  private CaseFee quote(CaseFile file, CostCategory category) {
    return file.fee(file.leadAgencyId(), category)
        .orElseThrow(() -> InvalidInputException.of("category", category.label() + " の見積がありません"));
  }

  /** The deferred half of the plan subsidy, if no other monitoring claim has carried it yet. */
  private long deferredPlanSubsidyToCarry(CaseFile file, PaymentClaim claim) {
    List<PaymentClaim> all = claims.findByCaseIdOrderById(file.id());
    boolean carried = all.stream().anyMatch(c -> c != claim && c.category() != CostCategory.PLAN
        && c.payableYen() != null && c.subsidyYen() != null && c.payableYen() > c.subsidyYen());
    if (carried) {
      return 0;
    }
    return all.stream().filter(c -> c.category() == CostCategory.PLAN && c.status() != ClaimStatus.RETURNED)
        .map(PaymentClaim::deferredYen).filter(d -> d != null).findFirst().orElse(0L);
  }

  private PaymentClaim claim(CaseFile file, CostCategory category) {
    return claims.findByCaseIdAndAgencyIdAndCategory(file.id(), file.leadAgencyId(), category)
        .orElseThrow(() -> new ConflictException(category.label() + " の支払申請がありません"));
  }
}
