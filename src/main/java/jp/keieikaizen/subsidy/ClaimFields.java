package jp.keieikaizen.subsidy;

import java.util.List;

/** Field keys of the claim and payment forms. */
public final class ClaimFields {

  public static final String INVOICE_DATE = "invoiceDate";
  public static final String INVOICE_GROSS = "invoiceGross";
  public static final String INVOICE_TAX = "invoiceTax";
  public static final String TRANSFER_DATE = "transferDate";
  public static final String TRANSFER_AMOUNT = "transferAmount";
  public static final String WITHHELD_TAX = "withheldTax";
  public static final String CLAIM_DECISION = "claimDecision";
  public static final String CLAIM_COMMENT = "claimComment";
  public static final String PAID_ON = "paidOn";
  public static final String PAYMENT_REFERENCE = "paymentReference";
  /** Process context: which cost category a claim task is about, and which part (405 monitoring; 1 otherwise). */
  public static final String CLAIM_CATEGORY = "claimCategory";
  public static final String CLAIM_NO = "claimNo";
  public static final String CLAIM_AGENCY_ID = "claimAgencyId";
  /** Process context: when a monitoring claim lapses if not filed (absent for claims without a validity period). */
  public static final String CLAIM_LAPSES_AT = "claimLapsesAt";
  /** checkClaim: the documents of the step's checklist the coordinator confirms. */
  public static final String DOC_INVOICE = "docInvoice";
  public static final String DOC_TRANSFER = "docTransfer";
  public static final String DOC_TIME_SHEET = "docTimeSheet";
  public static final String DOC_CHECKPOINTS = "docCheckpoints";
  public static final String DOC_LENDER_RESPONSES = "docLenderResponses";
  public static final String DOC_MONITORING_REPORT = "docMonitoringReport";
  public static final String DOC_NEGOTIATION_RECORD = "docNegotiationRecord";

  public static final List<String> INVOICE = List.of(INVOICE_DATE, INVOICE_GROSS, INVOICE_TAX);
  public static final List<String> TRANSFER = List.of(TRANSFER_DATE, TRANSFER_AMOUNT, WITHHELD_TAX);

  private ClaimFields() {
  }
}
