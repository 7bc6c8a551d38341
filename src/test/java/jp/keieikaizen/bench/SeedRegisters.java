package jp.keieikaizen.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The national statistics table of the seed pamphlet (shared/seeds/000_…txt: results up to September 2024, 令和6年
 * 第2四半期) and registers generated from it: per council as many inquiries and decided cases as the table counts,
 * those of the quarter dated July–September 2024 and the rest spread from April 2013 to June 2024. Imported, they make
 * the statistics table as of 2024-09-30 for 2024Q2 equal the seed's.
 */
public final class SeedRegisters {

  /** One council's line of the seed: 問合せ・相談受付 累計, うち R6 第2四半期, 利用申請決定 累計, うち R6 第2四半期. */
  public record SeedRow(String councilCode, String name, long inquiries, long inquiriesQuarter, long decisions,
      long decisionsQuarter) {
  }

  public static final LocalDate AS_OF = LocalDate.of(2024, 9, 30);
  public static final String QUARTER = "2024Q2";
  static final LocalDate QUARTER_START = LocalDate.of(2024, 7, 1);
  static final LocalDate HISTORY_START = LocalDate.of(2013, 4, 1);
  private static final Pattern LINE = Pattern.compile("^(\\S+?協議会) .*? ([\\d,]+) ([\\d,]+) ([\\d,]+) ([\\d,]+)\\s*$");
  private static final Pattern TOTAL = Pattern.compile("^([\\d,]+) ([\\d,]+) ([\\d,]+) ([\\d,]+)\\s*$");

  private SeedRegisters() {
  }

  /** The seed file, from the shared folder beside the checkout (or KEIEI_SEED_FILE). */
  public static Path seedFile() {
    String configured = System.getenv("KEIEI_SEED_FILE");
    if (configured != null) {
      return Path.of(configured);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/seeds/000_7b4d77d1ea3d541e.txt");
      if (Files.exists(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("seed file shared/seeds/000_7b4d77d1ea3d541e.txt not found beside the checkout");
  }

  /** The 47 council lines in prefecture order, and the 合計 line last (council code null). */
  public static List<SeedRow> read(Path seed) throws IOException {
    List<SeedRow> rows = new ArrayList<>();
    SeedRow total = null;
    for (String line : Files.readAllLines(seed, StandardCharsets.UTF_8)) {
      Matcher m = LINE.matcher(line.strip());
      if (m.matches()) {
        rows.add(new SeedRow(String.format("%02d", rows.size() + 1), m.group(1), n(m.group(2)), n(m.group(3)),
            n(m.group(4)), n(m.group(5))));
        continue;
      }
      Matcher t = TOTAL.matcher(line.strip());
      if (t.matches() && rows.size() == 47) {
        total = new SeedRow(null, "合計", n(t.group(1)), n(t.group(2)), n(t.group(3)), n(t.group(4)));
      }
    }
    if (rows.size() != 47 || total == null) {
      throw new IllegalStateException("expected 47 council lines and a total in " + seed + ", found " + rows.size());
    }
    rows.add(total);
    return rows;
  }

  /** The inquiries register (CSV) that reproduces the seed's 問合せ・相談受付 columns. */
  public static String inquiries(List<SeedRow> seed, long randomSeed) {
    Random random = new Random(randomSeed);
    StringBuilder csv = new StringBuilder("councilCode,receivedOn,asker,channel,programme,outcome,companyName\n");
    String[] askers = {"COMPANY", "AGENCY", "LENDER"};
    String[] channels = {"PHONE", "VISIT", "EMAIL", "WEB"};
    String[] outcomes = {"APPLICATION_EXPECTED", "INFORMATION_ONLY", "REFERRED"};
    for (SeedRow row : seed.subList(0, 47)) {
      for (long i = 0; i < row.inquiries(); i++) {
        LocalDate date = i < row.inquiriesQuarter() ? between(random, QUARTER_START, AS_OF)
            : between(random, HISTORY_START, QUARTER_START.minusDays(1));
        csv.append(row.councilCode()).append(',').append(date).append(',').append(askers[random.nextInt(3)]).append(',')
            .append(channels[random.nextInt(4)]).append(',').append(programme(random, date)).append(',')
            .append(outcomes[random.nextInt(3)]).append(",相談事業者").append(i).append('\n');
      }
    }
    return csv.toString();
  }

  /** The decided-cases register (CSV) that reproduces the seed's 利用申請決定 columns. */
  public static String decisions(List<SeedRow> seed, long randomSeed) {
    Random random = new Random(randomSeed);
    StringBuilder csv = new StringBuilder("councilCode,caseNumber,decidedOn,programme,companyName\n");
    for (SeedRow row : seed.subList(0, 47)) {
      for (long i = 0; i < row.decisions(); i++) {
        LocalDate date = i < row.decisionsQuarter() ? between(random, QUARTER_START, AS_OF)
            : between(random, HISTORY_START, QUARTER_START.minusDays(1));
        csv.append(row.councilCode()).append(",H-").append(row.councilCode()).append('-').append(i).append(',')
            .append(date).append(',').append(programme(random, date)).append(",決定事業者").append(i).append('\n');
      }
    }
    return csv.toString();
  }

  /** The early plan started in May 2017 and the GL枠 in April 2022. */
  private static String programme(Random random, LocalDate date) {
    List<String> open = new ArrayList<>(List.of("PLAN_405"));
    if (!date.isBefore(LocalDate.of(2017, 5, 29))) {
      open.add("EARLY_PLAN");
    }
    if (!date.isBefore(LocalDate.of(2022, 4, 15))) {
      open.add("PLAN_405_GL");
    }
    return open.get(random.nextInt(open.size()));
  }

  private static LocalDate between(Random random, LocalDate from, LocalDate to) {
    return from.plusDays(random.nextInt((int) (to.toEpochDay() - from.toEpochDay()) + 1));
  }

  private static long n(String figure) {
    return Long.parseLong(figure.replace(",", ""));
  }
}
