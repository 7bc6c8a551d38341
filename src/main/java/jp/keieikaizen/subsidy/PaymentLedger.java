package jp.keieikaizen.subsidy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import jp.keieikaizen.common.ConflictException;
import jp.keieikaizen.subsidy.LedgerEntry.Type;

/**
 * Appends to the payment ledger exactly once per claim and entry type. The database decides: the row is inserted
 * with INSERT IGNORE against the unique keys, so a retried job, a second request or a second node that records the
 * same entry inserts nothing. The existing row must then be the same entry (same amount and reference), else the
 * request conflicts with what was recorded and nothing changes.
 */
@Component
class PaymentLedger {

  private final JdbcTemplate jdbc;
  private final LedgerEntryRepository entries;
  private final Clock clock;

  PaymentLedger(JdbcTemplate jdbc, LedgerEntryRepository entries, Clock clock) {
    this.jdbc = jdbc;
    this.entries = entries;
    this.clock = clock;
  }

  /** @return true when this call wrote the entry, false when it was already there */
  @Transactional(propagation = Propagation.MANDATORY)
  boolean append(PaymentClaim claim, Type type, long amountYen, LocalDate bookedOn, String reference, String userId) {
    long claimId = claim.id();
    String key = type + ":" + claimId;
    String ref = reference == null || reference.length() <= 100 ? reference : reference.substring(0, 100);
    int inserted = jdbc.update("""
        INSERT IGNORE INTO payment_ledger (case_id, agency_id, claim_id, entry_type, category, amount_yen, booked_on,
          reference, idempotency_key, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        claim.caseId(), claim.agencyId(), claimId, type.name(), claim.category().name(), amountYen, bookedOn,
        ref, key, Timestamp.from(clock.instant()), userId);
    if (inserted == 1) {
      return true;
    }
    LedgerEntry existing = entries.findByIdempotencyKey(key)
        .orElseThrow(() -> new IllegalStateException("ledger insert ignored but no entry " + key));
    if (existing.amountYen() != amountYen || !java.util.Objects.equals(existing.reference(), ref)) {
      throw new ConflictException(String.format("この支払申請には既に%s（%,d円、%s）が記録されています", label(type),
          existing.amountYen(), existing.reference()));
    }
    return false;
  }

  private static String label(Type type) {
    return switch (type) {
      case DECISION -> "支払決定";
      case PAYMENT -> "支払";
      case RECOVERY -> "返還";
    };
  }
}
