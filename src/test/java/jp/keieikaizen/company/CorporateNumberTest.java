package jp.keieikaizen.company;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CorporateNumberTest {

  @ParameterizedTest
  @ValueSource(strings = { "7000012050002", "1180301018771", "9234567890123", "5010401067252" })
  void publishedNumbersAreValid(String number) {
    assertThat(CorporateNumber.isValid(number)).isTrue();
    assertThat(new CorporateNumber(number).value()).isEqualTo(number);
  }

  @ParameterizedTest
  @ValueSource(strings = { "8000012050002", "1000012050002", "2180301018771", "123456789012", "12345678901234",
      "70000120500O2", "７000012050002", " 7000012050002" })
  @NullAndEmptySource
  void wrongCheckDigitLengthOrCharactersAreInvalid(String number) {
    assertThat(CorporateNumber.isValid(number)).isFalse();
  }

  @Test
  void checkDigitFollowsTheNationalTaxAgencyFormula() {
    // 国税庁 000012050002: Σ = 2 + 5 + 2 + 2×1 … = 11, 11 mod 9 = 2, 9 - 2 = 7
    assertThat(CorporateNumber.checkDigit("000012050002")).isEqualTo(7);
    assertThat(CorporateNumber.checkDigit("000000000000")).isEqualTo(9);
    assertThatThrownBy(() -> new CorporateNumber("8000012050002")).isInstanceOf(IllegalArgumentException.class);
  }
}
