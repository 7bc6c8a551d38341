package jp.keieikaizen.notify;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The notification outbox (table notification). {@link #enqueue} writes in the caller's transaction, so a mail exists
 * only if what caused it was committed, and once per kind, task and recipient. {@link #sendPending} runs on every node:
 * each batch is claimed with SELECT ... FOR UPDATE SKIP LOCKED, so two nodes never send the same mail; a failed send
 * is retried up to {@link #MAX_ATTEMPTS} times and its error kept.
 *
 * <p>Off unless {@code keiei.mail.enabled} is true; then Spring Mail's {@code spring.mail.host} (and port, username,
 * password) must name the SMTP server, or the application refuses to start.
 */
@Component
public class Outbox {

  static final int MAX_ATTEMPTS = 5;
  static final int BATCH = 50;
  private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final JavaMailSender mail;
  private final Clock clock;
  private final boolean enabled;
  private final String from;

  Outbox(JdbcTemplate jdbc, TransactionTemplate transactions, ObjectProvider<JavaMailSender> mail, Clock clock,
      @Value("${keiei.mail.enabled:false}") boolean enabled, @Value("${keiei.mail.from:}") String from) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.mail = mail.getIfAvailable();
    this.clock = clock;
    this.enabled = enabled;
    this.from = from;
    if (enabled && (this.mail == null || from.isBlank())) {
      throw new IllegalStateException("keiei.mail.enabled is true, so set the SMTP server (SPRING_MAIL_HOST, and"
          + " SPRING_MAIL_PORT, SPRING_MAIL_USERNAME, SPRING_MAIL_PASSWORD as needed) and the sender (KEIEI_MAIL_FROM)");
    }
  }

  public boolean enabled() {
    return enabled;
  }

  /** Queues the mails in the current transaction; one already queued for the same kind, task and user is kept. */
  public int enqueue(List<Notification> notifications) {
    if (!enabled || notifications.isEmpty()) {
      return 0;
    }
    Timestamp now = Timestamp.from(clock.instant());
    int added = 0;
    for (Notification n : notifications) {
      added += jdbc.update("INSERT IGNORE INTO notification (kind, task_id, recipient_user, recipient_email, subject, body,"
          + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", n.kind().name(), n.taskId(), n.recipientUser(), n.recipientEmail(),
          n.subject(), n.body(), now);
    }
    return added;
  }

  /** Sends what is queued, batch by batch; returns how many were sent. */
  @Scheduled(fixedDelayString = "${keiei.mail.send-interval:PT10S}", initialDelayString = "${keiei.mail.send-interval:PT10S}")
  public int sendPending() {
    if (!enabled) {
      return 0;
    }
    int sent = 0;
    Batch batch;
    do {
      batch = transactions.execute(status -> sendBatch());
      sent += batch.sent();
    } while (batch.claimed() == BATCH);
    return sent;
  }

  private record Batch(int claimed, int sent) {
  }

  private Batch sendBatch() {
    List<Object[]> rows = jdbc.query("SELECT id, recipient_email, subject, body FROM notification WHERE sent_at IS NULL"
        + " AND attempts < ? ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED",
        (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)}, MAX_ATTEMPTS, BATCH);
    int sent = 0;
    for (Object[] row : rows) {
      SimpleMailMessage message = new SimpleMailMessage();
      message.setFrom(from);
      message.setTo((String) row[1]);
      message.setSubject((String) row[2]);
      message.setText((String) row[3]);
      try {
        mail.send(message);
        jdbc.update("UPDATE notification SET sent_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?",
            Timestamp.from(clock.instant()), row[0]);
        sent++;
      } catch (MailException e) {
        LOG.warn("Notification {} to {} not sent: {}", row[0], row[1], e.getMessage());
        String error = String.valueOf(e.getMessage());
        jdbc.update("UPDATE notification SET attempts = attempts + 1, last_error = ? WHERE id = ?",
            error.substring(0, Math.min(500, error.length())), row[0]);
      }
    }
    return new Batch(rows.size(), sent);
  }
}
