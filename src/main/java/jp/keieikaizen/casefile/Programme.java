package jp.keieikaizen.casefile;

/** The subsidy programmes a council runs. */
public enum Programme implements jp.keieikaizen.common.Labelled {
  EARLY_PLAN("早期経営改善計画策定支援"),
  PLAN_405("経営改善計画策定支援（通常枠）"),
  PLAN_405_GL("経営改善計画策定支援（中小版GL枠）");

  private final String label;

  Programme(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }
}
