package jp.keieikaizen.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import jp.keieikaizen.monitoring.Plan405Schedule.Round;

class Plan405ScheduleTest {

  static final LocalDate PLAN = LocalDate.of(2025, 1, 31);

  @ParameterizedTest(name = "every {0} months -> {1} rounds, last due {2}")
  @CsvSource({ "1, 36, 2028-01-31", "3, 12, 2028-01-31", "6, 6, 2028-01-31", "12, 3, 2028-01-31", "5, 7, 2027-12-31" })
  void threeYearsOfRoundsAtTheInterval(int interval, int rounds, LocalDate lastDue) {
    List<Round> schedule = Plan405Schedule.of(PLAN, interval, 36, true);
    assertThat(schedule).hasSize(rounds);
    assertThat(schedule).extracting(Round::roundNo).containsExactlyElementsOf(
        java.util.stream.IntStream.rangeClosed(1, rounds).boxed().toList());
    assertThat(schedule.get(rounds - 1).dueDate()).isEqualTo(lastDue);
  }

  @Test
  void monthlyRoundsFromAMonthEndMeetFebruaryAndComeBackToTheThirtyFirst() {
    List<Round> monthly = Plan405Schedule.of(PLAN, 1, 36, true);
    assertThat(monthly.subList(0, 3)).extracting(Round::dueDate)
        .containsExactly(LocalDate.of(2025, 2, 28), LocalDate.of(2025, 3, 31), LocalDate.of(2025, 4, 30));
    assertThat(monthly.get(12).dueDate()).isEqualTo(LocalDate.of(2026, 2, 28));
    assertThat(monthly.get(36 - 1 - 11).dueDate()).isEqualTo(LocalDate.of(2027, 2, 28));
    var leap = Plan405Schedule.of(LocalDate.of(2027, 1, 31), 1, 36, true);
    assertThat(leap.get(12).dueDate()).isEqualTo(LocalDate.of(2028, 2, 29));
  }

  @Test
  void yearlyClaimsFollowTheLastRoundOfEachYear() {
    assertThat(Plan405Schedule.of(PLAN, 1, 36, true)).filteredOn(r -> r.claimNo() > 0)
        .extracting(Round::roundNo, Round::claimNo).containsExactly(
            org.assertj.core.groups.Tuple.tuple(12, 1), org.assertj.core.groups.Tuple.tuple(24, 2),
            org.assertj.core.groups.Tuple.tuple(36, 3));
    assertThat(Plan405Schedule.of(PLAN, 5, 36, true)).filteredOn(r -> r.claimNo() > 0).extracting(Round::roundNo)
        .containsExactly(2, 4, 7); // months 10, 20 and 35
    assertThat(Plan405Schedule.of(PLAN, 12, 36, true)).extracting(Round::claimNo).containsExactly(1, 2, 3);
  }

  @Test
  void aClaimAtTheEndOnlyFollowsTheLastRound() {
    assertThat(Plan405Schedule.of(PLAN, 3, 36, false)).extracting(Round::claimNo)
        .containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1);
  }

  @Test
  void theIntervalIsOneToTwelveMonths() {
    assertThatThrownBy(() -> Plan405Schedule.of(PLAN, 0, 36, true)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Plan405Schedule.of(PLAN, 13, 36, true)).isInstanceOf(IllegalArgumentException.class);
  }
}
