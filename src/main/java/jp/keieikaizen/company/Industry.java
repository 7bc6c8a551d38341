package jp.keieikaizen.company;

/**
 * Industry as the 中小企業基本法 groups it, with its SME thresholds: a company is an SME when its capital
 * or its regular staff is at or under the limit (either one suffices).
 */
public enum Industry {
  MANUFACTURING("製造業・建設業・運輸業その他", 300_000_000L, 300),
  WHOLESALE("卸売業", 100_000_000L, 100),
  SERVICES("サービス業", 50_000_000L, 100),
  RETAIL("小売業", 50_000_000L, 50);

  private final String label;
  private final long capitalLimitYen;
  private final int employeeLimit;

  Industry(String label, long capitalLimitYen, int employeeLimit) {
    this.label = label;
    this.capitalLimitYen = capitalLimitYen;
    this.employeeLimit = employeeLimit;
  }

  public boolean isSme(long capitalYen, int employees) {
    return capitalYen <= capitalLimitYen || employees <= employeeLimit;
  }

  public String label() {
    return label;
  }

  public long capitalLimitYen() {
    return capitalLimitYen;
  }

  public int employeeLimit() {
    return employeeLimit;
  }
}
