package jp.keieikaizen.intake;

import jp.keieikaizen.common.Labelled;

/** The choices an inquiry record offers, with the labels the forms and pages show. */
public final class InquiryKinds {

  /** Who asked. */
  public enum Asker implements Labelled {
    COMPANY("事業者"), AGENCY("認定支援機関"), LENDER("金融機関"), OTHER("その他");

    private final String label;

    Asker(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  /** How the inquiry reached the council. */
  public enum Channel implements Labelled {
    PHONE("電話"), VISIT("来訪"), EMAIL("メール"), WEB("ウェブ"), OTHER("その他");

    private final String label;

    Channel(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  /** What came of it. */
  public enum Outcome implements Labelled {
    APPLICATION_EXPECTED("利用申請の見込み"), APPLIED("利用申請済み"), INFORMATION_ONLY("情報提供のみ"),
    REFERRED("他の支援へ紹介"), NOT_ELIGIBLE("対象外");

    private final String label;

    Outcome(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  private InquiryKinds() {
  }
}
