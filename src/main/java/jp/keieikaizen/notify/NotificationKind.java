package jp.keieikaizen.notify;

/** Why a mail is sent; the subject begins with the label. */
public enum NotificationKind {
  OFFERED("新しいタスク"),
  ASSIGNED("担当タスクの割当て"),
  DUE_TOMORROW("明日が期限のタスク"),
  OVERDUE("期限を過ぎたタスク");

  private final String label;

  NotificationKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
