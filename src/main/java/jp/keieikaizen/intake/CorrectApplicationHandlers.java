package jp.keieikaizen.intake;

import static jp.keieikaizen.intake.ApplicationFields.*;

import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jp.keieikaizen.casefile.CaseFile;
import jp.keieikaizen.casefile.CaseFileService;
import jp.keieikaizen.casefile.CaseState;
import jp.keieikaizen.casefile.Step;
import jp.keieikaizen.casefile.TaskFormHandler;
import jp.keieikaizen.casefile.TaskFormHandler.TaskInput;
import jp.keieikaizen.common.FormValues;
import jp.keieikaizen.company.Company;
import jp.keieikaizen.company.CompanyService;

/**
 * Tasks correctApplication (early plan) and correctApplication405 (agency): re-enter the lead agency's quote (and
 * restate the size figures) and resubmit, or withdraw.
 */
@Configuration(proxyBeanMethods = false)
class CorrectApplicationHandlers {

  enum Action { RESUBMIT, WITHDRAW }

  static final long MAX_FIGURE_YEN = 10_000_000_000_000L;

  @Bean
  TaskFormHandler correctApplicationHandler(CaseFileService cases, CompanyService companies) {
    return TaskFormHandler.of(Step.CORRECT_APPLICATION, CORRECTION, input -> correct(input, cases, companies));
  }

  @Bean
  TaskFormHandler correctApplication405Handler(CaseFileService cases, CompanyService companies) {
    return TaskFormHandler.of(Step.CORRECT_APPLICATION_405, CORRECTION_405, input -> correct(input, cases, companies));
  }

  private static Map<String, Object> correct(TaskInput input, CaseFileService cases, CompanyService companies) {
    FormValues form = input.form();
    Action action = form.requiredEnum(CORRECTION_ACTION, Action.class);
    String note = form.requiredText(CORRECTION_NOTE, 2000);
    if (action == Action.WITHDRAW) {
      form.validate();
      cases.end(input.caseNumber(), CaseState.WITHDRAWN, input.userId(), note);
      return Map.of(CORRECTION_ACTION, action.name());
    }
    CaseFile file = cases.get(input.caseNumber());
    Quote quote = Quote.read(file.programme(), form);
    Long capital = form.optionalLong(CAPITAL_YEN, 0, MAX_FIGURE_YEN);
    Long employees = form.optionalLong(EMPLOYEES, 0, 1_000_000);
    Long sales = form.optionalLong(SALES_YEN, 0, MAX_FIGURE_YEN);
    Long debt = form.optionalLong(DEBT_YEN, 0, MAX_FIGURE_YEN);
    form.validate();
    ApplicationService.setQuote(file, quote, Map.of());
    file.resubmit(quote.interim(), quote.intervalMonths());
    file.chooseOptions(quote.guaranteeNegotiation(), file.financialSupportExpected(), quote.monitoringClaims());
    Company company = companies.get(file.companyId());
    company.correctSize(capital, employees == null ? null : employees.intValue());
    company.correctFinancials(sales, debt);
    cases.recordEvent(file.number(), "RESUBMITTED", input.userId(), note);
    return Map.of(CORRECTION_ACTION, action.name());
  }
}
