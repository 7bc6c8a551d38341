package jp.keieikaizen.company;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** The applicant (申請者). A company with a 法人番号 has one row for all its applications. */
@Entity
public class Company {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private String corporateNumber;
  private String name;
  @Enumerated(EnumType.STRING)
  private EntityType entityType;
  @Enumerated(EnumType.STRING)
  private Industry industry;
  private long capitalYen;
  private int employees;
  private int fiscalYearEndMonth;
  private String postalCode;
  private String phone;
  private String address;
  private String representative;
  private Long salesYen;
  private Long interestBearingDebtYen;

  protected Company() {
  }

  public Company(CompanyProfile profile) {
    this.corporateNumber = profile.corporateNumber();
    update(profile);
  }

  /** Takes the figures of the latest application (capital, staff and address change over the years). */
  public void update(CompanyProfile p) {
    this.name = p.name();
    this.entityType = p.entityType();
    this.industry = p.industry();
    this.capitalYen = p.capitalYen();
    this.employees = p.employees();
    this.fiscalYearEndMonth = p.fiscalYearEndMonth();
    this.postalCode = p.postalCode();
    this.phone = p.phone();
    this.address = p.address();
    this.representative = p.representative();
    if (p.salesYen() != null) {
      this.salesYen = p.salesYen();
      this.interestBearingDebtYen = p.interestBearingDebtYen();
    }
  }

  /** A corrected application may restate the size figures. */
  public void correctSize(Long capitalYen, Integer employees) {
    if (capitalYen != null) {
      this.capitalYen = capitalYen;
    }
    if (employees != null) {
      this.employees = employees;
    }
  }

  /** A corrected 405 application may restate sales and interest-bearing debt. */
  public void correctFinancials(Long salesYen, Long interestBearingDebtYen) {
    if (salesYen != null) {
      this.salesYen = salesYen;
    }
    if (interestBearingDebtYen != null) {
      this.interestBearingDebtYen = interestBearingDebtYen;
    }
  }

  /** SME under the 中小企業基本法 thresholds; a medical corporation by its staff alone. */
  public boolean isSme() {
    if (entityType == EntityType.MEDICAL_CORPORATION) {
      return employees <= 300;
    }
    return industry.isSme(capitalYen, employees);
  }

  public Long id() {
    return id;
  }

  public String corporateNumber() {
    return corporateNumber;
  }

  public String name() {
    return name;
  }

  public EntityType entityType() {
    return entityType;
  }

  public Industry industry() {
    return industry;
  }

  public long capitalYen() {
    return capitalYen;
  }

  public int employees() {
    return employees;
  }

  public int fiscalYearEndMonth() {
    return fiscalYearEndMonth;
  }

  public String phone() {
    return phone;
  }

  public String postalCode() {
    return postalCode;
  }

  public String address() {
    return address;
  }

  public String representative() {
    return representative;
  }

  public Long salesYen() {
    return salesYen;
  }

  public Long interestBearingDebtYen() {
    return interestBearingDebtYen;
  }
}
