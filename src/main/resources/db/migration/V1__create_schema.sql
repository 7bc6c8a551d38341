-- Application tables (the engine keeps its own ACT_* tables). utf8mb4 throughout for Japanese text.
-- Migrations only go forward: once merged, a file is never edited; a change is a new V<n> file.

CREATE TABLE council (
  prefecture_code VARCHAR(2) NOT NULL PRIMARY KEY,      -- JIS prefecture code '01'..'47'; also the tenant id
  prefecture_name VARCHAR(10) NOT NULL,
  name VARCHAR(100) NOT NULL,
  operating_body VARCHAR(100) NOT NULL               -- 設置主体
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE council_office (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  prefecture_code VARCHAR(2) NOT NULL,
  seq INT NOT NULL,                                  -- 1 = main office
  postal_code VARCHAR(8) NOT NULL,
  address VARCHAR(200) NOT NULL,
  phone VARCHAR(20) NOT NULL,
  UNIQUE KEY uk_council_office (prefecture_code, seq),
  CONSTRAINT fk_office_council FOREIGN KEY (prefecture_code) REFERENCES council (prefecture_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE agency (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  agency_code VARCHAR(20) NOT NULL,                  -- 認定経営革新等支援機関ID (kept across renewals)
  name VARCHAR(200) NOT NULL,
  kind VARCHAR(30) NOT NULL,
  email VARCHAR(254),
  UNIQUE KEY uk_agency_code (agency_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE agency_certification (                  -- one row per 5-year certification period
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  agency_id BIGINT NOT NULL,
  certified_from DATE NOT NULL,
  certified_to DATE NOT NULL,
  CONSTRAINT fk_certification_agency FOREIGN KEY (agency_id) REFERENCES agency (id),
  CONSTRAINT ck_certification_period CHECK (certified_from <= certified_to)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE agency_user (                           -- which login acts for which agency
  user_id VARCHAR(64) NOT NULL PRIMARY KEY,
  agency_id BIGINT NOT NULL,
  CONSTRAINT fk_agency_user_agency FOREIGN KEY (agency_id) REFERENCES agency (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE company (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  corporate_number VARCHAR(13),                         -- 法人番号; NULL for sole proprietors
  name VARCHAR(200) NOT NULL,
  entity_type VARCHAR(40) NOT NULL,
  industry VARCHAR(40) NOT NULL,
  capital_yen BIGINT NOT NULL,
  employees INT NOT NULL,
  fiscal_year_end_month INT NOT NULL,
  postal_code VARCHAR(8),
  address VARCHAR(200),
  representative VARCHAR(100),
  UNIQUE KEY uk_company_corporate_number (corporate_number),
  CONSTRAINT ck_company_fye CHECK (fiscal_year_end_month BETWEEN 1 AND 12)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE case_number_sequence (                  -- next case number per council and fiscal year
  council_code VARCHAR(2) NOT NULL,
  fiscal_year INT NOT NULL,
  last_value INT NOT NULL,
  PRIMARY KEY (council_code, fiscal_year)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE case_file (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  case_number VARCHAR(20) NOT NULL,                  -- e.g. 13-2025-0001: council, fiscal year, sequence
  programme VARCHAR(20) NOT NULL,
  council_code VARCHAR(2) NOT NULL,
  company_id BIGINT NOT NULL,
  lead_agency_id BIGINT NOT NULL,
  state VARCHAR(30) NOT NULL,
  application_date DATE NOT NULL,
  decision_date DATE,
  rule_version VARCHAR(10),                          -- stamped at acceptance, kept for life
  interim_monitoring BOOLEAN NOT NULL,
  monitoring_interval_months INT NOT NULL,
  eligible BOOLEAN,
  eligibility_findings VARCHAR(2000),
  plan_date DATE,
  plan_period_years INT,
  interim_monitoring_date DATE,
  final_monitoring_date DATE,
  ended_on DATE,
  end_reason VARCHAR(1000),
  version INT NOT NULL DEFAULT 0,
  UNIQUE KEY uk_case_number (case_number),
  KEY ix_case_company (company_id),
  KEY ix_case_council_state (council_code, state),
  CONSTRAINT fk_case_council FOREIGN KEY (council_code) REFERENCES council (prefecture_code),
  CONSTRAINT fk_case_company FOREIGN KEY (company_id) REFERENCES company (id),
  CONSTRAINT fk_case_agency FOREIGN KEY (lead_agency_id) REFERENCES agency (id),
  CONSTRAINT ck_case_interval CHECK (monitoring_interval_months BETWEEN 1 AND 12)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE case_fee (                              -- quoted fee per agency and cost category
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  case_id BIGINT NOT NULL,
  agency_id BIGINT NOT NULL,
  category VARCHAR(30) NOT NULL,
  net_yen BIGINT NOT NULL,
  tax_yen BIGINT NOT NULL,
  gross_yen BIGINT NOT NULL,
  UNIQUE KEY uk_case_fee (case_id, agency_id, category),
  CONSTRAINT fk_fee_case FOREIGN KEY (case_id) REFERENCES case_file (id),
  CONSTRAINT fk_fee_agency FOREIGN KEY (agency_id) REFERENCES agency (id),
  CONSTRAINT ck_fee_amounts CHECK (net_yen >= 0 AND tax_yen >= 0 AND gross_yen = net_yen + tax_yen)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE case_lender (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  case_id BIGINT NOT NULL,
  name VARCHAR(200) NOT NULL,
  kind VARCHAR(30) NOT NULL,
  main_lender BOOLEAN NOT NULL,
  plan_submitted_on DATE,
  response VARCHAR(20),                              -- RECEIPT (early plan), CONSENT / REFUSAL (405)
  response_on DATE,
  response_note VARCHAR(1000),
  KEY ix_lender_case (case_id),
  CONSTRAINT fk_lender_case FOREIGN KEY (case_id) REFERENCES case_file (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE case_document (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  case_id BIGINT NOT NULL,
  doc_type VARCHAR(40) NOT NULL,
  step VARCHAR(40) NOT NULL,
  file_name VARCHAR(255) NOT NULL,
  content_type VARCHAR(100) NOT NULL,
  size_bytes BIGINT NOT NULL,
  sha256 VARCHAR(64) NOT NULL,
  content LONGBLOB NOT NULL,
  uploaded_by VARCHAR(64),
  uploaded_at DATETIME(3) NOT NULL,
  KEY ix_document_case (case_id),
  CONSTRAINT fk_document_case FOREIGN KEY (case_id) REFERENCES case_file (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE case_event (                            -- timeline: decisions, advice, returns, ends
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  case_id BIGINT NOT NULL,
  occurred_at DATETIME(3) NOT NULL,
  kind VARCHAR(40) NOT NULL,
  actor VARCHAR(64),
  detail VARCHAR(2000),
  KEY ix_event_case (case_id),
  CONSTRAINT fk_event_case FOREIGN KEY (case_id) REFERENCES case_file (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE company_share_payment (                 -- the company's own share, paid by bank transfer
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  case_id BIGINT NOT NULL,
  category VARCHAR(30) NOT NULL,
  transfer_date DATE NOT NULL,
  amount_yen BIGINT NOT NULL,                        -- transferred
  withheld_tax_yen BIGINT NOT NULL,                  -- 源泉所得税 withheld by the company, if any
  UNIQUE KEY uk_share_case_category (case_id, category),
  CONSTRAINT fk_share_case FOREIGN KEY (case_id) REFERENCES case_file (id),
  CONSTRAINT ck_share_amounts CHECK (amount_yen >= 0 AND withheld_tax_yen >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE payment_claim (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  case_id BIGINT NOT NULL,
  agency_id BIGINT NOT NULL,
  category VARCHAR(30) NOT NULL,
  status VARCHAR(20) NOT NULL,                       -- FILED, RETURNED, APPROVED, PAID
  invoice_date DATE NOT NULL,
  invoiced_net_yen BIGINT NOT NULL,
  invoiced_tax_yen BIGINT NOT NULL,
  invoiced_gross_yen BIGINT NOT NULL,
  eligible_fee_yen BIGINT,                           -- min(invoiced, quoted) on the rule's tax basis
  subsidy_yen BIGINT,                                -- min(floor(2/3 x eligible), cap)
  payable_yen BIGINT,                                -- paid with this claim, after the plan split
  deferred_yen BIGINT,                               -- plan subsidy held back for the first monitoring claim
  return_reason VARCHAR(1000),
  approved_on DATE,
  paid_on DATE,
  payment_reference VARCHAR(100),
  version INT NOT NULL DEFAULT 0,
  UNIQUE KEY uk_claim (case_id, agency_id, category),
  CONSTRAINT fk_claim_case FOREIGN KEY (case_id) REFERENCES case_file (id),
  CONSTRAINT fk_claim_agency FOREIGN KEY (agency_id) REFERENCES agency (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE monitoring_report (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  case_id BIGINT NOT NULL,
  round_no INT NOT NULL,
  round_kind VARCHAR(10) NOT NULL,                   -- INTERIM (期中) or FINAL (期末)
  due_date DATE NOT NULL,
  submitted_on DATE,
  lender_meeting_on DATE,
  covers_results BOOLEAN NOT NULL DEFAULT FALSE,
  covers_action_progress BOOLEAN NOT NULL DEFAULT FALSE,
  covers_gap_analysis BOOLEAN NOT NULL DEFAULT FALSE,
  covers_lender_requests BOOLEAN NOT NULL DEFAULT FALSE,
  financials VARCHAR(20),                            -- TRIAL_BALANCE or TAX_RETURN
  review_outcome VARCHAR(20),
  review_comment VARCHAR(2000),
  UNIQUE KEY uk_monitoring_round (case_id, round_no),
  CONSTRAINT fk_monitoring_case FOREIGN KEY (case_id) REFERENCES case_file (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
