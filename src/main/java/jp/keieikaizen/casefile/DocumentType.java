package jp.keieikaizen.casefile;

/** Kinds of documents a case collects (DOMAIN.md §3). */
public enum DocumentType {
  APPLICATION_FORM("利用申請書"),
  COMPANY_OVERVIEW("申請者の概要"),
  QUOTE("業務別見積明細書・単価表"),
  REGISTER_EXTRACT("履歴事項全部証明書"),
  CERTIFICATION("認定通知書"),
  TAX_RETURN("確定申告書"),
  BANK_PRE_CONSULTATION("金融機関の事前相談書"),
  MAIN_BANK_CONFIRMATION("主要金融機関の確認書面"),
  PLAN("経営改善計画書"),
  LENDER_RECEIPT("受取書"),
  LENDER_CONSENT("同意書"),
  GANTT_CHART("工程表（ガントチャート）"),
  DUE_DILIGENCE_REPORT("DD報告書"),
  INVOICE("請求書"),
  TRANSFER_EVIDENCE("振込の控え"),
  TIME_SHEET("従事時間管理表"),
  CHECKLIST("着眼点実施確認表"),
  MONITORING_REPORT("伴走支援レポート"),
  TRIAL_BALANCE("試算表"),
  OTHER("その他");

  private final String label;

  DocumentType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
