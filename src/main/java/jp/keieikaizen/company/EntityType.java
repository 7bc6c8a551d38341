package jp.keieikaizen.company;

/** Legal form of the applicant. Some forms are excluded from both programmes. */
public enum EntityType {
  STOCK_COMPANY("株式会社", true, true),
  LIMITED_COMPANY("特例有限会社", true, true),
  GODO_KAISHA("合同会社", true, true),
  GOMEI_GOSHI("合名会社・合資会社", true, true),
  SOLE_PROPRIETOR("個人事業主", true, false),
  MEDICAL_CORPORATION("医療法人", true, true),   // eligible since 2015-02 with at most 300 staff
  SOCIAL_WELFARE_CORPORATION("社会福祉法人", false, true),
  NPO("特定非営利活動法人", false, true),
  GENERAL_ASSOCIATION_FOUNDATION("一般社団法人・一般財団法人", false, true),
  PUBLIC_INTEREST_CORPORATION("公益社団法人・公益財団法人", false, true),
  AGRICULTURAL_PARTNERSHIP("農事組合法人", false, true),
  AGRICULTURAL_COOPERATIVE("農業協同組合", false, true),
  CONSUMER_COOPERATIVE("生活協同組合", false, true),
  LLP("有限責任事業組合", false, false),
  SCHOOL_CORPORATION("学校法人", false, true);

  private final String label;
  private final boolean eligible;
  private final boolean hasCorporateNumber;

  EntityType(String label, boolean eligible, boolean hasCorporateNumber) {
    this.label = label;
    this.eligible = eligible;
    this.hasCorporateNumber = hasCorporateNumber;
  }

  public String label() {
    return label;
  }

  public boolean eligible() {
    return eligible;
  }

  /** Sole proprietors (and LLPs, which are not legal persons) have no 法人番号. */
  public boolean hasCorporateNumber() {
    return hasCorporateNumber;
  }
}
