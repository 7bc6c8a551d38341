package jp.keieikaizen.report;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jp.keieikaizen.casefile.CaseState;
import jp.keieikaizen.casefile.CaseWorkflow;
import jp.keieikaizen.casefile.OpenTask;
import jp.keieikaizen.casefile.StageTime;
import jp.keieikaizen.common.InvalidInputException;
import jp.keieikaizen.subsidy.BudgetService;

/**
 * The managers' dashboard (a council's staff see their own council): the pipeline by stage and council, overdue tasks,
 * time per stage, subsidy committed, claimed and paid against each council's budget for the fiscal year, and
 * monitoring rounds due within 30 days and overdue. Every figure carries what it counts, so the page links it to the
 * cases behind it.
 */
@Service
@Transactional(readOnly = true)
public class DashboardService {

  public record PipelineRow(String councilCode, String councilName, Map<String, Long> byState, long total) {
  }

  public record BudgetRow(String councilCode, String councilName, long budgetYen, long committedYen, long claimedYen,
      long paidYen) {
  }

  public record Round(String caseNumber, String councilCode, int roundNo, String roundKind, LocalDate dueDate) {
  }

  public record Dashboard(LocalDate today, int fiscalYear, String fiscalYearLabel, List<String> states,
      Map<String, String> stateLabels, List<PipelineRow> pipeline, Map<String, Long> pipelineTotals,
      List<OpenTask> overdueTasks, List<StageTime> stageTimes, List<BudgetRow> budget, List<Round> monitoringDue,
      List<Round> monitoringOverdue, Ageing ageing) {
  }

  /**
   * Open applications (申請受付 and 差戻し中: not yet decided) by days since their application date, per council, with
   * the oldest ones. The buckets are {@link #AGE_BUCKETS}.
   */
  public record Ageing(List<String> buckets, List<AgeingRow> rows, List<Long> totals, List<OldApplication> oldest) {
  }

  public record AgeingRow(String councilCode, String councilName, List<Long> counts) {
  }

  public record OldApplication(String caseNumber, String councilCode, String stateLabel, LocalDate applicationDate,
      long days) {
  }

  /** The upper bounds (days since the application, inclusive) of all but the last bucket. */
  static final int[] AGE_LIMITS = { 14, 30, 60 };
  static final List<String> AGE_BUCKETS = List.of("14日以内", "15〜30日", "31〜60日", "61日以上");
  static final List<CaseState> UNDECIDED = List.of(CaseState.APPLIED, CaseState.RETURNED);

  static final int DUE_WINDOW_DAYS = 30;

  private final JdbcTemplate jdbc;
  private final CaseWorkflow workflow;
  private final BudgetService budgets;
  private final Clock clock;

  DashboardService(JdbcTemplate jdbc, CaseWorkflow workflow, BudgetService budgets, Clock clock) {
    this.jdbc = jdbc;
    this.workflow = workflow;
    this.budgets = budgets;
    this.clock = clock;
  }

  /** @param councils the councils shown (null: all) */
  public Dashboard dashboard(Set<String> councils, int fiscalYear) {
    LocalDate today = LocalDate.now(clock);
    Map<String, String> names = new java.util.LinkedHashMap<>();
    jdbc.query("SELECT prefecture_code, name FROM council ORDER BY prefecture_code", rs -> {
      if (councils == null || councils.contains(rs.getString(1))) {
        names.put(rs.getString(1), rs.getString(2));
      }
    });
    Map<String, Map<String, Long>> counts = new HashMap<>();
    jdbc.query("SELECT council_code, state, COUNT(*) FROM case_file GROUP BY council_code, state", rs -> {
      counts.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getLong(3));
    });
    List<String> states = java.util.Arrays.stream(CaseState.values()).map(Enum::name).toList();
    Map<String, String> labels = new java.util.LinkedHashMap<>();
    for (CaseState s : CaseState.values()) {
      labels.put(s.name(), s.label());
    }
    List<PipelineRow> pipeline = new ArrayList<>();
    Map<String, Long> totals = new java.util.LinkedHashMap<>();
    states.forEach(s -> totals.put(s, 0L));
    names.forEach((code, name) -> {
      Map<String, Long> byState = new java.util.LinkedHashMap<>();
      states.forEach(s -> byState.put(s, counts.getOrDefault(code, Map.of()).getOrDefault(s, 0L)));
      byState.forEach((s, n) -> totals.merge(s, n, Long::sum));
      pipeline.add(new PipelineRow(code, name, byState, byState.values().stream().mapToLong(Long::longValue).sum()));
    });
    Map<String, Long> allotted = new HashMap<>();
    jdbc.query("SELECT council_code, budget_yen FROM council_budget WHERE fiscal_year = ?",
        rs -> {
          allotted.put(rs.getString(1), rs.getLong(2));
        }, fiscalYear);
    List<BudgetRow> budget = budgets.fiscalYear(fiscalYear).stream().filter(b -> names.containsKey(b.councilCode()))
        .map(b -> new BudgetRow(b.councilCode(), b.councilName(), allotted.getOrDefault(b.councilCode(), 0L),
            b.committedYen(), b.claimedYen(), b.paidYen())).toList();
    List<Round> due = rounds("m.due_date >= ? AND m.due_date <= ?", councils, today, today.plusDays(DUE_WINDOW_DAYS));
    List<Round> overdue = rounds("m.due_date < ?", councils, today);
    return new Dashboard(today, fiscalYear, FiscalQuarter.fiscalYearLabel(fiscalYear), states, labels, pipeline, totals,
        workflow.overdueTasks(councils, 200), workflow.stageTimes(councils, 5_000), budget, due, overdue,
        ageing(names, today));
  }

  /** Undecided applications by age, for the councils shown (their names, in order), counted in the database. */
  private Ageing ageing(Map<String, String> names, LocalDate today) {
    StringBuilder buckets = new StringBuilder();
    List<Object> args = new ArrayList<>();
    for (int limit : AGE_LIMITS) {
      buckets.append("SUM(CASE WHEN application_date >= ? THEN 1 ELSE 0 END), ");
      args.add(java.sql.Date.valueOf(today.minusDays(limit)));
    }
    String undecided = String.join(",", UNDECIDED.stream().map(s -> "'" + s.name() + "'").toList());
    Map<String, long[]> cumulative = new HashMap<>();
    jdbc.query("SELECT council_code, " + buckets + "COUNT(*) FROM case_file WHERE state IN (" + undecided
        + ") GROUP BY council_code", rs -> {
          long[] within = new long[AGE_LIMITS.length + 1];
          for (int i = 0; i <= AGE_LIMITS.length; i++) {
            within[i] = rs.getLong(i + 2);
          }
          cumulative.put(rs.getString(1), within);
        }, args.toArray());
    List<AgeingRow> rows = new ArrayList<>();
    long[] totals = new long[AGE_BUCKETS.size()];
    names.forEach((code, name) -> {
      long[] within = cumulative.get(code);
      if (within == null || within[AGE_LIMITS.length] == 0) {
        return;
      }
      List<Long> counts = new ArrayList<>();
      for (int i = 0; i < AGE_BUCKETS.size(); i++) {
        long count = within[i] - (i == 0 ? 0 : within[i - 1]); // within[i] counts those up to limit i, the last all
        counts.add(count);
        totals[i] += count;
      }
      rows.add(new AgeingRow(code, name, counts));
    });
    List<OldApplication> oldest = names.isEmpty() ? List.of() : jdbc.query("SELECT case_number, council_code, state, "
        + "application_date FROM case_file WHERE state IN (" + undecided + ") AND council_code IN ("
        + String.join(",", names.keySet().stream().map(c -> "?").toList()) + ") ORDER BY application_date, case_number LIMIT 10",
        (rs, i) -> {
          LocalDate applied = rs.getDate(4).toLocalDate();
          return new OldApplication(rs.getString(1), rs.getString(2), CaseState.valueOf(rs.getString(3)).label(), applied,
              java.time.temporal.ChronoUnit.DAYS.between(applied, today));
        }, names.keySet().toArray());
    return new Ageing(AGE_BUCKETS, rows, java.util.Arrays.stream(totals).boxed().toList(), oldest);
  }

  /** Sets a council's budget for a fiscal year (national office). */
  @Transactional
  public void setBudget(String councilCode, int fiscalYear, long budgetYen, String userId) {
    if (budgetYen < 0 || budgetYen > 100_000_000_000L) {
      throw InvalidInputException.of("budgetYen", "予算額は0〜1000億円の整数（円）で入力してください");
    }
    int updated = jdbc.update("""
        INSERT INTO council_budget (council_code, fiscal_year, budget_yen, updated_by, updated_at)
        SELECT prefecture_code, ?, ?, ?, ? FROM council WHERE prefecture_code = ?
        ON DUPLICATE KEY UPDATE budget_yen = VALUES(budget_yen), updated_by = VALUES(updated_by),
          updated_at = VALUES(updated_at)""", fiscalYear, budgetYen, userId, Timestamp.from(clock.instant()), councilCode);
    if (updated == 0) {
      throw InvalidInputException.of("councilCode", "登録されていない協議会です");
    }
  }

  private List<Round> rounds(String condition, Set<String> councils, Object... dates) {
    if (councils != null && councils.isEmpty()) {
      return List.of();
    }
    List<Object> args = new ArrayList<>(List.of(dates));
    String scope = "";
    if (councils != null) {
      scope = " AND c.council_code IN (" + String.join(",", councils.stream().map(c -> "?").toList()) + ")";
      args.addAll(councils);
    }
    return jdbc.query("""
        SELECT c.case_number, c.council_code, m.round_no, m.round_kind, m.due_date FROM monitoring_report m
        JOIN case_file c ON c.id = m.case_id
        WHERE m.submitted_on IS NULL AND c.ended_on IS NULL""" + " AND " + condition + scope
        + " ORDER BY m.due_date, c.case_number LIMIT 500", (rs, i) -> new Round(rs.getString(1), rs.getString(2),
            rs.getInt(3), rs.getString(4), rs.getDate(5).toLocalDate()), args.toArray());
  }
}
