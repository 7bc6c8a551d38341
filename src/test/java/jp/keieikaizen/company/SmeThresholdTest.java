package jp.keieikaizen.company;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmeThresholdTest {

  @ParameterizedTest(name = "{0} capital {1} staff {2} -> {3}")
  @CsvSource({
      "MANUFACTURING, 300000000, 301, true",
      "MANUFACTURING, 300000001, 300, true",
      "MANUFACTURING, 300000001, 301, false",
      "WHOLESALE, 100000000, 101, true",
      "WHOLESALE, 100000001, 101, false",
      "SERVICES, 50000000, 101, true",
      "SERVICES, 50000001, 100, true",
      "SERVICES, 50000001, 101, false",
      "RETAIL, 50000001, 50, true",
      "RETAIL, 50000001, 51, false"
  })
  void smeWhenCapitalOrStaffIsWithinTheIndustryLimit(Industry industry, long capital, int staff, boolean sme) {
    assertThat(industry.isSme(capital, staff)).isEqualTo(sme);
  }

  @ParameterizedTest
  @CsvSource({ "300, true", "301, false" })
  void medicalCorporationsCountByStaffOnly(int staff, boolean sme) {
    Company clinic = new Company(new CompanyProfile("5010401067252", "医療法人テスト会", EntityType.MEDICAL_CORPORATION,
        Industry.SERVICES, 900_000_000L, staff, 3, "100-0005", "東京都", "院長"));
    assertThat(clinic.isSme()).isEqualTo(sme);
  }
}
