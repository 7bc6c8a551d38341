-- Inquiries (問合せ・相談受付): every contact a council records, counted in the statistics whether or not an
-- application follows; live ones and those imported from a council's historic register alike.
CREATE TABLE inquiry (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  council_code VARCHAR(2) NOT NULL,
  received_on DATE NOT NULL,
  asker VARCHAR(20) NOT NULL,                        -- COMPANY, AGENCY, LENDER, OTHER
  channel VARCHAR(20) NOT NULL,                      -- PHONE, VISIT, EMAIL, WEB, OTHER
  programme VARCHAR(20),                             -- EARLY_PLAN, PLAN_405, PLAN_405_GL; null: not yet known
  outcome VARCHAR(30) NOT NULL,                      -- see InquiryOutcome
  company_name VARCHAR(200),
  note VARCHAR(1000),
  case_number VARCHAR(20),                           -- the application it became
  import_batch_id BIGINT,                            -- null: recorded live
  recorded_by VARCHAR(64),
  recorded_at DATETIME(3) NOT NULL,
  KEY ix_inquiry_council_received (council_code, received_on),
  KEY ix_inquiry_received (received_on),
  CONSTRAINT fk_inquiry_council FOREIGN KEY (council_code) REFERENCES council (prefecture_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One import of a council's register (CSV or Excel).
CREATE TABLE import_batch (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  kind VARCHAR(20) NOT NULL,                         -- INQUIRIES, DECISIONS
  file_name VARCHAR(255) NOT NULL,
  row_count INT NOT NULL,
  imported_by VARCHAR(64),
  imported_at DATETIME(3) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Applications decided (利用申請決定) before this system, from the councils' registers: counted in the statistics
-- exactly like cases accepted here. The register's own case number is kept, unique per council.
CREATE TABLE historic_decision (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  council_code VARCHAR(2) NOT NULL,
  case_number VARCHAR(30) NOT NULL,
  decided_on DATE NOT NULL,
  programme VARCHAR(20) NOT NULL,
  company_name VARCHAR(200),
  corporate_number VARCHAR(13),
  agency_code VARCHAR(20),
  import_batch_id BIGINT NOT NULL,
  UNIQUE KEY uk_historic_case (council_code, case_number),
  KEY ix_historic_decided (decided_on),
  CONSTRAINT fk_historic_council FOREIGN KEY (council_code) REFERENCES council (prefecture_code),
  CONSTRAINT fk_historic_batch FOREIGN KEY (import_batch_id) REFERENCES import_batch (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_case_decision ON case_file (decision_date);
