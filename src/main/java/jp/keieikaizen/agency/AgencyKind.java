package jp.keieikaizen.agency;

/** What kind of certified support agency (認定経営革新等支援機関) it is. */
public enum AgencyKind {
  TAX_ACCOUNTANT("税理士"),
  CPA("公認会計士"),
  LAWYER("弁護士"),
  SME_CONSULTANT("中小企業診断士"),
  FINANCIAL_INSTITUTION("金融機関"),
  CHAMBER("商工会・商工会議所"),
  OTHER("その他");

  private final String label;

  AgencyKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
