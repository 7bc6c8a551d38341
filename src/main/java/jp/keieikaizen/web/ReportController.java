package jp.keieikaizen.web;

import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import jp.keieikaizen.common.ForbiddenException;
import jp.keieikaizen.common.FormValues;
import jp.keieikaizen.common.InvalidInputException;
import jp.keieikaizen.intake.Inquiry;
import jp.keieikaizen.intake.InquiryService;
import jp.keieikaizen.report.HistoricImport;
import jp.keieikaizen.security.Caller;

/**
 * Inquiries (問合せ・相談受付), council budgets, and the import of historic registers.
 * National managers and administrators see every council; a council's staff their own; agencies none.
 */
@RestController
@RequestMapping("/api")
class ReportController {

  record InquiryView(long id, String councilCode, LocalDate receivedOn, String asker, String channel, String programme,
      String outcome, String companyName, String note, String caseNumber, boolean imported, String recordedBy) {
    static InquiryView of(Inquiry i) {
      return new InquiryView(i.id(), i.councilCode(), i.receivedOn(), i.asker().name(), i.channel().name(),
          i.programme() == null ? null : i.programme().name(), i.outcome().name(), i.companyName(), i.note(),
          i.caseNumber(), i.imported(), i.recordedBy());
    }
  }

  private final InquiryService inquiries;
  private final HistoricImport imports;
  private final ApiCaller callers;
  private final jp.keieikaizen.report.DashboardService dashboards;

  ReportController(InquiryService inquiries, HistoricImport imports, ApiCaller callers,
      jp.keieikaizen.report.DashboardService dashboards) {
    this.dashboards = dashboards;
    this.inquiries = inquiries;
    this.imports = imports;
    this.callers = callers;
  }

  /** A council's coordinator (or an administrator) records an inquiry of that council. */
  @PostMapping("/inquiries")
  ResponseEntity<InquiryView> record(@RequestBody Map<String, Object> body, Principal user) {
    Caller caller = callers.of(user);
    Object council = body.get("councilCode");
    if (!caller.admin() && !(council instanceof String c && caller.coordinatorOf().contains(c))) {
      throw new ForbiddenException("問合せを記録できるのはその協議会のコーディネーターです");
    }
    Inquiry inquiry = inquiries.record(new FormValues(body), user.getName());
    return ResponseEntity.created(URI.create("/api/inquiries/" + inquiry.id())).body(InquiryView.of(inquiry));
  }

  /** Links an inquiry to the case it became ({caseNumber}). */
  @PostMapping("/inquiries/{id}/case")
  InquiryView link(@PathVariable long id, @RequestBody Map<String, Object> body, Principal user) {
    Caller caller = callers.of(user);
    Inquiry inquiry = inquiries.get(id);
    if (!caller.admin() && !caller.coordinatorOf().contains(inquiry.councilCode())) {
      throw new ForbiddenException("問合せを更新できるのはその協議会のコーディネーターです");
    }
    Object number = body.get("caseNumber");
    return InquiryView.of(inquiries.linkCase(id, callers.visible(number instanceof String s ? s : "", user)));
  }

  @GetMapping("/inquiries")
  List<InquiryView> list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, Principal user) {
    Set<String> scope = callers.access().figuresScope(callers.of(user));
    if (page < 0 || size < 1 || size > 500) {
      throw InvalidInputException.of("size", "page は0以上、size は1〜500で指定してください");
    }
    LocalDate end = to == null ? today() : to;
    return inquiries.list(scope, from == null ? InquiryService.FIRST_DAY : from, end, page, size).stream()
        .map(InquiryView::of).toList();
  }

  /** Sets a council's subsidy budget for a fiscal year ({budgetYen}); national managers and administrators. */
  @org.springframework.web.bind.annotation.PutMapping("/budget/{fiscalYear}/{councilCode}")
  ResponseEntity<Void> setBudget(@PathVariable int fiscalYear, @PathVariable String councilCode,
      @RequestBody Map<String, Object> body, Principal user) {
    if (!callers.of(user).national()) {
      throw new ForbiddenException("予算を設定できるのは全国本部と管理者です");
    }
    if (fiscalYear < 2013 || fiscalYear > 2100) {
      throw InvalidInputException.of("fiscalYear", "年度は2013〜2100の西暦で指定してください");
    }
    FormValues form = new FormValues(body);
    Long yen = form.requiredLong("budgetYen", 0, 100_000_000_000L);
    form.validate();
    dashboards.setBudget(councilCode, fiscalYear, yen, user.getName());
    return ResponseEntity.noContent().build();
  }

  /**
   * Imports a historic register (kind: inquiries or decisions) from CSV or .xlsx. A coordinator imports only their
   * council's rows; by default any bad row refuses the whole file (400 naming each row, field and rule).
   */
  @PostMapping(path = "/imports/{kind}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  HistoricImport.Result importRegister(@PathVariable String kind, @RequestPart("file") MultipartFile file,
      @RequestParam(defaultValue = "false") boolean partial, Principal user) throws IOException {
    Caller caller = callers.of(user);
    if (!caller.admin() && caller.coordinatorOf().isEmpty()) {
      throw new ForbiddenException("取込ができるのは協議会のコーディネーターと管理者です");
    }
    HistoricImport.Kind k = switch (kind) {
      case "inquiries" -> HistoricImport.Kind.INQUIRIES;
      case "decisions" -> HistoricImport.Kind.DECISIONS;
      default -> throw InvalidInputException.of("kind", "inquiries または decisions を指定してください");
    };
    return imports.run(k, file.getOriginalFilename(), file.getBytes(), partial,
        caller.admin() ? null : caller.coordinatorOf(), user.getName());
  }

  private static LocalDate today() {
    return LocalDate.now(ZoneId.of("Asia/Tokyo"));
  }

  static ResponseEntity<byte[]> file(byte[] content, String type, String name) {
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name, java.nio.charset.StandardCharsets.UTF_8).build().toString())
        .body(content);
  }
}
