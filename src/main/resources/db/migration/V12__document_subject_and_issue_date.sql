-- What a document is about within its step (a lender, a claim, a monitoring round), so each lender's consent, each
-- agency's invoice and each round's report count for their own checklist line; and the date a certificate was issued
-- (the register extract must be at most 3 months old at the application).
ALTER TABLE case_document
  ADD COLUMN subject VARCHAR(60) NULL AFTER step,
  ADD COLUMN issued_on DATE NULL AFTER subject;
