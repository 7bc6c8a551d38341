package jp.keieikaizen.intake;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import jp.keieikaizen.casefile.CaseFile;
import jp.keieikaizen.casefile.CaseFileService;
import jp.keieikaizen.casefile.CaseState;
import jp.keieikaizen.casefile.TaskFormHandler;
import jp.keieikaizen.common.FormValues;
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

  private final CaseFileService cases;
  private final SubsidyRules rules;

  DecideApplicationHandler(CaseFileService cases, SubsidyRules rules) {
    this.cases = cases;
    this.rules = rules;
  }

  @Override
  public String taskKey() {
    return "decideApplication";
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
    if (decision == Decision.ACCEPT && !Boolean.TRUE.equals(file.eligible())) {
      form.problem(DECISION, "要件確認で不適合の項目があるため受理できません：" + file.eligibilityFindings());
    }
    form.validate();
    cases.recordEvent(file.number(), "DECISION_" + decision, input.userId(), comment);
    switch (decision) {
      case ACCEPT -> {
        RuleVersion version = rules.versionOn(cases.today());
        file.accept(cases.today(), version.id());
        int months = version.programme(file.programme()).planClaimDueMonths();
        // the claim may be filed through the whole last day; the lapse timer fires when that day has passed
        var deadline = file.applicationDate().plusMonths(months).plusDays(1).atStartOfDay(ZoneId.of("Asia/Tokyo"));
        return Map.of(DECISION, decision.name(), PLAN_CLAIM_DEADLINE, deadline.toInstant());
      }
      case RETURN -> file.returnForCorrection();
      case REJECT -> cases.end(file.number(), CaseState.REJECTED, input.userId(), comment);
    }
    return Map.of(DECISION, decision.name());
  }
}
