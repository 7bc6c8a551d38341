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

  /** Correction task only. */
  public static final String CORRECTION_ACTION = "correctionAction";
  public static final String CORRECTION_NOTE = "correctionNote";

  public static final List<String> QUOTE = List.of(PLAN_FEE_GROSS, PLAN_FEE_TAX, INTERIM_MONITORING, INTERIM_FEE_GROSS,
      INTERIM_FEE_TAX, FINAL_FEE_GROSS, FINAL_FEE_TAX, MONITORING_INTERVAL_MONTHS);

  public static final List<String> APPLICATION = List.of(COUNCIL_CODE, AGENCY_CODE, APPLICATION_DATE, COMPANY_NAME,
      CORPORATE_NUMBER, ENTITY_TYPE, INDUSTRY, CAPITAL_YEN, EMPLOYEES, FISCAL_YEAR_END_MONTH, POSTAL_CODE, ADDRESS,
      REPRESENTATIVE, MAIN_LENDER_NAME, MAIN_LENDER_KIND, PLAN_FEE_GROSS, PLAN_FEE_TAX, INTERIM_MONITORING,
      INTERIM_FEE_GROSS, INTERIM_FEE_TAX, FINAL_FEE_GROSS, FINAL_FEE_TAX, MONITORING_INTERVAL_MONTHS);

  public static final List<String> CORRECTION = List.of(CORRECTION_ACTION, CORRECTION_NOTE, CAPITAL_YEN, EMPLOYEES,
      PLAN_FEE_GROSS, PLAN_FEE_TAX, INTERIM_MONITORING, INTERIM_FEE_GROSS, INTERIM_FEE_TAX, FINAL_FEE_GROSS,
      FINAL_FEE_TAX, MONITORING_INTERVAL_MONTHS);

  private ApplicationFields() {
  }
}
