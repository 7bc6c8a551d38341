-- The payment ledger is append-only, and the database holds to it: any UPDATE or DELETE of a row fails, whoever runs
-- it (the application only inserts; a correction is a new entry such as RECOVERY). Creating triggers needs the TRIGGER
-- privilege, and with binary logging on either SUPER or log_bin_trust_function_creators=1 (README, production).
CREATE TRIGGER payment_ledger_no_update BEFORE UPDATE ON payment_ledger FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'payment_ledger is append-only: rows cannot be updated';

CREATE TRIGGER payment_ledger_no_delete BEFORE DELETE ON payment_ledger FOR EACH ROW
  SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'payment_ledger is append-only: rows cannot be deleted';

-- The subsidy a case commits, fixed when the application is accepted (利用申請決定): the sum of its breakdown under the
-- stamped rule version. The budget view adds it up per council and fiscal year in one query instead of recomputing
-- every case. Cases accepted before this migration are filled in at start-up (CommittedSubsidyBackfill).
ALTER TABLE case_file ADD COLUMN committed_subsidy_yen BIGINT NULL AFTER rule_version;
CREATE INDEX ix_case_council_decision ON case_file (council_code, decision_date);
CREATE INDEX ix_ledger_type_booked ON payment_ledger (entry_type, booked_on);
CREATE INDEX ix_claim_invoice_date ON payment_claim (invoice_date);
