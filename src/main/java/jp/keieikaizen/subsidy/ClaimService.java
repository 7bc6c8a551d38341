package jp.keieikaizen.subsidy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

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
import jp.keieikaizen.common.KnownIds;
import jp.keieikaizen.subsidy.SubsidyRules.RuleVersion;

/**
 * Payment claims of a case's lead agency: filing, the subsidy computation with the plan split, the council's
 * decision and the payment record. A category may be claimed in parts (405 monitoring: claim 1, 2, 3); each part is
 * subsidised on what is left of the quote and the cap. Rules come from the case's stamped rule version.
 */
@Service
@Transactional
public class ClaimService {

  /**
   * Which claim: the agency filing it (null: the lead agency), the cost category and, for a category claimed in parts,
   * the part's number (1 otherwise).
   */
  public record ClaimRef(Long agencyId, CostCategory category, int claimNo) {

    public ClaimRef(CostCategory category, int claimNo) {
      this(null, category, claimNo);
    }

    public static ClaimRef of(CostCategory category) {
      return new ClaimRef(null, category, 1);
    }

    /**
     * The claim a paymentClaim instance is about, from its variables as text: claimCategory (required), claimNo (1
     * when absent) and claimAgencyId (the lead agency when absent).
     */
    public static ClaimRef fromContext(String category, String claimNo, String agencyId) {
      return new ClaimRef(agencyId == null ? null : Long.valueOf(agencyId), CostCategory.valueOf(category),
          claimNo == null ? 1 : Integer.parseInt(claimNo));
    }

    Long agencyOf(CaseFile file) {
      return agencyId == null ? file.leadAgencyId() : agencyId;
    }
  }

  private final CaseFileService cases;
  private final SubsidyRules rules;
  private final PaymentClaimRepository claims;
  private final CompanySharePaymentRepository shares;
  private final PaymentLedger ledger;
  private final LedgerEntryRepository ledgerEntries;
  private final jakarta.persistence.EntityManager entities;

  /** A claim's or a share's own key: its case, agency, category and number. */
  private record ClaimKey(Long caseId, Long agencyId, CostCategory category, int claimNo) {
  }

  private final KnownIds<ClaimKey, PaymentClaim> knownClaims = new KnownIds<>(PaymentClaim.class, PaymentClaim::id,
      c -> new ClaimKey(c.caseId(), c.agencyId(), c.category(), c.claimNo()));
  private final KnownIds<ClaimKey, CompanySharePayment> knownShares = new KnownIds<>(CompanySharePayment.class,
      CompanySharePayment::id, s -> new ClaimKey(s.caseId(), s.agencyId(), s.category(), s.claimNo()));

  ClaimService(CaseFileService cases, SubsidyRules rules, PaymentClaimRepository claims,
      CompanySharePaymentRepository shares, PaymentLedger ledger, LedgerEntryRepository ledgerEntries,
      jakarta.persistence.EntityManager entities) {
    this.cases = cases;
    this.rules = rules;
    this.claims = claims;
    this.shares = shares;
    this.ledger = ledger;
    this.ledgerEntries = ledgerEntries;
    this.entities = entities;
  }

  public PaymentClaim file(CaseNumber number, ClaimRef ref, LocalDate invoiceDate, Money invoiced) {
    return file(number, ref, invoiceDate, invoiced, List.of());
  }

  /** Files (or refiles) a claim with the subcontractor invoices that go with it. */
  public PaymentClaim file(CaseNumber number, ClaimRef ref, LocalDate invoiceDate, Money invoiced,
      List<SubcontractorInvoice> subcontractors) {
    CaseFile file = cases.get(number);
    quote(file, ref.agencyOf(file), ref.category());
    PaymentClaim claim = find(file, ref)
        .orElseGet(() -> new PaymentClaim(file.id(), ref.agencyOf(file), ref.category(), ref.claimNo()));
    claim.file(invoiceDate, invoiced, subcontractors);
    return claims.save(claim);
  }

  public void recordCompanyShare(CaseNumber number, ClaimRef ref, LocalDate transferDate, long amountYen,
      long withheldTaxYen) {
    CaseFile file = cases.get(number);
    CompanySharePayment share = share(file, ref)
        .orElseGet(() -> new CompanySharePayment(file.id(), ref.agencyOf(file), ref.category(), ref.claimNo()));
    share.record(transferDate, amountYen, withheldTaxYen);
    shares.save(share);
  }

  @Transactional(readOnly = true)
  public boolean hasCompanyShare(CaseNumber number, ClaimRef ref) {
    return share(cases.get(number), ref).isPresent();
  }

  @Transactional(readOnly = true)
  public boolean isFiled(CaseNumber number, ClaimRef ref) {
    return find(cases.get(number), ref).isPresent();
  }

  /**
   * Computes the filed claim: eligible = min(invoiced, what is left of min(quoted, ceiling)); subsidy =
   * min(floor(2/3 × all eligible so far), cap) less what earlier parts got. The plan subsidy is split; the first
   * monitoring claim carries the deferred part.
   */
  public PaymentClaim compute(CaseNumber number, ClaimRef ref) {
    CaseFile file = cases.get(number);
    RuleVersion version = rules.version(file.ruleVersion());
    PaymentClaim claim = claim(file, ref);
    Long agency = ref.agencyOf(file);
    List<PaymentClaim> earlier = claims.findByCaseIdOrderById(file.id()).stream()
        .filter(c -> c.agencyId().equals(agency) && c.category() == ref.category() && c.claimNo() != ref.claimNo()
            && c.subsidyYen() != null && c.status() != ClaimStatus.RETURNED).toList();
    long earlierEligible = earlier.stream().mapToLong(PaymentClaim::eligibleFeeYen).sum();
    long earlierSubsidy = earlier.stream().mapToLong(PaymentClaim::subsidyYen).sum();
    SubsidyAllocation.Line share = allocation(file, version, agency, ref.category());
    long quoteLeft = share.eligibleFeeYen() - earlierEligible;
    long eligible = Math.max(0, Math.min(claim.invoiced().base(version.subsidyBaseIncludesTax()), quoteLeft));
    // computed on the running total, so parts add up to what one claim for the whole would give (no yen lost);
    // the agency's part of the category's cap is its share of the case's subsidy
    long subsidy = Math.max(0, SubsidyCalculator.subsidy(earlierEligible + eligible, share.subsidyYen()) - earlierSubsidy);
    if (ref.category() == CostCategory.PLAN && hasMonitoringQuote(file, agency)) {
      long now = SubsidyCalculator.firstPayment(subsidy, version.planFirstPaymentPercent());
      claim.computed(eligible, subsidy, now, subsidy - now);
    } else {
      long carried = isMonitoring(ref.category()) ? deferredPlanSubsidyToCarry(file, claim) : 0;
      claim.computed(eligible, subsidy, subsidy + carried, 0);
    }
    return claim;
  }

  /** The council approves the claim; refused while the company's share is not evidenced in full. */
  public void approve(CaseNumber number, ClaimRef ref) {
    CaseFile file = cases.get(number);
    PaymentClaim claim = claim(file, ref);
    long owed = claim.invoiced().grossYen() - claim.subsidyYen();
    long borne = share(file, ref).map(CompanySharePayment::borneYen).orElse(0L);
    if (borne < owed) {
      throw InvalidInputException.of("claimDecision", String.format(
          "事業者負担分の振込が確認できません（必要額 %,d円、確認済み %,d円）", owed, borne));
    }
    claim.approve(cases.today());
    ledger.append(claim, LedgerEntry.Type.DECISION, claim.payableYen(), cases.today(), null, null);
  }

  public void returnToAgency(CaseNumber number, ClaimRef ref, String reason) {
    claim(cases.get(number), ref).returnToAgency(reason);
  }

  /**
   * Records the council's payment of an approved claim in the ledger and on the claim. The ledger's unique keys make
   * it happen once: a repeated or concurrent call with the same payment changes nothing; one with another amount or
   * reference is refused.
   */
  public void recordPayment(CaseNumber number, ClaimRef ref, LocalDate paidOn, String reference) {
    PaymentClaim claim = claim(cases.get(number), ref);
    if (claim.status() != ClaimStatus.APPROVED && claim.status() != ClaimStatus.PAID) {
      throw new ConflictException(ref.category().label() + " の支払申請は支払決定されていません");
    }
    if (ledger.append(claim, LedgerEntry.Type.PAYMENT, claim.payableYen(), paidOn, reference, null)) {
      claim.paid(paidOn, reference);
    }
  }

  /**
   * Claw-back (返還): every paid claim's payment is booked back in the ledger, once per claim.
   * @return the total to be returned, whole yen
   */
  public long recoverPayments(CaseNumber number, LocalDate on, String reason, String userId) {
    long total = 0;
    for (PaymentClaim claim : claims.findByCaseIdOrderById(cases.get(number).id())) {
      if (claim.status() == ClaimStatus.PAID) {
        ledger.append(claim, LedgerEntry.Type.RECOVERY, claim.payableYen(), on, reason, userId);
        total += claim.payableYen();
      }
    }
    return total;
  }

  @Transactional(readOnly = true)
  public List<LedgerEntry> ledger(CaseNumber number) {
    return ledgerEntries.findByCaseIdOrderById(cases.get(number).id());
  }

  @Transactional(readOnly = true)
  /**
   * What the steps of one claim show: the claim as filed (empty before), the company's transfer recorded for it, the
   * agency's subsidy line for the category, and the company's share due: the invoice less the computed subsidy once
   * the claim is computed, else the share of the quote.
   */
  public record ClaimPicture(ClaimRef ref, Optional<PaymentClaim> claim, Optional<CompanySharePayment> transfer,
      Optional<SubsidyLine> line, long companyShareDueYen) {
  }

  @Transactional(readOnly = true)
  public ClaimPicture picture(CaseNumber number, ClaimRef ref) {
    CaseFile file = cases.get(number);
    Long agency = ref.agencyOf(file);
    Optional<PaymentClaim> claim = find(file, ref);
    Optional<SubsidyLine> line = breakdown(number).stream()
        .filter(l -> l.agencyId().equals(agency) && l.category() == ref.category()).findFirst();
    long due = claim.filter(c -> c.subsidyYen() != null && c.status() != ClaimStatus.RETURNED)
        .map(c -> c.invoiced().grossYen() - c.subsidyYen())
        .orElseGet(() -> line.map(SubsidyLine::companyShareYen).orElse(0L));
    return new ClaimPicture(ref, claim, share(file, ref), line, due);
  }

  public List<PaymentClaim> claims(CaseNumber number) {
    return claims.findByCaseIdOrderById(cases.get(number).id());
  }

  /**
   * The subsidy per agency and quoted category under the case's rule version (before acceptance, the one in force on
   * its application date), with what has been paid: the plan's first half with the plan claim, its second half with
   * the first monitoring claim.
   */
  @Transactional(readOnly = true)
  public List<SubsidyLine> breakdown(CaseNumber number) {
    CaseFile file = cases.get(number);
    RuleVersion version = file.ruleVersion() != null ? rules.version(file.ruleVersion()) : rules.versionOn(file.applicationDate());
    List<SubsidyAllocation.Fee> fees = file.fees().stream()
        .map(f -> new SubsidyAllocation.Fee(f.agencyId(), f.category(), f.amount())).toList();
    List<PaymentClaim> paid = claims.findByCaseIdOrderById(file.id()).stream().filter(c -> c.status() == ClaimStatus.PAID).toList();
    return SubsidyAllocation.allocate(version, file.programme(), file.leadAgencyId(), fees).stream().map(line -> {
      long paidYen = paid.stream().filter(c -> c.agencyId().equals(line.agencyId()))
          .mapToLong(c -> paidFor(line.category(), c)).sum();
      return new SubsidyLine(line.agencyId(), line.category(), line.quotedGrossYen(), line.eligibleFeeYen(), line.capYen(),
          line.subsidyYen(), paidYen, line.subsidyYen() - paidYen, line.companyShareYen());
    }).toList();
  }

  /** The case's whole subsidy under its rule version: what accepting its application commits of the budget. */
  @Transactional(readOnly = true)
  public long committedSubsidy(CaseNumber number) {
    return breakdown(number).stream().mapToLong(SubsidyLine::subsidyYen).sum();
  }

  /** What a paid claim paid of a category's subsidy: a monitoring claim's carried plan half counts for the plan. */
  private static long paidFor(CostCategory category, PaymentClaim claim) {
    long carried = isMonitoring(claim.category()) ? claim.payableYen() - claim.subsidyYen() : 0;
    if (claim.category() == category) {
      return claim.payableYen() - carried;
    }
    return category == CostCategory.PLAN ? carried : 0;
  }

  static boolean isMonitoring(CostCategory category) {
    return category == CostCategory.INTERIM_MONITORING || category == CostCategory.FINAL_MONITORING
        || category == CostCategory.MONITORING;
  }

  /** The agency's line of the case's allocation for a category: its eligible part and its share of the subsidy. */
  private SubsidyAllocation.Line allocation(CaseFile file, RuleVersion version, Long agency, CostCategory category) {
    quote(file, agency, category);
    List<SubsidyAllocation.Fee> fees = file.fees().stream().filter(f -> f.category() == category)
        .map(f -> new SubsidyAllocation.Fee(f.agencyId(), f.category(), f.amount())).toList();
    return SubsidyAllocation.allocate(version, file.programme(), file.leadAgencyId(), fees).stream()
        .filter(l -> l.agencyId().equals(agency)).findFirst().orElseThrow();
  }

  /** The plan split applies to agencies that monitor; an agency without a monitoring quote is paid its plan part at once. */
  private static boolean hasMonitoringQuote(CaseFile file, Long agency) {
    return file.fees().stream().anyMatch(f -> f.agencyId().equals(agency) && isMonitoring(f.category())
        && f.amount().grossYen() > 0);
  }

  private CaseFee quote(CaseFile file, Long agency, CostCategory category) {
    return file.fee(agency, category)
        .orElseThrow(() -> InvalidInputException.of("claimCategory", category.label() + " の見積がありません"));
  }

  private Optional<CompanySharePayment> share(CaseFile file, ClaimRef ref) {
    ClaimKey key = new ClaimKey(file.id(), ref.agencyOf(file), ref.category(), ref.claimNo());
    return knownShares.find(entities, key, () -> shares.findByCaseIdAndAgencyIdAndCategoryAndClaimNo(key.caseId(),
        key.agencyId(), key.category(), key.claimNo()));
  }

  /** The deferred half of the plan subsidy, if no other monitoring claim has carried it yet. */
  private long deferredPlanSubsidyToCarry(CaseFile file, PaymentClaim claim) {
    List<PaymentClaim> all = claims.findByCaseIdOrderById(file.id());
    boolean carried = all.stream().anyMatch(c -> c != claim && c.agencyId().equals(claim.agencyId())
        && isMonitoring(c.category()) && c.payableYen() != null && c.subsidyYen() != null && c.payableYen() > c.subsidyYen());
    if (carried) {
      return 0;
    }
    return all.stream().filter(c -> c.agencyId().equals(claim.agencyId()) && c.category() == CostCategory.PLAN
        && c.status() != ClaimStatus.RETURNED)
        .map(PaymentClaim::deferredYen).filter(d -> d != null).findFirst().orElse(0L);
  }

  private Optional<PaymentClaim> find(CaseFile file, ClaimRef ref) {
    ClaimKey key = new ClaimKey(file.id(), ref.agencyOf(file), ref.category(), ref.claimNo());
    return knownClaims.find(entities, key, () -> claims.findByCaseIdAndAgencyIdAndCategoryAndClaimNo(key.caseId(),
        key.agencyId(), key.category(), key.claimNo()));
  }

  private PaymentClaim claim(CaseFile file, ClaimRef ref) {
    return find(file, ref).orElseThrow(() -> new ConflictException(ref.category().label() + " の支払申請がありません"));
  }
}
