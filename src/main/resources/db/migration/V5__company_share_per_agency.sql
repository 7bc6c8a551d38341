-- The company pays each agency its own share: company-share evidence is kept per agency (several agencies per case).
ALTER TABLE company_share_payment ADD COLUMN agency_id BIGINT NULL;
UPDATE company_share_payment s JOIN case_file c ON c.id = s.case_id SET s.agency_id = c.lead_agency_id;
ALTER TABLE company_share_payment
  MODIFY agency_id BIGINT NOT NULL,
  ADD CONSTRAINT fk_share_agency FOREIGN KEY (agency_id) REFERENCES agency (id),
  ADD UNIQUE KEY uk_share_agency_claim (case_id, agency_id, category, claim_no),
  DROP INDEX uk_share_claim;
