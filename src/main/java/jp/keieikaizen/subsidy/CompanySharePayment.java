package jp.keieikaizen.subsidy;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import jp.keieikaizen.casefile.CostCategory;

/** Evidence that the company paid its own share of a category's fee to the agency by bank transfer. */
@Entity
public class CompanySharePayment {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private Long caseId;
  private Long agencyId;
  @Enumerated(EnumType.STRING)
  private CostCategory category;
  private int claimNo;
  private LocalDate transferDate;
  private long amountYen;
  private long withheldTaxYen;

  protected CompanySharePayment() {
  }

  CompanySharePayment(Long caseId, Long agencyId, CostCategory category, int claimNo) {
    this.caseId = caseId;
    this.agencyId = agencyId;
    this.category = category;
    this.claimNo = claimNo;
  }

  Long id() {
    return id;
  }

  Long caseId() {
    return caseId;
  }

  public Long agencyId() {
    return agencyId;
  }

  public int claimNo() {
    return claimNo;
  }

  void record(LocalDate transferDate, long amountYen, long withheldTaxYen) {
    this.transferDate = transferDate;
    this.amountYen = amountYen;
    this.withheldTaxYen = withheldTaxYen;
  }

  /** What the company bore: the transfer plus any income tax it withheld for the agency. */
  public long borneYen() {
    return amountYen + withheldTaxYen;
  }

  public CostCategory category() {
    return category;
  }

  public LocalDate transferDate() {
    return transferDate;
  }

  public long amountYen() {
    return amountYen;
  }

  public long withheldTaxYen() {
    return withheldTaxYen;
  }
}
