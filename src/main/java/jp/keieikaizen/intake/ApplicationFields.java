package jp.keieikaizen.intake;

import java.util.List;

/** Field keys of the joint application (start form submitApplication) and its correction; forms and tests use the same. */
public final class ApplicationFields {

  public static final String COUNCIL_CODE = "councilCode";
  public static final String AGENCY_CODE = "agencyCode";
  public static final String APPLICATION_DATE = "applicationDate";
  public static final String COMPANY_NAME = "companyName";
  public static final String CORPORATE_NUMBER = "corporateNumber";
  public static final String ENTITY_TYPE = "entityType";
  public static final String INDUSTRY = "industry";
  public static final String CAPITAL_YEN = "capitalYen";
  public static final String EMPLOYEES = "employees";
  public static final String FISCAL_YEAR_END_MONTH = "fiscalYearEndMonth";
  public static final String POSTAL_CODE = "postalCode";
  public static final String ADDRESS = "address";
  public static final String REPRESENTATIVE = "representative";
  /** The company's contact phone (optional). */
  public static final String PHONE = "phone";
  public static final String MAIN_LENDER_NAME = "mainLenderName";
  public static final String MAIN_LENDER_KIND = "mainLenderKind";
  public static final String PLAN_FEE_GROSS = "planFeeGross";
  public static final String PLAN_FEE_TAX = "planFeeTax";
  public static final String INTERIM_MONITORING = "interimMonitoring";
  public static final String INTERIM_FEE_GROSS = "interimFeeGross";
  public static final String INTERIM_FEE_TAX = "interimFeeTax";
  public static final String FINAL_FEE_GROSS = "finalFeeGross";
  public static final String FINAL_FEE_TAX = "finalFeeTax";
  public static final String MONITORING_INTERVAL_MONTHS = "monitoringIntervalMonths";

  public static final String GUARANTEE_NEGOTIATION = "guaranteeNegotiation";
  public static final String GUARANTEE_FEE_GROSS = "guaranteeFeeGross";
  public static final String GUARANTEE_FEE_TAX = "guaranteeFeeTax";

  /** 405 start form (submitApplication405). */
  public static final String PROGRAMME = "programme";
  public static final String SALES_YEN = "salesYen";
  public static final String DEBT_YEN = "interestBearingDebtYen";
  public static final String FINANCIAL_SUPPORT_EXPECTED = "financialSupportExpected";
  public static final String DD_FEE_GROSS = "ddFeeGross";
  public static final String DD_FEE_TAX = "ddFeeTax";
  public static final String MONITORING_FEE_GROSS = "monitoringFeeGross";
  public static final String MONITORING_FEE_TAX = "monitoringFeeTax";
  public static final String MONITORING_CLAIMS = "monitoringClaims";
  /** Lenders 1..MAX_LENDERS: lender1 is the main lender (メイン金融機関). */
  public static final int MAX_LENDERS = 10;
  /** Further agencies 2..MAX_AGENCIES, each with its own quote. */
  public static final int MAX_AGENCIES = 3;

  public static String lenderName(int n) {
    return "lender" + n + "Name";
  }

  public static String lenderKind(int n) {
    return "lender" + n + "Kind";
  }

  public static String agencyCode(int n) {
    return "agency" + n + "Code";
  }

  public static String agencyFee(int n, String fee) {
    return "agency" + n + Character.toUpperCase(fee.charAt(0)) + fee.substring(1);
  }

  /** Correction task only. */
  public static final String CORRECTION_ACTION = "correctionAction";
  public static final String CORRECTION_NOTE = "correctionNote";

  public static final List<String> APPLICATION = List.of(COUNCIL_CODE, AGENCY_CODE, APPLICATION_DATE, COMPANY_NAME,
      CORPORATE_NUMBER, ENTITY_TYPE, INDUSTRY, CAPITAL_YEN, EMPLOYEES, FISCAL_YEAR_END_MONTH, POSTAL_CODE, ADDRESS,
      REPRESENTATIVE, PHONE, MAIN_LENDER_NAME, MAIN_LENDER_KIND, PLAN_FEE_GROSS, PLAN_FEE_TAX, INTERIM_MONITORING,
      INTERIM_FEE_GROSS, INTERIM_FEE_TAX, FINAL_FEE_GROSS, FINAL_FEE_TAX, MONITORING_INTERVAL_MONTHS,
      GUARANTEE_NEGOTIATION, GUARANTEE_FEE_GROSS, GUARANTEE_FEE_TAX);

  public static final List<String> APPLICATION_405 = application405();

  public static final List<String> CORRECTION = List.of(CORRECTION_ACTION, CORRECTION_NOTE, CAPITAL_YEN, EMPLOYEES,
      PLAN_FEE_GROSS, PLAN_FEE_TAX, INTERIM_MONITORING, INTERIM_FEE_GROSS, INTERIM_FEE_TAX, FINAL_FEE_GROSS,
      FINAL_FEE_TAX, MONITORING_INTERVAL_MONTHS, GUARANTEE_NEGOTIATION, GUARANTEE_FEE_GROSS, GUARANTEE_FEE_TAX);

  public static final List<String> CORRECTION_405 = List.of(CORRECTION_ACTION, CORRECTION_NOTE, CAPITAL_YEN, EMPLOYEES,
      SALES_YEN, DEBT_YEN, DD_FEE_GROSS, DD_FEE_TAX, PLAN_FEE_GROSS, PLAN_FEE_TAX, MONITORING_FEE_GROSS,
      MONITORING_FEE_TAX, GUARANTEE_NEGOTIATION, GUARANTEE_FEE_GROSS, GUARANTEE_FEE_TAX, MONITORING_INTERVAL_MONTHS,
      MONITORING_CLAIMS);

  private static List<String> application405() {
    List<String> all = new java.util.ArrayList<>(List.of(PROGRAMME, COUNCIL_CODE, AGENCY_CODE, APPLICATION_DATE,
        COMPANY_NAME, CORPORATE_NUMBER, ENTITY_TYPE, INDUSTRY, CAPITAL_YEN, EMPLOYEES, FISCAL_YEAR_END_MONTH, POSTAL_CODE,
        ADDRESS, REPRESENTATIVE, PHONE, SALES_YEN, DEBT_YEN, FINANCIAL_SUPPORT_EXPECTED, DD_FEE_GROSS, DD_FEE_TAX,
        PLAN_FEE_GROSS, PLAN_FEE_TAX, MONITORING_FEE_GROSS, MONITORING_FEE_TAX, GUARANTEE_NEGOTIATION,
        GUARANTEE_FEE_GROSS, GUARANTEE_FEE_TAX, MONITORING_INTERVAL_MONTHS, MONITORING_CLAIMS));
    for (int n = 1; n <= MAX_LENDERS; n++) {
      all.add(lenderName(n));
      all.add(lenderKind(n));
    }
    for (int n = 2; n <= MAX_AGENCIES; n++) {
      all.addAll(List.of(agencyCode(n), agencyFee(n, PLAN_FEE_GROSS), agencyFee(n, PLAN_FEE_TAX),
          agencyFee(n, MONITORING_FEE_GROSS), agencyFee(n, MONITORING_FEE_TAX)));
    }
    return List.copyOf(all);
  }

  private ApplicationFields() {
  }
}
