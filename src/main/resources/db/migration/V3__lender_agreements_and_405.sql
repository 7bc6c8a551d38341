-- The 405 programme and the shared building blocks: lender responses with their history, company size figures,
-- validity and revisions of a case, several claims per category, and the owner-guarantee negotiation add-on.

ALTER TABLE company
  ADD COLUMN sales_yen BIGINT NULL,                          -- 売上高, for the 405 size class
  ADD COLUMN interest_bearing_debt_yen BIGINT NULL;          -- 有利子負債

ALTER TABLE case_file
  ADD COLUMN guarantee_negotiation BOOLEAN NOT NULL DEFAULT FALSE, -- 経営者保証解除 add-on chosen at application
  ADD COLUMN guarantee_outcome VARCHAR(30) NULL,
  ADD COLUMN financial_support_expected BOOLEAN NULL,          -- 405: rescheduling, refinancing or new loans expected
  ADD COLUMN application_valid_until DATE NULL,                -- 405: 2 years from acceptance, extendable
  ADD COLUMN validity_extensions INT NOT NULL DEFAULT 0,
  ADD COLUMN plan_revision INT NOT NULL DEFAULT 0,             -- times the plan went back after a lender refused
  ADD COLUMN monitoring_claims VARCHAR(20) NULL,               -- 405: YEARLY or AT_END
  ADD COLUMN third_party_expert VARCHAR(200) NULL,             -- 中小版GL枠: 第三者支援専門家
  ADD COLUMN due_diligence_on DATE NULL,
  ADD COLUMN handed_over BOOLEAN NOT NULL DEFAULT FALSE;       -- 引継ぎ to the council's own support

CREATE TABLE lender_response (                               -- every response of every lender, revisions kept
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  case_id BIGINT NOT NULL,
  lender_id BIGINT NOT NULL,
  revision INT NOT NULL,
  response VARCHAR(20) NOT NULL,
  plan_submitted_on DATE NOT NULL,
  responded_on DATE NOT NULL,
  reason VARCHAR(1000),
  KEY ix_lender_response_case (case_id),
  CONSTRAINT fk_lender_response_case FOREIGN KEY (case_id) REFERENCES case_file (id),
  CONSTRAINT fk_lender_response_lender FOREIGN KEY (lender_id) REFERENCES case_lender (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE payment_claim
  ADD COLUMN claim_no INT NOT NULL DEFAULT 1,                 -- 405 monitoring is claimed in parts
  ADD UNIQUE KEY uk_claim_no (case_id, agency_id, category, claim_no),
  DROP INDEX uk_claim;

ALTER TABLE monitoring_report
  ADD COLUMN claim_round BOOLEAN NOT NULL DEFAULT FALSE;      -- a monitoring payment claim follows this round

ALTER TABLE company_share_payment
  ADD COLUMN claim_no INT NOT NULL DEFAULT 1,
  ADD UNIQUE KEY uk_share_claim (case_id, category, claim_no),
  DROP INDEX uk_share_case_category;
