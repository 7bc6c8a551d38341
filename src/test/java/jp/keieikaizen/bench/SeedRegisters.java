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
  /** The prefectures in JIS order (code 01 to 47); the seed lists its councils in a slightly different order. */
  static final List<String> PREFECTURES = List.of("北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県",
      "茨城県", "栃木県", "群馬県", "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県", "山梨県",
      "長野県", "岐阜県", "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県", "鳥取県",
      "島根県", "岡山県", "広島県", "山口県", "徳島県", "香川県", "愛媛県", "高知県", "福岡県", "佐賀県", "長崎県", "熊本県",
      "大分県", "宮崎県", "鹿児島県", "沖縄県");
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

  /** The 47 council lines in prefecture (JIS code) order, and the 合計 line last (council code null). */
  public static List<SeedRow> read(Path seed) throws IOException {
    List<SeedRow> rows = new ArrayList<>();
    SeedRow total = null;
    for (String line : Files.readAllLines(seed, StandardCharsets.UTF_8)) {
      Matcher m = LINE.matcher(line.strip());
      if (m.matches()) {
        rows.add(new SeedRow(codeOf(m.group(1)), m.group(1), n(m.group(2)), n(m.group(3)), n(m.group(4)),
            n(m.group(5))));
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
    rows.sort(java.util.Comparator.comparing(SeedRow::councilCode));
    if (rows.stream().map(SeedRow::councilCode).distinct().count() != 47) {
      throw new IllegalStateException("the seed's councils do not map one to one onto the 47 prefectures");
    }
    rows.add(total);
    return rows;
  }

  /** The prefecture code of a council by its name (北海道中小企業活性化協議会 → 01). */
  static String codeOf(String councilName) {
    for (int i = 0; i < PREFECTURES.size(); i++) {
      if (councilName.startsWith(PREFECTURES.get(i))) {
        return String.format("%02d", i + 1);
      }
    }
    throw new IllegalStateException("no prefecture for " + councilName);
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
