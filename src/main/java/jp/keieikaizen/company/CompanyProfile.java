package jp.keieikaizen.company;

/** What an application says about the company; validated before it gets here. */
public record CompanyProfile(String corporateNumber, String name, EntityType entityType, Industry industry,
    long capitalYen, int employees, int fiscalYearEndMonth, String postalCode, String address, String representative,
    Long salesYen, Long interestBearingDebtYen, String phone) {

  public CompanyProfile(String corporateNumber, String name, EntityType entityType, Industry industry, long capitalYen,
      int employees, int fiscalYearEndMonth, String postalCode, String address, String representative, Long salesYen,
      Long interestBearingDebtYen) {
    this(corporateNumber, name, entityType, industry, capitalYen, employees, fiscalYearEndMonth, postalCode, address,
        representative, salesYen, interestBearingDebtYen, null);
  }

  /** Without the 405 size figures (sales, interest-bearing debt), as the early plan asks. */
  public CompanyProfile(String corporateNumber, String name, EntityType entityType, Industry industry, long capitalYen,
      int employees, int fiscalYearEndMonth, String postalCode, String address, String representative) {
    this(corporateNumber, name, entityType, industry, capitalYen, employees, fiscalYearEndMonth, postalCode, address,
        representative, null, null);
  }
}
