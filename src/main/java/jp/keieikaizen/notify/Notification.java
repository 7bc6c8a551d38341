package jp.keieikaizen.notify;

/** One mail to one user about one task. */
public record Notification(NotificationKind kind, String taskId, String recipientUser, String recipientEmail,
    String subject, String body) {
}
