package jp.keieikaizen.lender;

public enum LenderKind {
  CITY_BANK("都市銀行"),
  REGIONAL_BANK("地方銀行・第二地方銀行"),
  SHINKIN("信用金庫"),
  CREDIT_COOPERATIVE("信用組合"),
  GOVERNMENT("政府系金融機関"),
  CREDIT_GUARANTEE("信用保証協会"),
  OTHER("その他");

  private final String label;

  LenderKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
