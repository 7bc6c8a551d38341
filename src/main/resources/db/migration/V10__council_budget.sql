-- The subsidy budget allotted to each council for a fiscal year (April-March), whole yen: the dashboards set the
-- subsidy committed, claimed and paid against it. Set by the national office (PUT /api/budget/{fiscalYear}/{council}).
CREATE TABLE council_budget (
  council_code VARCHAR(2) NOT NULL,
  fiscal_year INT NOT NULL,
  budget_yen BIGINT NOT NULL,
  updated_by VARCHAR(64),
  updated_at DATETIME(3) NOT NULL,
  PRIMARY KEY (council_code, fiscal_year),
  CONSTRAINT fk_budget_council FOREIGN KEY (council_code) REFERENCES council (prefecture_code),
  CONSTRAINT ck_budget_amount CHECK (budget_yen >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
