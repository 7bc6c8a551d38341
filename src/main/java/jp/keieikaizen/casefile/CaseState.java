package jp.keieikaizen.casefile;

/** Where a case stands. The step within a state is the engine's (the open task). */
public enum CaseState {
  APPLIED("申請受付", false),
  RETURNED("差戻し中", false),
  PLANNING("計画策定中", false),
  MONITORING("伴走支援中", false),
  CLOSED("完了", true),
  REJECTED("不受理", true),
  WITHDRAWN("取下げ", true),
  LAPSED("失効", true),
  TAKEN_OVER("引継ぎ", true),
  RECOVERED("返還", true);

  private final String label;
  private final boolean ended;

  CaseState(String label, boolean ended) {
    this.label = label;
    this.ended = ended;
  }

  public String label() {
    return label;
  }

  public boolean ended() {
    return ended;
  }
}
