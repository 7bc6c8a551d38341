-- Subcontractor invoices (外部委託先の請求書) recorded with an agency's payment claim; replaced when the claim is refiled.
CREATE TABLE claim_subcontractor_invoice (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  claim_id BIGINT NOT NULL,
  subcontractor_name VARCHAR(200) NOT NULL,
  net_yen BIGINT NOT NULL,
  tax_yen BIGINT NOT NULL,
  gross_yen BIGINT NOT NULL,
  KEY ix_subcontractor_claim (claim_id),
  CONSTRAINT fk_subcontractor_claim FOREIGN KEY (claim_id) REFERENCES payment_claim (id),
  CONSTRAINT ck_subcontractor_amounts CHECK (net_yen >= 0 AND tax_yen >= 0 AND gross_yen = net_yen + tax_yen)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
