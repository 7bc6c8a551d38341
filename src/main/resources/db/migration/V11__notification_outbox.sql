-- Notification mails, written in the same transaction as what caused them (a task offered or assigned, a due date
-- tomorrow, a task overdue) and sent afterwards by whichever node claims them first (SELECT ... FOR UPDATE SKIP
-- LOCKED). One mail per kind, task and recipient: a repeated scan or a second node adds nothing.
CREATE TABLE notification (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  kind VARCHAR(20) NOT NULL,                 -- OFFERED, ASSIGNED, DUE_TOMORROW, OVERDUE
  task_id VARCHAR(64) NOT NULL,
  recipient_user VARCHAR(64) NOT NULL,
  recipient_email VARCHAR(254) NOT NULL,
  subject VARCHAR(255) NOT NULL,
  body TEXT NOT NULL,
  created_at DATETIME(3) NOT NULL,
  sent_at DATETIME(3) NULL,
  attempts INT NOT NULL DEFAULT 0,
  last_error VARCHAR(500) NULL,
  UNIQUE KEY uk_notification (kind, task_id, recipient_user),
  KEY ix_notification_pending (sent_at, attempts, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
