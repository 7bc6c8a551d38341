-- The payment ledger: an append-only record of the council's payment decisions and payments.
-- Each claim has at most one DECISION and one PAYMENT entry, enforced by the database: a retried job, two racing
-- requests or two nodes recording the same payment write one row (the application inserts with INSERT IGNORE and
-- then compares). Rows are never updated or deleted; a correction is a new entry (e.g. RECOVERY for 返還).

CREATE TABLE payment_ledger (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  case_id BIGINT NOT NULL,
  agency_id BIGINT NOT NULL,
  claim_id BIGINT NOT NULL,
  entry_type VARCHAR(20) NOT NULL,                   -- DECISION (支払決定), PAYMENT (支払), RECOVERY (返還)
  category VARCHAR(30) NOT NULL,
  amount_yen BIGINT NOT NULL,
  booked_on DATE NOT NULL,
  reference VARCHAR(100),
  idempotency_key VARCHAR(120) NOT NULL,
  recorded_at DATETIME(3) NOT NULL,
  recorded_by VARCHAR(64),
  UNIQUE KEY uk_ledger_idempotency (idempotency_key),
  UNIQUE KEY uk_ledger_claim_entry (claim_id, entry_type),
  KEY ix_ledger_case (case_id),
  CONSTRAINT fk_ledger_case FOREIGN KEY (case_id) REFERENCES case_file (id),
  CONSTRAINT fk_ledger_claim FOREIGN KEY (claim_id) REFERENCES payment_claim (id),
  CONSTRAINT ck_ledger_amount CHECK (amount_yen >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
