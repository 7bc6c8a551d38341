-- Contact phone numbers (optional): the company's, as the application gives it, and the agency's.
-- Stored as entered after validation: digits with hyphens, 10-11 digits in all (固定電話・携帯・IP電話・0120).
ALTER TABLE company ADD COLUMN phone VARCHAR(13) NULL AFTER address;
ALTER TABLE agency ADD COLUMN phone VARCHAR(13) NULL AFTER email;
