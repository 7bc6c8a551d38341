package jp.keieikaizen.web;

import java.security.Principal;
import java.time.LocalDate;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import jp.keieikaizen.casefile.CaseFileService;
import jp.keieikaizen.casefile.CaseNumber;
import jp.keieikaizen.casefile.CaseSearch;
import jp.keieikaizen.casefile.CaseState;
import jp.keieikaizen.casefile.Programme;
import jp.keieikaizen.common.ForbiddenException;
import jp.keieikaizen.common.InvalidInputException;
import jp.keieikaizen.common.NotFoundException;
import jp.keieikaizen.report.DashboardService;
import jp.keieikaizen.report.FiscalQuarter;
import jp.keieikaizen.report.StatisticsService;
import jp.keieikaizen.security.CaseAccess;
import jp.keieikaizen.security.Caller;

/**
 * The application's own pages (login with the engine's users, session, CSRF): the statistics table (its downloads are
 * {@link StatisticsController}'s), the dashboard, and the case list and case summary its figures link to. Templates escape every
 * value they print.
 */
@Controller
class PageController {

  private final ApiCaller callers;
  private final StatisticsQuery statistics;
  private final DashboardService dashboards;
  private final CaseFileService cases;
  private final CaseViews views;
  private final com.fasterxml.jackson.databind.ObjectMapper json;
  private final jp.keieikaizen.intake.InquiryService inquiries;
  private final jp.keieikaizen.casefile.DocumentService documents;
  private final jp.keieikaizen.council.CouncilService councilList;
  private final Labels labels;

  PageController(ApiCaller callers, StatisticsQuery statistics, DashboardService dashboards, CaseFileService cases,
      CaseViews views, com.fasterxml.jackson.databind.ObjectMapper json, jp.keieikaizen.intake.InquiryService inquiries,
      jp.keieikaizen.casefile.DocumentService documents, jp.keieikaizen.council.CouncilService councilList, Labels labels) {
    this.documents = documents;
    this.councilList = councilList;
    this.labels = labels;
    this.json = json;
    this.inquiries = inquiries;
    this.callers = callers;
    this.statistics = statistics;
    this.dashboards = dashboards;
    this.cases = cases;
    this.views = views;
  }

  @GetMapping("/login")
  String login() {
    return "login";
  }

  @GetMapping("/app/")
  String home(Model model, Principal user) {
    model.addAttribute("caller", callers.of(user));
    return "home";
  }

  @GetMapping("/app/statistics")
  String statistics(@RequestParam(required = false) String asOf, @RequestParam(required = false) String quarter,
      @RequestParam(required = false) String programme, Model model, Principal user) {
    model.addAttribute("caller", callers.of(user));
    model.addAttribute("programmes", Programme.values());
    try {
      StatisticsService.Table table = statistics.table(asOf, quarter, programme, user);
      model.addAttribute("table", table);
      model.addAttribute("query", "asOf=" + table.asOf() + "&quarter=" + table.quarter()
          + (table.programme() == null ? "" : "&programme=" + table.programme()));
      model.addAttribute("quarters", quarters(table.asOf()));
    } catch (InvalidInputException e) {
      model.addAttribute("problems", e.problems());
      model.addAttribute("quarters", quarters(LocalDate.now(ZoneId.of("Asia/Tokyo"))));
    }
    model.addAttribute("asOf", asOf);
    model.addAttribute("quarter", quarter);
    model.addAttribute("programme", programme);
    return "statistics";
  }

  @GetMapping("/app/dashboard")
  String dashboard(@RequestParam(required = false) Integer fiscalYear, Model model, Principal user) {
    Caller caller = callers.of(user);
    Set<String> scope = callers.access().figuresScope(caller);
    int fy = fiscalYear == null ? FiscalQuarter.of(LocalDate.now(ZoneId.of("Asia/Tokyo"))).fiscalYear() : fiscalYear;
    if (fy < 2013 || fy > 2100) {
      throw InvalidInputException.of("fiscalYear", "年度は2013〜2100の西暦で指定してください");
    }
    DashboardService.Dashboard dashboard = dashboards.dashboard(scope, fy);
    model.addAttribute("caller", caller);
    model.addAttribute("dashboard", dashboard);
    model.addAttribute("fiscalYear", fy);
    model.addAttribute("councils", caller.national() ? councilList.all() : List.of());
    try {
      model.addAttribute("dashboardJson", json.writeValueAsString(dashboard));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return "dashboard";
  }

  /** A council's budget for a fiscal year, set from the dashboard by national managers and administrators. */
  @org.springframework.web.bind.annotation.PostMapping("/app/dashboard/budget")
  String setBudget(@RequestParam Map<String, String> form, Principal user,
      org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
    if (!callers.of(user).national()) {
      throw new ForbiddenException("予算を設定できるのは全国本部と管理者です");
    }
    Map<String, Object> values = new java.util.HashMap<>(form);
    values.remove("_csrf");
    values.values().removeIf(v -> v instanceof String text && text.isBlank());
    if (values.get("budgetYen") instanceof String yen) {
      values.put("budgetYen", yen.replace(",", "").replace("，", "").strip());
    }
    jp.keieikaizen.common.FormValues input = new jp.keieikaizen.common.FormValues(values);
    Integer fiscalYear = input.requiredInt("fiscalYear", 2013, 2100);
    Object council = values.get("councilCode");
    if (!(council instanceof String code) || !jp.keieikaizen.council.CouncilService.CODE.matcher(code).matches()) {
      input.problem("councilCode", "協議会を選んでください");
    }
    Long yen = input.requiredLong("budgetYen", 0, 100_000_000_000L);
    try {
      input.validate();
      dashboards.setBudget((String) council, fiscalYear, yen, user.getName());
      redirect.addFlashAttribute("budgetSaved", labels.council((String) council) + " の" + fiscalYear + "年度予算を "
          + String.format("%,d", yen) + "円にしました。");
    } catch (InvalidInputException e) {
      redirect.addFlashAttribute("budgetProblems", e.problems());
    }
    return "redirect:/app/dashboard" + (fiscalYear == null ? "" : "?fiscalYear=" + fiscalYear);
  }

  /**
   * The case list, within what the caller may see (an agency: its own cases): search by case number or company (name
   * or 法人番号), filters by state, programme and council, newest first, 50 a page; the same list as CSV.
   */
  @GetMapping("/app/cases")
  String cases(@RequestParam(required = false) String q, @RequestParam(required = false) String council,
      @RequestParam(required = false) String state, @RequestParam(required = false) String programme,
      @RequestParam(defaultValue = "0") int page, Model model, Principal user) {
    Caller caller = callers.of(user);
    CaseSearch search = search(caller, q, council, state, programme, Math.max(0, Math.min(page, 100_000)), 50);
    model.addAttribute("caller", caller);
    model.addAttribute("page", cases.search(search));
    model.addAttribute("q", q == null ? "" : q.strip());
    model.addAttribute("council", search.councilCode() == null ? "" : search.councilCode());
    model.addAttribute("state", search.state() == null ? "" : search.state().name());
    model.addAttribute("programme", search.programme() == null ? "" : search.programme().name());
    model.addAttribute("states", CaseState.values());
    model.addAttribute("programmes", Programme.values());
    model.addAttribute("councils", caller.national() ? councilList.all() : List.of());
    return "cases";
  }

  /** The same list as CSV (UTF-8 with BOM, so that Excel reads it), up to 10,000 cases. */
  @GetMapping(path = "/app/cases.csv", produces = "text/csv")
  ResponseEntity<byte[]> casesCsv(@RequestParam(required = false) String q, @RequestParam(required = false) String council,
      @RequestParam(required = false) String state, @RequestParam(required = false) String programme, Principal user) {
    Caller caller = callers.of(user);
    StringBuilder csv = new StringBuilder("\uFEFF案件番号,事業,協議会,事業者,法人番号,状態,申請日,利用申請決定日\r\n");
    for (int p = 0; p < 100; p++) {
      var found = cases.search(search(caller, q, council, state, programme, p, CaseSearch.MAX_SIZE));
      for (var c : found.items()) {
        csv.append(String.join(",", List.of(c.caseNumber(), cell(c.programmeLabel()), cell(labels.council(c.councilCode())),
            cell(c.companyName()), cell(c.corporateNumber()), cell(c.stateLabel()), cell(c.applicationDate()),
            cell(c.decisionDate())))).append("\r\n");
      }
      if ((long) (p + 1) * CaseSearch.MAX_SIZE >= found.total()) {
        break;
      }
    }
    return ResponseEntity.ok().contentType(new org.springframework.http.MediaType("text", "csv", StandardCharsets.UTF_8))
        .header("Content-Disposition", "attachment; filename=\"cases.csv\"")
        .body(csv.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** A CSV cell: quoted when it holds a comma, quote or line break; a leading =, +, - or @ is made text for Excel. */
  private static String cell(Object value) {
    String text = value == null ? "" : value.toString();
    if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    return text.matches("[^,\"\r\n]*") ? text : "\"" + text.replace("\"", "\"\"") + "\"";
  }

  private CaseSearch search(Caller caller, String q, String council, String state, String programme, int page, int size) {
    CaseAccess.Scope scope = callers.access().listScope(caller);
    CaseState s = state == null || state.isBlank() ? null : CaseState.valueOf(state);
    Programme p = programme == null || programme.isBlank() ? null : Programme.valueOf(programme);
    String c = council == null || council.isBlank() ? null : council;
    if (c != null && !jp.keieikaizen.council.CouncilService.CODE.matcher(c).matches()) {
      throw InvalidInputException.of("council", "都道府県コード（01〜47）で指定してください");
    }
    String text = q == null ? "" : q.strip();
    if (text.length() > 100) {
      throw InvalidInputException.of("q", "検索語は100文字以内で指定してください");
    }
    boolean number = !text.isEmpty() && CaseController.CASE_NUMBER_PREFIX.matcher(text).matches() && text.contains("-");
    return new CaseSearch(scope.councils(), scope.agencyId(), number ? text : null,
        text.isEmpty() || number ? null : text, p, s, c, page, size);
  }

  @GetMapping("/app/cases/{caseNumber}")
  String caseSummary(@PathVariable String caseNumber, Model model, Principal user) {
    model.addAttribute("caller", callers.of(user));
    CaseNumber number = callers.visible(caseNumber, user);
    model.addAttribute("view", views.view(number));
    model.addAttribute("documents", documents.list(number).stream().map(DocumentController.DocumentInfo::of).toList());
    model.addAttribute("audit", views.audit(number));
    model.addAttribute("categories", java.util.Arrays.stream(jp.keieikaizen.casefile.CostCategory.values())
        .collect(java.util.stream.Collectors.toMap(Enum::name, jp.keieikaizen.casefile.CostCategory::label)));
    model.addAttribute("responses", java.util.Arrays.stream(jp.keieikaizen.lender.LenderResponse.values())
        .collect(java.util.stream.Collectors.toMap(Enum::name, jp.keieikaizen.lender.LenderResponse::label)));
    return "case";
  }

  /** The council's inquiries: the form to record one and the latest recorded. */
  @GetMapping("/app/inquiries")
  String inquiries(Model model, Principal user) {
    Caller caller = callers.of(user);
    Set<String> scope = callers.access().figuresScope(caller);
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
    model.addAttribute("caller", caller);
    model.addAttribute("councilOptions", councilList.all().stream()
        .filter(c -> caller.admin() || caller.coordinatorOf().contains(c.prefectureCode())).toList());
    model.addAttribute("fieldLabels", Map.of("councilCode", "協議会", "receivedOn", "受付日", "asker", "相談者",
        "channel", "経路", "programme", "事業", "outcome", "結果", "companyName", "事業者名", "note", "備考",
        "caseNumber", "案件番号"));
    model.addAttribute("today", today);
    model.addAttribute("askers", jp.keieikaizen.intake.InquiryKinds.Asker.values());
    model.addAttribute("channels", jp.keieikaizen.intake.InquiryKinds.Channel.values());
    model.addAttribute("outcomes", java.util.Arrays.stream(jp.keieikaizen.intake.InquiryKinds.Outcome.values())
        .filter(o -> o != jp.keieikaizen.intake.InquiryKinds.Outcome.APPLIED).toList());
    model.addAttribute("programmes", Programme.values());
    model.addAttribute("recent", inquiries.list(scope, jp.keieikaizen.intake.InquiryService.FIRST_DAY, today, 0, 50));
    return "inquiries";
  }

  @org.springframework.web.bind.annotation.PostMapping("/app/inquiries")
  String recordInquiry(@RequestParam Map<String, String> form, Model model, Principal user,
      org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
    Caller caller = callers.of(user);
    if (!caller.admin() && !caller.coordinatorOf().contains(form.get("councilCode"))) {
      throw new ForbiddenException("問合せを記録できるのはその協議会のコーディネーターです");
    }
    Map<String, Object> values = new java.util.HashMap<>(form);
    values.remove("_csrf");
    values.values().removeIf(v -> v instanceof String str && str.isBlank());
    try {
      var recorded = inquiries.record(new jp.keieikaizen.common.FormValues(values), user.getName());
      redirect.addFlashAttribute("saved", recorded.id());
      return "redirect:/app/inquiries";
    } catch (InvalidInputException e) {
      inquiries(model, user);
      model.addAttribute("problems", e.problems());
      model.addAttribute("entered", form);
      return "inquiries";
    }
  }

  /** Links an inquiry to the case it led to (its council's coordinators); a refusal is shown on the page. */
  @org.springframework.web.bind.annotation.PostMapping("/app/inquiries/{id}/case")
  String linkInquiry(@PathVariable long id, @RequestParam(required = false) String caseNumber, Principal user,
      org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
    Caller caller = callers.of(user);
    var inquiry = inquiries.get(id);
    if (!caller.admin() && !caller.coordinatorOf().contains(inquiry.councilCode())) {
      throw new ForbiddenException("問合せを更新できるのはその協議会のコーディネーターです");
    }
    String number = caseNumber == null ? "" : caseNumber.strip();
    try {
      if (!CaseNumber.FORMAT.matcher(number).matches()) {
        throw InvalidInputException.of("caseNumber", "案件番号（例：13-2026-0001）で入力してください");
      }
      inquiries.linkCase(id, callers.visible(number, user));
      redirect.addFlashAttribute("linked", "問合せ " + id + " を案件 " + number + " に結び付けました。");
    } catch (InvalidInputException e) {
      redirect.addFlashAttribute("problems", e.problems());
    } catch (NotFoundException e) {
      redirect.addFlashAttribute("problems", List.of(new jp.keieikaizen.common.FieldProblem("caseNumber",
          "案件 " + number + " は見つかりません")));
    }
    return "redirect:/app/inquiries";
  }

  /** The quarters offered: from the as-of date's back to the programme's start, newest first. */
  private static java.util.List<FiscalQuarter> quarters(LocalDate asOf) {
    java.util.List<FiscalQuarter> list = new java.util.ArrayList<>();
    for (FiscalQuarter q = FiscalQuarter.of(asOf); q.fiscalYear() >= 2012; q = q.previous()) {
      list.add(q);
    }
    return list;
  }

  @ExceptionHandler({NotFoundException.class, IllegalArgumentException.class})
  ResponseEntity<String> notFound(RuntimeException e) {
    return ResponseEntity.status(404).contentType(org.springframework.http.MediaType.TEXT_PLAIN)
        .body("見つかりません");
  }

  @ExceptionHandler(ForbiddenException.class)
  ResponseEntity<String> forbidden(ForbiddenException e) {
    return ResponseEntity.status(403).contentType(org.springframework.http.MediaType.TEXT_PLAIN).body(e.getMessage());
  }

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<String> invalid(InvalidInputException e) {
    return ResponseEntity.status(400).contentType(org.springframework.http.MediaType.TEXT_PLAIN)
        .body("入力内容に誤りがあります：" + e.getMessage());
  }
}
