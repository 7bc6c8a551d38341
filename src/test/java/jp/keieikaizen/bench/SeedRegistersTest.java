package jp.keieikaizen.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The seed's table is read whole, and the registers generated from it carry exactly its figures. */
class SeedRegistersTest {

  @Test
  void theSeedTableHas47CouncilsAndItsTotalsAddUp() throws Exception {
    List<SeedRegisters.SeedRow> seed = SeedRegisters.read(SeedRegisters.seedFile());
    assertThat(seed).hasSize(48);
    assertThat(seed.get(0)).isEqualTo(new SeedRegisters.SeedRow("01", "北海道中小企業活性化協議会", 1543, 20, 706, 8));
    assertThat(seed.get(12).name()).isEqualTo("東京都中小企業活性化協議会");
    assertThat(seed.get(46).name()).isEqualTo("沖縄県中小企業活性化協議会");
    // the seed lists 長野 before 山梨 and 静岡 before 岐阜; the codes follow the prefectures, not the seed's order
    assertThat(seed.get(19)).isEqualTo(new SeedRegisters.SeedRow("20", "長野県中小企業活性化協議会", 1056, 63, 812, 18));
    assertThat(seed.get(15).name()).isEqualTo("富山県中小企業活性化協議会");
    SeedRegisters.SeedRow total = seed.get(47);
    assertThat(total).isEqualTo(new SeedRegisters.SeedRow(null, "合計", 82_550, 1_933, 26_429, 566));
    List<SeedRegisters.SeedRow> councils = seed.subList(0, 47);
    assertThat(councils.stream().mapToLong(SeedRegisters.SeedRow::inquiries).sum()).isEqualTo(total.inquiries());
    assertThat(councils.stream().mapToLong(SeedRegisters.SeedRow::decisionsQuarter).sum()).isEqualTo(total.decisionsQuarter());
  }

  @Test
  void generatedRegistersHaveOneLinePerCountedRecordWithTheQuarterInsideIt() throws Exception {
    List<SeedRegisters.SeedRow> seed = SeedRegisters.read(SeedRegisters.seedFile());
    String inquiries = SeedRegisters.inquiries(seed, 1);
    assertThat(inquiries.lines().count()).isEqualTo(82_550 + 1);
    String okinawa = "47,";
    long inQuarter = inquiries.lines().filter(l -> l.startsWith(okinawa)).map(l -> l.split(",")[1])
        .filter(d -> d.compareTo("2024-07-01") >= 0 && d.compareTo("2024-09-30") <= 0).count();
    assertThat(inQuarter).isEqualTo(60);
    assertThat(SeedRegisters.decisions(seed, 1).lines().count()).isEqualTo(26_429 + 1);
  }
}
