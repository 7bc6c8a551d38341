package jp.keieikaizen.casefile;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A quoted fee (見積額) of one agency for one cost category, whole yen: net + consumption tax = gross. */
@Entity
public class CaseFee {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private Long agencyId;
  @Enumerated(EnumType.STRING)
  private CostCategory category;
  private long netYen;
  private long taxYen;
  private long grossYen;

  protected CaseFee() {
  }

  public CaseFee(Long agencyId, CostCategory category, Money amount) {
    this.agencyId = agencyId;
    this.category = category;
    set(amount);
  }

  void set(Money amount) {
    this.netYen = amount.netYen();
    this.taxYen = amount.taxYen();
    this.grossYen = amount.grossYen();
  }

  public Long agencyId() {
    return agencyId;
  }

  public CostCategory category() {
    return category;
  }

  public Money amount() {
    return new Money(netYen, taxYen);
  }
}
