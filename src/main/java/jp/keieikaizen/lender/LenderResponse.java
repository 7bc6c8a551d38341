package jp.keieikaizen.lender;

/** A lender's answer to a plan: a receipt (受取書, early plan) or consent / refusal (同意書, 405). */
public enum LenderResponse {
  RECEIPT("受取書"), CONSENT("同意"), REFUSAL("不同意");

  private final String label;

  LenderResponse(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
