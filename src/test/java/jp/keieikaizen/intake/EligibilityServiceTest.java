package jp.keieikaizen.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jp.keieikaizen.agency.Agency;
import jp.keieikaizen.agency.AgencyKind;
import jp.keieikaizen.agency.AgencyService;
import jp.keieikaizen.casefile.CaseFile;
import jp.keieikaizen.casefile.CaseFileService;
import jp.keieikaizen.casefile.CaseNumber;
import jp.keieikaizen.casefile.CostCategory;
import jp.keieikaizen.casefile.Money;
import jp.keieikaizen.casefile.DocumentService;
import jp.keieikaizen.casefile.Programme;
import jp.keieikaizen.lender.LenderService;
import jp.keieikaizen.company.Company;
import jp.keieikaizen.company.CompanyProfile;
import jp.keieikaizen.company.CompanyService;
import jp.keieikaizen.company.EntityType;
import jp.keieikaizen.company.Industry;
import jp.keieikaizen.subsidy.SubsidyRulesFixture;

class EligibilityServiceTest {

  static final CaseNumber NUMBER = new CaseNumber("13-2025-0001");
  static final LocalDate APPLIED = LocalDate.of(2025, 6, 2);

  CaseFileService cases = mock(CaseFileService.class);
  CompanyService companies = mock(CompanyService.class);
  AgencyService agencies = mock(AgencyService.class);
  LenderService lenders = mock(LenderService.class);
  DocumentService documents = mock(DocumentService.class);
  EligibilityService eligibility = new EligibilityService(cases, companies, agencies, lenders, documents,
      SubsidyRulesFixture.load());

  CaseFile file;
  Agency agency = new Agency("108413000101", "テスト税理士法人", AgencyKind.TAX_ACCOUNTANT, null);

  @BeforeEach
  void aValidApplication() {
    file = new CaseFile(NUMBER, Programme.EARLY_PLAN, "13", 1L, 2L, APPLIED, true, 6);
    file.setFee(2L, CostCategory.PLAN, Money.ofGross(225_000, 20_454));
    file.setFee(2L, CostCategory.INTERIM_MONITORING, Money.ofGross(60_000, 5_454));
    file.setFee(2L, CostCategory.FINAL_MONITORING, Money.ofGross(75_000, 6_818));
    agency.addCertification(LocalDate.of(2021, 6, 1), LocalDate.of(2026, 5, 31));
    when(cases.get(NUMBER)).thenReturn(file);
    when(agencies.get(2L)).thenReturn(agency);
    company(EntityType.STOCK_COMPANY, Industry.MANUFACTURING, 30_000_000, 45);
  }

  @Test
  void aSmallManufacturerWithQuotesWithinTheCeilingsIsEligible() {
    var result = eligibility.check(NUMBER);
    assertThat(result.eligible()).isTrue();
    assertThat(result.findings()).isEmpty();
    assertThat(file.eligible()).isTrue();
  }

  @Test
  void anExcludedEntityTypeIsNotEligible() {
    company(EntityType.SOCIAL_WELFARE_CORPORATION, Industry.SERVICES, 0, 20);
    assertThat(eligibility.check(NUMBER).findings()).singleElement().asString().contains("対象外の法人形態", "社会福祉法人");
  }

  @Test
  void aCompanyAboveBothSmeLimitsIsNotEligible() {
    company(EntityType.STOCK_COMPANY, Industry.RETAIL, 50_000_001, 51);
    assertThat(eligibility.check(NUMBER).findings()).singleElement().asString().contains("中小企業の要件");
  }

  @Test
  void reuseIsAllowedTwiceButNotAThirdTime() {
    when(cases.acceptedUses(any(), any())).thenReturn(2L);
    assertThat(eligibility.check(NUMBER).eligible()).isTrue();
    when(cases.acceptedUses(any(), any())).thenReturn(3L);
    assertThat(eligibility.check(NUMBER).findings()).singleElement().asString().contains("3回利用", "2回まで");
  }

  @Test
  void theAgencyMustBeCertifiedOnTheApplicationDate() {
    Agency lapsed = new Agency("108413000102", "更新切れ事務所", AgencyKind.CPA, null);
    lapsed.addCertification(LocalDate.of(2020, 6, 1), APPLIED.minusDays(1));
    when(agencies.get(2L)).thenReturn(lapsed);
    assertThat(eligibility.check(NUMBER).findings()).singleElement().asString().contains("更新切れ事務所", "認定を受けていません");

    lapsed.addCertification(APPLIED, APPLIED.plusYears(5));
    assertThat(eligibility.check(NUMBER).eligible()).isTrue();
  }

  @Test
  void aQuoteAboveOneAndAHalfTimesTheCapIsFlagged() {
    file.setFee(2L, CostCategory.PLAN, Money.ofGross(225_001, 20_454));
    assertThat(eligibility.check(NUMBER).findings()).singleElement().asString()
        .contains("計画策定支援費用", "225,001円", "225,000円");
  }

  @Test
  void theChosenInterimMonitoringNeedsAQuote() {
    file.removeFee(2L, CostCategory.INTERIM_MONITORING);
    assertThat(eligibility.check(NUMBER).findings()).singleElement().asString().contains("伴走支援費用（期中） の見積がありません");
  }

  private void company(EntityType type, Industry industry, long capital, int staff) {
    String number = type.hasCorporateNumber() ? "9234567890123" : null;
    when(companies.get(1L)).thenReturn(new Company(new CompanyProfile(number, "テスト株式会社", type, industry, capital,
        staff, 3, "100-0005", "東京都千代田区", "代表")));
  }
}
