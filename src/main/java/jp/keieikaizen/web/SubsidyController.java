package jp.keieikaizen.web;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jp.keieikaizen.common.InvalidInputException;
import jp.keieikaizen.common.FormValues;
import jp.keieikaizen.intake.ApplicationService;
import jp.keieikaizen.intake.ApplicationService.PreviewLine;
import jp.keieikaizen.subsidy.BudgetService;
import jp.keieikaizen.subsidy.BudgetService.CouncilBudget;
import jp.keieikaizen.subsidy.ClaimService;
import jp.keieikaizen.subsidy.SubsidyLine;

/** Subsidy figures: a case's breakdown, a draft application's preview, and the budget per council and fiscal year. */
@RestController
@RequestMapping("/api")
class SubsidyController {

  private final ClaimService claims;
  private final ApplicationService applications;
  private final BudgetService budget;
  private final ApiCaller callers;

  SubsidyController(ClaimService claims, ApplicationService applications, BudgetService budget, ApiCaller callers) {
    this.claims = claims;
    this.applications = applications;
    this.budget = budget;
    this.callers = callers;
  }

  @GetMapping("/cases/{caseNumber}/subsidy")
  List<SubsidyLine> breakdown(@PathVariable String caseNumber, java.security.Principal user) {
    return claims.breakdown(callers.visible(caseNumber, user));
  }

  /** The application form's fields (as for POST /api/early-plan or /api/405 applications); nothing is stored. */
  @PostMapping("/subsidy/preview")
  List<PreviewLine> preview(@RequestBody Map<String, Object> draft) {
    return applications.preview(new FormValues(draft));
  }

  /** National managers and administrators see every council; a council's staff their own; agencies none (403). */
  @GetMapping("/budget/{fiscalYear}")
  List<CouncilBudget> budget(@PathVariable int fiscalYear, java.security.Principal user) {
    java.util.Set<String> scope = callers.access().figuresScope(callers.of(user));
    if (fiscalYear < 2013 || fiscalYear > 2100) {
      throw InvalidInputException.of("fiscalYear", "年度は2013〜2100の西暦で指定してください");
    }
    return budget.fiscalYear(fiscalYear).stream().filter(b -> scope == null || scope.contains(b.councilCode())).toList();
  }
}
