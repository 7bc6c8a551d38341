package jp.keieikaizen.intake;

import static jp.keieikaizen.intake.ApplicationFields.*;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import jp.keieikaizen.casefile.CaseFile;
import jp.keieikaizen.casefile.CaseFileService;
import jp.keieikaizen.casefile.CaseState;
import jp.keieikaizen.casefile.TaskFormHandler;
import jp.keieikaizen.common.FormValues;
import jp.keieikaizen.company.CompanyService;

/** Task correctApplication (agency): re-enter the quote (and restate size figures) and resubmit, or withdraw. */
@Component
@Transactional
class CorrectApplicationHandler implements TaskFormHandler {

  enum Action { RESUBMIT, WITHDRAW }

  private final CaseFileService cases;
  private final CompanyService companies;

  CorrectApplicationHandler(CaseFileService cases, CompanyService companies) {
    this.cases = cases;
    this.companies = companies;
  }

  @Override
  public String taskKey() {
    return "correctApplication";
  }

  @Override
  public List<String> fields() {
    return CORRECTION;
  }

  @Override
  public Map<String, Object> complete(TaskInput input) {
    FormValues form = input.form();
    Action action = form.requiredEnum(CORRECTION_ACTION, Action.class);
    String note = form.requiredText(CORRECTION_NOTE, 2000);
    if (action == Action.WITHDRAW) {
      form.validate();
      cases.end(input.caseNumber(), CaseState.WITHDRAWN, input.userId(), note);
      return Map.of(CORRECTION_ACTION, action.name());
    }
    EarlyPlanQuote quote = EarlyPlanQuote.read(form);
    Long capital = form.optionalLong(CAPITAL_YEN, 0, 10_000_000_000_000L);
    Long employees = form.optionalLong(EMPLOYEES, 0, 1_000_000);
    form.validate();
    CaseFile file = cases.get(input.caseNumber());
    ApplicationService.setQuote(file, quote);
    file.resubmit(quote.interim(), quote.intervalMonths());
    companies.get(file.companyId()).correctSize(capital, employees == null ? null : employees.intValue());
    cases.recordEvent(file.number(), "RESUBMITTED", input.userId(), note);
    return Map.of(CORRECTION_ACTION, action.name(), INTERIM_MONITORING, quote.interim());
  }
}
