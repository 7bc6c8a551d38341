package jp.keieikaizen.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import jp.keieikaizen.casefile.CaseFile;
import jp.keieikaizen.casefile.CaseFileService;
import jp.keieikaizen.casefile.CaseState;
import jp.keieikaizen.casefile.Step;
import jp.keieikaizen.casefile.TaskFormHandler;
import jp.keieikaizen.common.FormValues;
import jp.keieikaizen.subsidy.ClaimService;
import jp.keieikaizen.subsidy.SubsidyRules;
import jp.keieikaizen.subsidy.SubsidyRules.RuleVersion;

/**
 * Task decideApplication (coordinator): accept, return for correction, or reject. Accepting stamps the rule version
 * of the day's fiscal year and sets the plan-claim deadline the lapse timer waits for.
 */
@Component
@Transactional
class DecideApplicationHandler implements TaskFormHandler {

  static final String DECISION = "decision";
  static final String COMMENT = "decisionComment";
  static final String PLAN_CLAIM_DEADLINE = "planClaimDeadline";
  static final String APPLICATION_VALID_UNTIL = "applicationValidUntil";
  static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

  private final CaseFileService cases;
  private final EligibilityService eligibility;
  private final SubsidyRules rules;
  private final ClaimService claims;

  DecideApplicationHandler(CaseFileService cases, EligibilityService eligibility, SubsidyRules rules, ClaimService claims) {
    this.cases = cases;
    this.eligibility = eligibility;
    this.rules = rules;
    this.claims = claims;
  }

  @Override
  public Step step() {
    return Step.DECIDE_APPLICATION;
  }

  @Override
  public List<String> fields() {
    return List.of(DECISION, COMMENT);
  }

  @Override
  public Map<String, Object> complete(TaskInput input) {
    FormValues form = input.form();
    Decision decision = form.requiredEnum(DECISION, Decision.class);
    String comment = form.optionalText(COMMENT, 2000);
    CaseFile file = cases.get(input.caseNumber());
    if (decision != null && decision != Decision.ACCEPT && comment == null) {
      form.problem(COMMENT, "差戻し・不受理の理由を入力してください");
    }
    if (decision == Decision.ACCEPT && !eligibility.check(file.number()).eligible()) {
      // checked again: a document (e.g. the Gantt chart) may have been added since the automatic check
      form.problem(DECISION, "要件確認で不適合の項目があるため受理できません：" + file.eligibilityFindings());
    }
    form.validate();
    cases.recordEvent(file.number(), "DECISION_" + decision, input.userId(), comment);
    switch (decision) {
      case ACCEPT -> {
        return accept(file, decision);
      }
      case RETURN -> file.returnForCorrection();
      case REJECT -> cases.end(file.number(), CaseState.REJECTED, input.userId(), comment);
    }
    return Map.of(DECISION, decision.name());
  }

  /**
   * Stamps the rule version in force today. Early plan: the plan claim is due within its months of the application;
   * 405: the application is valid for its months from today. Either way the timer fires once the last day has passed.
   */
  private Map<String, Object> accept(CaseFile file, Decision decision) {
    RuleVersion version = rules.versionOn(cases.today());
    var programme = version.programme(file.programme());
    if (programme.applicationValidMonths() != null) {
      LocalDate validUntil = cases.today().plusMonths(programme.applicationValidMonths());
      file.accept(cases.today(), version.id(), validUntil);
      file.commitSubsidy(claims.committedSubsidy(file.number()));
      return Map.of(DECISION, decision.name(), APPLICATION_VALID_UNTIL, dayAfter(validUntil));
    }
    file.accept(cases.today(), version.id(), null);
    file.commitSubsidy(claims.committedSubsidy(file.number()));
    LocalDate lastDay = file.applicationDate().plusMonths(programme.planClaimDueMonths());
    return Map.of(DECISION, decision.name(), PLAN_CLAIM_DEADLINE, dayAfter(lastDay));
  }

  static Instant dayAfter(LocalDate lastDay) {
    return lastDay.plusDays(1).atStartOfDay(JAPAN).toInstant();
  }
}
