package jp.keieikaizen.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import jp.keieikaizen.agency.Agency;
import jp.keieikaizen.agency.AgencyKind;
import jp.keieikaizen.agency.AgencyService;
import jp.keieikaizen.casefile.CaseFile;
import jp.keieikaizen.casefile.CaseFileService;
import jp.keieikaizen.casefile.CaseNumber;
import jp.keieikaizen.casefile.CostCategory;
import jp.keieikaizen.casefile.DocumentService;
import jp.keieikaizen.casefile.DocumentType;
import jp.keieikaizen.casefile.Money;
import jp.keieikaizen.casefile.Programme;
import jp.keieikaizen.company.Company;
import jp.keieikaizen.company.CompanyProfile;
import jp.keieikaizen.company.CompanyService;
import jp.keieikaizen.company.EntityType;
import jp.keieikaizen.company.Industry;
import jp.keieikaizen.lender.CaseLender;
import jp.keieikaizen.lender.LenderKind;
import jp.keieikaizen.lender.LenderService;
import jp.keieikaizen.subsidy.SubsidyRulesFixture;

/** The 405 rules of the eligibility check, at their boundaries. */
class Eligibility405Test {

  static final CaseNumber NUMBER = new CaseNumber("27-2025-0001");
  static final LocalDate APPLIED = LocalDate.of(2025, 6, 2);
  static final long OKU = 100_000_000L;

  CaseFileService cases = mock(CaseFileService.class);
  CompanyService companies = mock(CompanyService.class);
  AgencyService agencies = mock(AgencyService.class);
  LenderService lenders = mock(LenderService.class);
  DocumentService documents = mock(DocumentService.class);
  EligibilityService eligibility = new EligibilityService(cases, companies, agencies, lenders, documents,
      SubsidyRulesFixture.load());
  CaseFile file;

  @BeforeEach
  void aValid405Application() {
    file = new CaseFile(NUMBER, Programme.PLAN_405, "27", 1L, 2L, APPLIED, false, 6);
    file.chooseOptions(false, true, "YEARLY");
    fees(900_000, 450_000);
    Agency agency = new Agency("108413000101", "テスト税理士法人", AgencyKind.TAX_ACCOUNTANT, null);
    agency.addCertification(LocalDate.of(2021, 6, 1), LocalDate.of(2026, 5, 31));
    when(cases.get(NUMBER)).thenReturn(file);
    when(agencies.get(2L)).thenReturn(agency);
    when(documents.has(NUMBER, DocumentType.GANTT_CHART)).thenReturn(true);
    company(50_000_000L, 80_000_000L);
    lenders(LenderKind.REGIONAL_BANK, LenderKind.SHINKIN);
  }

  @Test
  void aSmallCompanyWithinItsCeilingIsEligible() {
    assertThat(eligibility.check(NUMBER).findings()).isEmpty();
  }

  @ParameterizedTest(name = "sales {0}, debt {1}: total {2} -> eligible {3}")
  @CsvSource({
      // 小規模: sales and debt both under 1億 -> 150万
      "99999999, 99999999, 1500000, true",
      "99999999, 99999999, 1500001, false",
      // exactly 1億 is no longer small -> 中規模 300万
      "100000000, 99999999, 3000000, true",
      "99999999, 100000000, 3000001, false",
      // exactly 10億 (either figure) is 中堅 -> 450万
      "999999999, 999999999, 3000001, false",
      "1000000000, 0, 4500000, true",
      "0, 1000000000, 4500001, false"
  })
  void theTotalFeeCeilingFollowsTheSizeClass(long sales, long debt, long total, boolean eligible) {
    company(sales, debt);
    long monitoring = Math.min(total / 2, 1_500_000); // within half of the total and the 1.5 × cap ceiling
    fees(total - monitoring, monitoring);
    assertThat(eligibility.check(NUMBER).eligible()).as(eligibility.check(NUMBER).findings().toString()).isEqualTo(eligible);
  }

  @Test
  void monitoringMayBeHalfOfTheTotalButNotMore() {
    fees(700_000, 700_000);
    assertThat(eligibility.check(NUMBER).eligible()).isTrue();
    fees(699_999, 700_000);
    assertThat(eligibility.check(NUMBER).findings()).singleElement().asString().contains("伴走支援費用", "50%");
  }

  @Test
  void aPlanFeeAboveFortyFiveManNeedsAGanttChart() {
    when(documents.has(NUMBER, DocumentType.GANTT_CHART)).thenReturn(false);
    fees(450_000, 100_000);
    assertThat(eligibility.check(NUMBER).eligible()).isTrue();
    fees(450_001, 100_000);
    assertThat(eligibility.check(NUMBER).findings()).singleElement().asString().contains("工程表");
  }

  @Test
  void aSingleBankWithoutTheGuaranteeCorporationIsNotEligible() {
    lenders(LenderKind.REGIONAL_BANK);
    assertThat(eligibility.check(NUMBER).findings()).singleElement().asString().contains("1行のみ");
    lenders(LenderKind.REGIONAL_BANK, LenderKind.CREDIT_GUARANTEE);
    assertThat(eligibility.check(NUMBER).eligible()).isTrue();
  }

  @Test
  void financialSupportMustBeExpected() {
    file.chooseOptions(false, false, "YEARLY");
    assertThat(eligibility.check(NUMBER).findings()).singleElement().asString().contains("金融支援");
  }

  @Test
  void theGuidelineTrackNeedsDueDiligenceAndHasNoSizeCeiling() {
    CaseFile gl = new CaseFile(NUMBER, Programme.PLAN_405_GL, "27", 1L, 2L, APPLIED, false, 6);
    gl.chooseOptions(false, true, "YEARLY");
    gl.setFee(2L, CostCategory.PLAN, Money.ofGross(3_000_000, 0));
    gl.setFee(2L, CostCategory.MONITORING, Money.ofGross(1_500_000, 0));
    when(cases.get(NUMBER)).thenReturn(gl);
    assertThat(eligibility.check(NUMBER).findings()).singleElement().asString().contains("DD費用 の見積がありません");
    gl.setFee(2L, CostCategory.DUE_DILIGENCE, Money.ofGross(4_500_000, 0));
    assertThat(eligibility.check(NUMBER).findings()).isEmpty();
  }

  private void fees(long plan, long monitoring) {
    file.setFee(2L, CostCategory.PLAN, Money.ofGross(plan, 0));
    file.setFee(2L, CostCategory.MONITORING, Money.ofGross(monitoring, 0));
  }

  private void company(long sales, long debt) {
    when(companies.get(1L)).thenReturn(new Company(new CompanyProfile("9234567890123", "テスト株式会社",
        EntityType.STOCK_COMPANY, Industry.MANUFACTURING, 30_000_000, 45, 3, "530-0001", "大阪府", "代表", sales, debt)));
  }

  private void lenders(LenderKind... kinds) {
    List<CaseLender> list = java.util.Arrays.stream(kinds).map(kind -> {
      CaseLender lender = mock(CaseLender.class);
      when(lender.kind()).thenReturn(kind);
      return lender;
    }).toList();
    when(lenders.lenders(any())).thenReturn(list);
  }
}
