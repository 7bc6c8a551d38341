package jp.keieikaizen.subsidy;

import java.time.Instant;
import java.time.LocalDate;

import org.hibernate.annotations.Immutable;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import jp.keieikaizen.casefile.CostCategory;

/** One entry of the payment ledger, read-only: entries are only ever inserted, by {@link PaymentLedger}. */
@Entity
@Immutable
@Table(name = "payment_ledger")
public class LedgerEntry {

  public enum Type { DECISION, PAYMENT, RECOVERY }

  @Id
  private Long id;
  private Long caseId;
  private Long agencyId;
  private Long claimId;
  @Enumerated(EnumType.STRING)
  private Type entryType;
  @Enumerated(EnumType.STRING)
  private CostCategory category;
  private long amountYen;
  private LocalDate bookedOn;
  private String reference;
  private String idempotencyKey;
  private Instant recordedAt;
  private String recordedBy;

  protected LedgerEntry() {
  }

  public Long claimId() {
    return claimId;
  }

  public Long agencyId() {
    return agencyId;
  }

  public Type entryType() {
    return entryType;
  }

  public CostCategory category() {
    return category;
  }

  public long amountYen() {
    return amountYen;
  }

  public LocalDate bookedOn() {
    return bookedOn;
  }

  public String reference() {
    return reference;
  }

  public Instant recordedAt() {
    return recordedAt;
  }

  public String recordedBy() {
    return recordedBy;
  }
}
