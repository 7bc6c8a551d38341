package jp.keieikaizen.monitoring;

/** Early-plan monitoring rounds: 期中 (optional, with a trial balance) and 期末 (mandatory, with the tax return). */
public enum RoundKind {
  INTERIM("伴走支援（期中）"), FINAL("伴走支援（期末）"), PERIODIC("伴走支援");

  private final String label;

  RoundKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
