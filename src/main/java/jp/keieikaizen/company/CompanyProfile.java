package jp.keieikaizen.company;

/** What an application says about the company; validated before it gets here. */
public record CompanyProfile(String corporateNumber, String name, EntityType entityType, Industry industry,
    long capitalYen, int employees, int fiscalYearEndMonth, String postalCode, String address, String representative) {
}
