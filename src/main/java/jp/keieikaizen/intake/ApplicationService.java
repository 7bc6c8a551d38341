package jp.keieikaizen.intake;

import static jp.keieikaizen.intake.ApplicationFields.*;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jp.keieikaizen.agency.Agency;
import jp.keieikaizen.agency.AgencyService;
import jp.keieikaizen.casefile.CaseFile;
import jp.keieikaizen.casefile.CaseFileService;
import jp.keieikaizen.casefile.CostCategory;
import jp.keieikaizen.casefile.Programme;
import jp.keieikaizen.common.FormValues;
import jp.keieikaizen.company.Company;
import jp.keieikaizen.company.CompanyProfile;
import jp.keieikaizen.company.CompanyService;
import jp.keieikaizen.company.CorporateNumber;
import jp.keieikaizen.company.EntityType;
import jp.keieikaizen.company.Industry;
import jp.keieikaizen.council.CouncilService;
import jp.keieikaizen.lender.LenderKind;
import jp.keieikaizen.lender.LenderService;
import jp.keieikaizen.subsidy.SubsidyRules;

/** Takes joint applications (利用申請): validates every field, then records company, case, quote and main lender. */
@Service
@Transactional
public class ApplicationService {

  static final Pattern COUNCIL = Pattern.compile("0[1-9]|[1-3]\\d|4[0-7]");
  static final Pattern POSTAL = Pattern.compile("\\d{3}-\\d{4}");

  private final CouncilService councils;
  private final AgencyService agencies;
  private final CompanyService companies;
  private final CaseFileService cases;
  private final LenderService lenders;
  private final SubsidyRules rules;

  ApplicationService(CouncilService councils, AgencyService agencies, CompanyService companies, CaseFileService cases,
      LenderService lenders, SubsidyRules rules) {
    this.councils = councils;
    this.agencies = agencies;
    this.companies = companies;
    this.cases = cases;
    this.lenders = lenders;
    this.rules = rules;
  }

  /** Registers an early-plan application; with an initiator linked to an agency, that agency must be the lead. */
  public RegisteredCase registerEarlyPlan(FormValues form, String initiator) {
    String council = form.requiredPattern(COUNCIL_CODE, COUNCIL, "都道府県コード（01〜47）で選んでください");
    Agency agency = leadAgency(form, initiator);
    LocalDate applicationDate = applicationDate(form);
    CompanyProfile profile = companyProfile(form);
    String lenderName = form.requiredText(MAIN_LENDER_NAME, 200);
    LenderKind lenderKind = form.requiredEnum(MAIN_LENDER_KIND, LenderKind.class);
    EarlyPlanQuote quote = EarlyPlanQuote.read(form);
    if (council != null && !councils.exists(council)) {
      form.problem(COUNCIL_CODE, "登録されていない協議会です");
    }
    form.validate();
    Company company = companies.record(profile);
    CaseFile file = cases.create(Programme.EARLY_PLAN, council, company.id(), agency.id(), applicationDate,
        quote.interim(), quote.intervalMonths());
    setQuote(file, quote);
    lenders.setMainLender(file.number(), lenderName, lenderKind);
    return new RegisteredCase(file.number(), council, agency.id(), quote.interim());
  }

  static void setQuote(CaseFile file, EarlyPlanQuote quote) {
    Long agency = file.leadAgencyId();
    file.setFee(agency, CostCategory.PLAN, quote.plan());
    file.setFee(agency, CostCategory.FINAL_MONITORING, quote.finalFee());
    if (quote.interim()) {
      file.setFee(agency, CostCategory.INTERIM_MONITORING, quote.interimFee());
    } else {
      file.removeFee(agency, CostCategory.INTERIM_MONITORING);
    }
  }

  private Agency leadAgency(FormValues form, String initiator) {
    String code = form.requiredPattern(AGENCY_CODE, AgencyService.AGENCY_CODE, "認定支援機関IDは6〜12桁の数字です");
    if (code == null) {
      return null;
    }
    Optional<Agency> agency = agencies.findByCode(code);
    if (agency.isEmpty()) {
      return form.problem(AGENCY_CODE, "登録されていない認定支援機関IDです");
    }
    Optional<Agency> own = agencies.agencyOfUser(initiator);
    if (own.isPresent() && !own.get().id().equals(agency.get().id())) {
      return form.problem(AGENCY_CODE, "ログイン中の認定支援機関のIDを入力してください");
    }
    return agency.get();
  }

  private LocalDate applicationDate(FormValues form) {
    LocalDate date = form.requiredDate(APPLICATION_DATE);
    if (date == null) {
      return null;
    }
    if (date.isAfter(cases.today())) {
      return form.problem(APPLICATION_DATE, "申請日に未来の日付は入力できません");
    }
    if (date.isBefore(rules.versions().get(0).validFrom())) {
      return form.problem(APPLICATION_DATE, rules.versions().get(0).validFrom() + " 以降の申請のみ扱えます");
    }
    return date;
  }

  private static CompanyProfile companyProfile(FormValues form) {
    String name = form.requiredText(COMPANY_NAME, 200);
    EntityType type = form.requiredEnum(ENTITY_TYPE, EntityType.class);
    String corporateNumber = corporateNumber(form, type);
    Industry industry = form.requiredEnum(INDUSTRY, Industry.class);
    Long capital = form.requiredLong(CAPITAL_YEN, 0, 10_000_000_000_000L);
    Integer employees = form.requiredInt(EMPLOYEES, 0, 1_000_000);
    Integer fyeMonth = form.requiredInt(FISCAL_YEAR_END_MONTH, 1, 12);
    String postal = form.requiredPattern(POSTAL_CODE, POSTAL, "郵便番号は 123-4567 の形式で入力してください");
    String address = form.requiredText(ADDRESS, 200);
    String representative = form.requiredText(REPRESENTATIVE, 100);
    if (capital == null || employees == null || fyeMonth == null) {
      return null;
    }
    return new CompanyProfile(corporateNumber, name, type, industry, capital, employees, fyeMonth, postal, address,
        representative);
  }

  private static String corporateNumber(FormValues form, EntityType type) {
    String number = form.optionalText(CORPORATE_NUMBER, 13);
    if (type != null && !type.hasCorporateNumber()) {
      return number == null ? null : form.problem(CORPORATE_NUMBER, "個人事業主・LLPには法人番号はありません。空欄にしてください");
    }
    if (number == null) {
      return type == null ? null : form.problem(CORPORATE_NUMBER, "法人の申請には法人番号（13桁）が必要です");
    }
    return CorporateNumber.isValid(number) ? number
        : form.problem(CORPORATE_NUMBER, "法人番号は13桁の数字で、先頭のチェックデジットが正しい必要があります");
  }
}
