package jp.keieikaizen.report;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jp.keieikaizen.agency.AgencyService;
import jp.keieikaizen.casefile.Programme;
import jp.keieikaizen.common.FieldProblem;
import jp.keieikaizen.common.FormValues;
import jp.keieikaizen.common.InvalidInputException;
import jp.keieikaizen.common.Labelled;
import jp.keieikaizen.company.CorporateNumber;
import jp.keieikaizen.council.CouncilService;
import jp.keieikaizen.intake.InquiryKinds.Asker;
import jp.keieikaizen.intake.InquiryKinds.Channel;
import jp.keieikaizen.intake.InquiryKinds.Outcome;
import jp.keieikaizen.intake.InquiryInput;
import jp.keieikaizen.intake.InquiryService;

/**
 * Imports a council's historic register: inquiries (問合せ・相談受付) or decided applications (利用申請決定), from CSV
 * or .xlsx. Every row is checked by the same rules as live input and every bad row is reported with its line number,
 * field and rule; by default nothing is imported when any row is bad (partial: the good rows are). Rows are written
 * in JDBC batches in one transaction, so the nation's history imports in seconds.
 */
@Service
public class HistoricImport {

  public enum Kind { INQUIRIES, DECISIONS }

  /** A bad row: its line in the file (the header is line 1), the field and the rule. */
  public record RowProblem(int line, String field, String rule) {
  }

  public record Result(Kind kind, String fileName, int rows, int imported, Long batchId, List<RowProblem> problems) {
  }

  static final Map<String, String> INQUIRY_COLUMNS = aliases("councilCode", "協議会コード", "receivedOn", "受付日",
      "asker", "相談者", "channel", "経路", "programme", "事業", "outcome", "結果", "companyName", "事業者名",
      "caseNumber", "案件番号", "note", "備考");
  static final Map<String, String> DECISION_COLUMNS = aliases("councilCode", "協議会コード", "caseNumber", "案件番号",
      "decidedOn", "利用申請決定日", "programme", "事業", "companyName", "事業者名", "corporateNumber", "法人番号",
      "agencyCode", "認定支援機関ID");
  static final int MAX_ROWS = 500_000;
  private static final Pattern SLASH_DATE = Pattern.compile("(\\d{4})/(\\d{1,2})/(\\d{1,2})");
  private static final int BATCH = 2_000;

  private final JdbcTemplate jdbc;
  private final Clock clock;

  HistoricImport(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * @param councils the councils whose rows this caller may import (null: any)
   * @throws InvalidInputException with every bad row (field {@code row N: field}) when not partial and any row is bad
   */
  @Transactional
  public Result run(Kind kind, String fileName, byte[] content, boolean partial, Set<String> councils, String userId) {
    List<Map<String, Object>> rows = RegisterFile.read(fileName, content,
        kind == Kind.INQUIRIES ? INQUIRY_COLUMNS : DECISION_COLUMNS);
    if (rows.size() > MAX_ROWS) {
      throw InvalidInputException.of("file", "一度に取り込めるのは " + MAX_ROWS + " 行までです");
    }
    List<RowProblem> problems = new ArrayList<>();
    List<Object[]> good = new ArrayList<>(rows.size());
    Set<String> seen = new HashSet<>();
    Set<String> existing = kind == Kind.DECISIONS ? existingDecisions() : Set.of();
    LocalDate today = LocalDate.now(clock);
    for (int i = 0; i < rows.size(); i++) {
      int line = i + 2;
      FormValues form = new FormValues(normalised(rows.get(i)));
      Object[] values = kind == Kind.INQUIRIES ? inquiry(form, today) : decision(form, today);
      String council = (String) values[0];
      if (council != null && councils != null && !councils.contains(council)) {
        form.problem("councilCode", "他の協議会の行は取り込めません");
      }
      if (kind == Kind.DECISIONS && council != null && values[1] != null) {
        String key = council + "/" + values[1];
        if (!seen.add(key)) {
          form.problem("caseNumber", "ファイル内で案件番号が重複しています");
        } else if (existing.contains(key)) {
          form.problem("caseNumber", "この案件番号は取込済みです");
        }
      }
      try {
        form.validate();
        good.add(values);
      } catch (InvalidInputException e) {
        e.problems().forEach(p -> problems.add(new RowProblem(line, p.field(), p.rule())));
      }
    }
    if (!problems.isEmpty() && !partial) {
      throw new InvalidInputException(problems.stream()
          .map(p -> new FieldProblem(p.line() + "行目: " + p.field(), p.rule())).toList());
    }
    Long batch = good.isEmpty() ? null : write(kind, fileName, good, userId);
    return new Result(kind, fileName, rows.size(), good.size(), batch, problems);
  }

  /** [councilCode, receivedOn, asker, channel, programme, outcome, companyName, note, caseNumber] */
  private static Object[] inquiry(FormValues form, LocalDate today) {
    InquiryInput in = InquiryInput.read(form, today);
    String caseNumber = form.optionalName("caseNumber", 20);
    return new Object[] {in.councilCode(), in.receivedOn(), name(in.asker()), name(in.channel()), name(in.programme()),
        name(in.outcome()), in.companyName(), in.note(), caseNumber};
  }

  /** [councilCode, caseNumber, decidedOn, programme, companyName, corporateNumber, agencyCode] */
  private static Object[] decision(FormValues form, LocalDate today) {
    String council = form.requiredPattern("councilCode", CouncilService.CODE, "都道府県コード（01〜47）で指定してください");
    String caseNumber = form.requiredName("caseNumber", 30);
    LocalDate decided = form.requiredPastDate("decidedOn", today);
    if (decided != null && decided.isBefore(InquiryService.FIRST_DAY)) {
      form.problem("decidedOn", InquiryService.FIRST_DAY + " 以降の日付にしてください");
    }
    Programme programme = form.requiredEnum("programme", Programme.class);
    String company = form.optionalName("companyName", 200);
    String corporate = form.optionalText("corporateNumber", 13);
    if (corporate != null && !CorporateNumber.isValid(corporate)) {
      form.problem("corporateNumber", "法人番号は13桁の数字で、先頭のチェックデジットが正しい必要があります");
    }
    String agency = form.optionalPattern("agencyCode", AgencyService.AGENCY_CODE, "認定支援機関IDは6〜12桁の数字です");
    return new Object[] {council, caseNumber, decided, name(programme), company, corporate, agency};
  }

  private long write(Kind kind, String fileName, List<Object[]> rows, String userId) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(c -> {
      PreparedStatement ps = c.prepareStatement("INSERT INTO import_batch (kind, file_name, row_count, imported_by, "
          + "imported_at) VALUES (?, ?, ?, ?, ?)", new String[] {"id"});
      ps.setString(1, kind.name());
      ps.setString(2, fileName == null ? "register" : fileName.length() > 255 ? fileName.substring(0, 255) : fileName);
      ps.setInt(3, rows.size());
      ps.setString(4, userId);
      ps.setTimestamp(5, Timestamp.from(clock.instant()));
      return ps;
    }, key);
    long batch = key.getKey().longValue();
    Timestamp now = Timestamp.from(clock.instant());
    for (int from = 0; from < rows.size(); from += BATCH) {
      List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + BATCH));
      if (kind == Kind.INQUIRIES) {
        jdbc.batchUpdate("INSERT INTO inquiry (council_code, received_on, asker, channel, programme, outcome, "
            + "company_name, note, case_number, import_batch_id, recorded_by, recorded_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", chunk.stream().map(r -> new Object[] {r[0],
                Date.valueOf((LocalDate) r[1]), r[2], r[3], r[4], r[5], r[6], r[7], r[8], batch, userId, now}).toList());
      } else {
        jdbc.batchUpdate("INSERT INTO historic_decision (council_code, case_number, decided_on, programme, company_name, "
            + "corporate_number, agency_code, import_batch_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            chunk.stream().map(r -> new Object[] {r[0], r[1], Date.valueOf((LocalDate) r[2]), r[3], r[4], r[5], r[6],
                batch}).toList());
      }
    }
    return batch;
  }

  private Set<String> existingDecisions() {
    Set<String> keys = new HashSet<>();
    jdbc.query("SELECT council_code, case_number FROM historic_decision", rs -> {
      keys.add(rs.getString(1) + "/" + rs.getString(2));
    });
    return keys;
  }

  /** Registers write 2024/9/30 and 1 for 01; labels (事業者, 電話, …) stand for their codes. */
  private static Map<String, Object> normalised(Map<String, Object> row) {
    Map<String, Object> values = new HashMap<>(row);
    values.computeIfPresent("councilCode", (k, v) -> v instanceof String s && s.strip().matches("\\d") ? "0" + s.strip() : v);
    for (String date : List.of("receivedOn", "decidedOn")) {
      values.computeIfPresent(date, (k, v) -> {
        if (v instanceof String s) {
          var m = SLASH_DATE.matcher(s.strip());
          return m.matches() ? String.format("%s-%02d-%02d", m.group(1), Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3))) : s;
        }
        return v instanceof LocalDate d ? d.toString() : v;
      });
    }
    byLabel(values, "asker", Asker.values());
    byLabel(values, "channel", Channel.values());
    byLabel(values, "outcome", Outcome.values());
    byLabel(values, "programme", Programme.values());
    return values;
  }

  private static <E extends Enum<E> & Labelled> void byLabel(Map<String, Object> values, String field, E[] choices) {
    values.computeIfPresent(field, (k, v) -> Arrays.stream(choices).filter(c -> c.label().equals(String.valueOf(v).strip()))
        .findFirst().<Object>map(Enum::name).orElse(v));
  }

  private static String name(Enum<?> value) {
    return value == null ? null : value.name();
  }

  private static Map<String, String> aliases(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i]);
      map.put(pairs[i + 1], pairs[i]);
    }
    return map;
  }
}
