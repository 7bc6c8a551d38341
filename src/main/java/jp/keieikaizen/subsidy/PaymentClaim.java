package jp.keieikaizen.subsidy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import jp.keieikaizen.casefile.CostCategory;
import jp.keieikaizen.casefile.Money;
import jp.keieikaizen.common.ConflictException;

/** An agency's payment claim (費用支払申請) for one cost category of a case. */
@Entity
public class PaymentClaim {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private Long caseId;
  private Long agencyId;
  @Enumerated(EnumType.STRING)
  private CostCategory category;
  private int claimNo;
  @Enumerated(EnumType.STRING)
  private ClaimStatus status;
  private LocalDate invoiceDate;
  private long invoicedNetYen;
  private long invoicedTaxYen;
  private long invoicedGrossYen;
  private Long eligibleFeeYen;
  private Long subsidyYen;
  private Long payableYen;
  private Long deferredYen;
  private String returnReason;
  private LocalDate approvedOn;
  private LocalDate paidOn;
  private String paymentReference;
  @Version
  private int version;

  @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
  @JoinColumn(name = "claim_id", nullable = false)
  private List<SubcontractorInvoice> subcontractorInvoices = new ArrayList<>();

  protected PaymentClaim() {
  }

  PaymentClaim(Long caseId, Long agencyId, CostCategory category, int claimNo) {
    this.caseId = caseId;
    this.agencyId = agencyId;
    this.category = category;
    this.claimNo = claimNo;
  }

  void file(LocalDate invoiceDate, Money invoiced, List<SubcontractorInvoice> subcontractors) {
    if (status == ClaimStatus.APPROVED || status == ClaimStatus.PAID) {
      throw new ConflictException(category.label() + " の支払申請は既に" + status.label() + "です");
    }
    this.invoiceDate = invoiceDate;
    this.invoicedNetYen = invoiced.netYen();
    this.invoicedTaxYen = invoiced.taxYen();
    this.invoicedGrossYen = invoiced.grossYen();
    this.status = ClaimStatus.FILED;
    this.subcontractorInvoices.clear();
    this.subcontractorInvoices.addAll(subcontractors);
    this.returnReason = null;
    this.eligibleFeeYen = null;
    this.subsidyYen = null;
    this.payableYen = null;
    this.deferredYen = null;
  }

  void computed(long eligibleFee, long subsidy, long payable, long deferred) {
    requireStatus(ClaimStatus.FILED);
    this.eligibleFeeYen = eligibleFee;
    this.subsidyYen = subsidy;
    this.payableYen = payable;
    this.deferredYen = deferred;
  }

  void approve(LocalDate on) {
    requireStatus(ClaimStatus.FILED);
    if (subsidyYen == null) {
      throw new ConflictException("補助金額が未計算です");
    }
    this.status = ClaimStatus.APPROVED;
    this.approvedOn = on;
  }

  void returnToAgency(String reason) {
    requireStatus(ClaimStatus.FILED);
    this.status = ClaimStatus.RETURNED;
    this.returnReason = reason;
  }

  void paid(LocalDate on, String reference) {
    requireStatus(ClaimStatus.APPROVED);
    this.status = ClaimStatus.PAID;
    this.paidOn = on;
    this.paymentReference = reference;
  }

  private void requireStatus(ClaimStatus expected) {
    if (status != expected) {
      throw new ConflictException(category.label() + " の支払申請は「" + (status == null ? "未申請" : status.label()) + "」です");
    }
  }

  public Long id() {
    return id;
  }

  public Long caseId() {
    return caseId;
  }

  public Long agencyId() {
    return agencyId;
  }

  public CostCategory category() {
    return category;
  }

  public List<SubcontractorInvoice> subcontractorInvoices() {
    return List.copyOf(subcontractorInvoices);
  }

  public int claimNo() {
    return claimNo;
  }

  public ClaimStatus status() {
    return status;
  }

  public LocalDate invoiceDate() {
    return invoiceDate;
  }

  public Money invoiced() {
    return new Money(invoicedNetYen, invoicedTaxYen);
  }

  public Long eligibleFeeYen() {
    return eligibleFeeYen;
  }

  public Long subsidyYen() {
    return subsidyYen;
  }

  public Long payableYen() {
    return payableYen;
  }

  public Long deferredYen() {
    return deferredYen;
  }

  public String returnReason() {
    return returnReason;
  }

  public LocalDate approvedOn() {
    return approvedOn;
  }

  public LocalDate paidOn() {
    return paidOn;
  }

  public String paymentReference() {
    return paymentReference;
  }
}
