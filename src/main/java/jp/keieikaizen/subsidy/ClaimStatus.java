package jp.keieikaizen.subsidy;

public enum ClaimStatus {
  FILED("申請済み"), RETURNED("差戻し"), APPROVED("支払決定"), PAID("支払済み");

  private final String label;

  ClaimStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
