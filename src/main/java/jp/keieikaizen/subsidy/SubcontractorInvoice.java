package jp.keieikaizen.subsidy;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import jp.keieikaizen.casefile.Money;

/** A subcontractor's invoice (外部委託先の請求書) that goes with an agency's claim; a copy is part of the claim set. */
@Entity
@Table(name = "claim_subcontractor_invoice")
public class SubcontractorInvoice {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private String subcontractorName;
  private long netYen;
  private long taxYen;
  private long grossYen;

  protected SubcontractorInvoice() {
  }

  public SubcontractorInvoice(String subcontractorName, Money amount) {
    this.subcontractorName = subcontractorName;
    this.netYen = amount.netYen();
    this.taxYen = amount.taxYen();
    this.grossYen = amount.grossYen();
  }

  public String subcontractorName() {
    return subcontractorName;
  }

  public Money amount() {
    return new Money(netYen, taxYen);
  }
}
