package jp.keieikaizen.web;

import java.io.IOException;
import java.security.Principal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.bind.annotation.ResponseBody;

import com.fasterxml.jackson.databind.ObjectMapper;

import jp.keieikaizen.agency.AgencyService;
import jp.keieikaizen.casefile.CaseDocument;
import jp.keieikaizen.casefile.CaseFileService;
import jp.keieikaizen.casefile.CaseNumber;
import jp.keieikaizen.casefile.CaseState;
import jp.keieikaizen.casefile.DocumentChecklist;
import jp.keieikaizen.casefile.CaseWorkflow;
import jp.keieikaizen.casefile.Programme;
import jp.keieikaizen.common.FormValues;
import jp.keieikaizen.common.ForbiddenException;
import jp.keieikaizen.common.InvalidInputException;
import jp.keieikaizen.common.NotFoundException;
import jp.keieikaizen.intake.ApplicationService;
import jp.keieikaizen.process.CaseProcess;
import jp.keieikaizen.security.Caller;

import jakarta.servlet.http.HttpServletResponse;

/**
 * A new application in the workspace (#14): the programme's application form (its start form from forms/) rendered
 * with form-js, the agency and the date filled in, the subsidy previewed as the decision will compute it before
 * anything is stored, the application sent under /api's rules; then the case number, the next step and the
 * application set to upload (the decision's checklist, the 工程表 included when the plan fee needs it).
 */
@Controller
class ApplicationPage {

  private final ApiCaller callers;
  private final CaseWorkflow workflow;
  private final ApplicationService applications;
  private final AgencyService agencies;
  private final TaskDocumentController checklists;
  private final DocumentController documents;
  private final CaseFileService cases;
  private final ObjectMapper json;

  ApplicationPage(ApiCaller callers, CaseWorkflow workflow, ApplicationService applications, AgencyService agencies,
      TaskDocumentController checklists, DocumentController documents, CaseFileService cases, ObjectMapper json) {
    this.documents = documents;
    this.cases = cases;
    this.callers = callers;
    this.workflow = workflow;
    this.applications = applications;
    this.agencies = agencies;
    this.checklists = checklists;
    this.json = json;
  }

  @GetMapping("/app/applications/new")
  String newApplication(@RequestParam(defaultValue = "EARLY_PLAN") String programme, Model model, Principal user) {
    Caller caller = mayApply(user);
    Programme p = programme(programme);
    model.addAttribute("caller", caller);
    model.addAttribute("programme", p);
    model.addAttribute("otherProgrammes", java.util.stream.Stream.of(Programme.EARLY_PLAN, Programme.PLAN_405)
        .filter(other -> other != p).toList());
    return "apply";
  }

  /** The application form and the values it opens with: the caller's agency, today (JST), a coordinator's council. */
  @GetMapping(path = "/app/applications/form", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  Map<String, Object> form(@RequestParam(defaultValue = "EARLY_PLAN") String programme, Principal user)
      throws IOException {
    Caller caller = mayApply(user);
    String schema = workflow.startForm(programme(programme)).orElseThrow(() -> new NotFoundException("申請フォームがありません"));
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("applicationDate", LocalDate.now(ZoneId.of("Asia/Tokyo")).toString());
    if (caller.agencyId() != null) {
      values.put("agencyCode", agencies.get(caller.agencyId()).agencyCode());
    }
    if (caller.coordinatorOf().size() == 1) {
      values.put("councilCode", caller.coordinatorOf().iterator().next());
    }
    return Map.of("schema", json.readTree(schema), "values", values);
  }

  /**
   * What the values would give, per agency and cost category, and what the eligibility check will say of the fees
   * (ceilings, the 405 monitoring share and size class, the 工程表); nothing is stored.
   */
  @PostMapping(path = "/app/applications/preview", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  Map<String, Object> preview(@RequestBody Map<String, Object> draft, Principal user) {
    mayApply(user);
    var preview = applications.previewWithFindings(new FormValues(draft));
    List<Map<String, Object>> lines = preview.lines().stream().map(line -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("agencyName", agencies.findByCode(line.agencyCode()).map(a -> a.name()).orElse(line.agencyCode()));
      row.put("categoryLabel", line.category().label());
      row.put("quotedGrossYen", line.quotedGrossYen());
      row.put("eligibleFeeYen", line.eligibleFeeYen());
      row.put("capYen", line.capYen());
      row.put("subsidyYen", line.subsidyYen());
      row.put("companyShareYen", line.companyShareYen());
      return row;
    }).toList();
    return Map.of("lines", lines, "findings", preview.findings());
  }

  /** The application, under /api's rules (400 per field); the answer leads to the case's application set. */
  @PostMapping(path = "/app/applications", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  Map<String, Object> apply(@RequestParam(defaultValue = "EARLY_PLAN") String programme,
      @RequestBody Map<String, Object> application, Principal user) {
    mayApply(user);
    CaseNumber number = callers.startCase(programme(programme), application, user);
    return Map.of("caseNumber", number.value(), "location", "/app/cases/" + number.value() + "/application");
  }

  /**
   * After applying: the case number, the next step and the application set to upload — the decision's checklist,
   * read from the case (the decision task may not exist yet while the automatic check runs).
   */
  @GetMapping("/app/cases/{caseNumber}/application")
  String applied(@PathVariable String caseNumber, Model model, Principal user) {
    Caller caller = callers.of(user);
    CaseNumber number = callers.visible(caseNumber, user);
    CaseState state = cases.get(number).state();
    model.addAttribute("caller", caller);
    model.addAttribute("caseNumber", number.value());
    // the decision's checklist, read from the case: the task itself may not exist yet while the automatic check runs
    var decision = new DocumentChecklist.TaskContext(null, CaseProcess.Tasks.DECIDE_APPLICATION, "利用申請の決定", number,
        Map.of(), java.time.Instant.now());
    boolean undecided = state == CaseState.APPLIED || state == CaseState.RETURNED;
    model.addAttribute("documents", undecided ? checklists.view(decision) : null);
    return "applied";
  }

  /** One document of the application set, filed from the page after applying; a refusal comes back to it. */
  @PostMapping("/app/cases/{caseNumber}/application/documents")
  String upload(@PathVariable String caseNumber, @RequestParam Map<String, String> form,
      @RequestPart(name = "file", required = false) List<MultipartFile> file, Principal user, RedirectAttributes redirect)
      throws IOException {
    CaseNumber number = callers.workable(caseNumber, user);
    try {
      List<MultipartFile> files = file == null ? List.of() : file.stream().filter(f -> !f.isEmpty()).toList();
      if (files.isEmpty()) {
        throw InvalidInputException.of("file", "登録するファイルを選んでください");
      }
      List<CaseDocument> saved = documents.storeAll(number, form.get("type"), form.get("step"), form.get("subject"),
          form.get("issuedOn"), files, user);
      redirect.addFlashAttribute("saved", DocumentController.savedText(saved));
    } catch (InvalidInputException e) {
      redirect.addFlashAttribute("problems", e.problems());
    }
    return "redirect:/app/cases/" + number.value() + "/application";
  }

  private Caller mayApply(Principal user) {
    Caller caller = callers.of(user);
    if (!caller.admin() && !caller.isAgency() && caller.coordinatorOf().isEmpty()) {
      throw new ForbiddenException("利用申請を登録できるのは認定支援機関と協議会のコーディネーターです");
    }
    return caller;
  }

  private static Programme programme(String value) {
    try {
      Programme p = Programme.valueOf(value);
      return p == Programme.PLAN_405_GL ? Programme.PLAN_405 : p;
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of("programme", "事業を選択肢から指定してください");
    }
  }

  @ExceptionHandler({NotFoundException.class, ForbiddenException.class})
  void refused(RuntimeException e, HttpServletResponse response) throws IOException {
    response.sendError(e instanceof NotFoundException ? 404 : 403);
  }
}
