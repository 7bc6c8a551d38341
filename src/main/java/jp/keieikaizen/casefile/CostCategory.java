package jp.keieikaizen.casefile;

/** What a fee pays for; each programme has its own caps per category (see subsidy-rules.yaml). */
public enum CostCategory {
  PLAN("計画策定支援費用"),
  DUE_DILIGENCE("DD費用"),
  INTERIM_MONITORING("伴走支援費用（期中）"),
  FINAL_MONITORING("伴走支援費用（期末）"),
  MONITORING("伴走支援費用"),
  GUARANTEE_NEGOTIATION("金融機関交渉費用（経営者保証解除）");

  private final String label;

  CostCategory(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
