package jp.keieikaizen.casefile;

/** The subsidy programmes a council runs. */
public enum Programme {
  EARLY_PLAN("早期経営改善計画策定支援"),
  PLAN_405("経営改善計画策定支援（通常枠）"),
  PLAN_405_GL("経営改善計画策定支援（中小版GL枠）");

  private final String label;

  Programme(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
