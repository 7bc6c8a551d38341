package jp.keieikaizen.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class FiscalQuarterTest {

  @Test
  void quartersRunAprilToMarchAndTurnOnTheFirstDay() {
    assertThat(FiscalQuarter.of(LocalDate.of(2024, 3, 31))).isEqualTo(new FiscalQuarter(2023, 4));
    assertThat(FiscalQuarter.of(LocalDate.of(2024, 4, 1))).isEqualTo(new FiscalQuarter(2024, 1));
    assertThat(FiscalQuarter.of(LocalDate.of(2024, 6, 30))).isEqualTo(new FiscalQuarter(2024, 1));
    assertThat(FiscalQuarter.of(LocalDate.of(2024, 7, 1))).isEqualTo(new FiscalQuarter(2024, 2));
    assertThat(FiscalQuarter.of(LocalDate.of(2024, 12, 31))).isEqualTo(new FiscalQuarter(2024, 3));
    assertThat(FiscalQuarter.of(LocalDate.of(2025, 1, 1))).isEqualTo(new FiscalQuarter(2024, 4));
    FiscalQuarter q4 = new FiscalQuarter(2024, 4);
    assertThat(q4.firstDay()).isEqualTo(LocalDate.of(2025, 1, 1));
    assertThat(q4.lastDay()).isEqualTo(LocalDate.of(2025, 3, 31));
    assertThat(new FiscalQuarter(2023, 4).lastDay()).isEqualTo(LocalDate.of(2024, 3, 31));
    assertThat(new FiscalQuarter(2024, 1).previous()).isEqualTo(new FiscalQuarter(2023, 4));
  }

  @Test
  void labelsAreInTheEraAsTheSeedWritesThem() {
    assertThat(new FiscalQuarter(2024, 2).label()).isEqualTo("R6 第2四半期");
    assertThat(new FiscalQuarter(2019, 1).label()).isEqualTo("R1 第1四半期");
    assertThat(new FiscalQuarter(2018, 4).label()).isEqualTo("H30 第4四半期");
    assertThat(new FiscalQuarter(2013, 1).label()).isEqualTo("H25 第1四半期");
    assertThat(FiscalQuarter.asOfLabel(LocalDate.of(2024, 9, 30))).isEqualTo("令和6年9月末までの実績");
    assertThat(FiscalQuarter.asOfLabel(LocalDate.of(2019, 4, 30))).isEqualTo("平成31年4月末までの実績");
    assertThat(FiscalQuarter.asOfLabel(LocalDate.of(2019, 5, 1))).isEqualTo("令和元年5月1日までの実績");
    assertThat(FiscalQuarter.asOfLabel(LocalDate.of(2024, 2, 29))).isEqualTo("令和6年2月末までの実績");
  }

  @Test
  void codesRoundTripAndBadOnesAreRefused() {
    assertThat(FiscalQuarter.parse("2024Q2")).isEqualTo(new FiscalQuarter(2024, 2));
    assertThat(new FiscalQuarter(2024, 2).code()).isEqualTo("2024Q2");
    assertThatThrownBy(() -> FiscalQuarter.parse("2024Q5")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FiscalQuarter.parse("R6Q2")).isInstanceOf(IllegalArgumentException.class);
  }
}
