package jp.keieikaizen.intake;

import static jp.keieikaizen.intake.ApplicationFields.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jp.keieikaizen.agency.Agency;
import jp.keieikaizen.agency.AgencyService;
import jp.keieikaizen.casefile.CaseFile;
import jp.keieikaizen.casefile.CaseFileService;
import jp.keieikaizen.casefile.CostCategory;
import jp.keieikaizen.casefile.Money;
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
import jp.keieikaizen.lender.LenderService.LenderEntry;
import jp.keieikaizen.subsidy.SubsidyAllocation;
import jp.keieikaizen.subsidy.SubsidyRules;
import jp.keieikaizen.subsidy.SubsidyRules.RuleVersion;

/** Takes joint applications (利用申請): validates every field, then records company, case, quote and main lender. */
@Service
@Transactional
public class ApplicationService {

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

  /** Registers an early-plan application (早期経営改善計画策定支援). */
  public RegisteredCase registerEarlyPlan(FormValues form, String initiator) {
    return register(Programme.EARLY_PLAN, form, initiator);
  }

  /** Registers a 405 application; the form's programme field chooses 通常枠 or 中小版GL枠. */
  public RegisteredCase register405(FormValues form, String initiator) {
    Programme programme = form.requiredEnum(PROGRAMME, Programme.class);
    if (programme == Programme.EARLY_PLAN) {
      form.problem(PROGRAMME, "通常枠または中小版GL枠を選んでください");
    }
    if (programme == null || programme == Programme.EARLY_PLAN) {
      form.validate();
    }
    return register(programme, form, initiator);
  }

  /** A line of a draft application's subsidy preview: the agency by its 認定支援機関ID. */
  public record PreviewLine(String agencyCode, CostCategory category, long quotedGrossYen, long eligibleFeeYen,
      long capYen, long subsidyYen, long companyShareYen) {
  }

  /**
   * What a draft application would be subsidised, per agency and category, under the rule version in force on its
   * application date (today when none is given). Only the quote fields are checked; nothing is stored.
   */
  @Transactional(readOnly = true)
  public List<PreviewLine> preview(FormValues form) {
    return previewWithFindings(form).lines();
  }

  /**
   * A draft application's preview: the subsidy per agency and category, and what the eligibility check will say of
   * its fees (a category above its fee ceiling of 1.5× the cap, the 405 monitoring share and size-class ceiling, the
   * 工程表 a plan fee above the threshold needs), by the same rules ({@link EligibilityService}). Nothing is stored.
   */
  public record Preview(List<PreviewLine> lines, List<String> findings) {
  }

  public Preview previewWithFindings(FormValues form) {
    Programme programme = form.isPresent(PROGRAMME) ? form.requiredEnum(PROGRAMME, Programme.class) : Programme.EARLY_PLAN;
    LocalDate date = form.isPresent(APPLICATION_DATE) ? form.requiredDate(APPLICATION_DATE) : cases.today();
    String leadCode = form.optionalText(AGENCY_CODE, 12);
    Quote quote = programme == null ? null : Quote.read(programme, form);
    Long sales = form.isPresent(SALES_YEN) ? form.optionalLong(SALES_YEN, 0, 10_000_000_000_000L) : null;
    Long debt = form.isPresent(DEBT_YEN) ? form.optionalLong(DEBT_YEN, 0, 10_000_000_000_000L) : null;
    if (date != null && date.isBefore(rules.versions().get(0).validFrom())) {
      form.problem(APPLICATION_DATE, rules.versions().get(0).validFrom() + " 以降の申請のみ扱えます");
    }
    form.validate();
    RuleVersion version = rules.versionOn(date);
    List<String> codes = new ArrayList<>();
    codes.add(leadCode == null ? "代表認定支援機関" : leadCode);
    codes.addAll(quote.otherAgencyFees().keySet());
    List<SubsidyAllocation.Fee> fees = new ArrayList<>();
    quote.leadFees().forEach((c, m) -> fees.add(new SubsidyAllocation.Fee(0L, c, m)));
    int i = 1;
    for (Map<CostCategory, Money> other : quote.otherAgencyFees().values()) {
      long id = i++;
      other.forEach((c, m) -> fees.add(new SubsidyAllocation.Fee(id, c, m)));
    }
    List<PreviewLine> lines = SubsidyAllocation.allocate(version, programme, 0L, fees).stream()
        .map(l -> new PreviewLine(codes.get(l.agencyId().intValue()), l.category(), l.quotedGrossYen(), l.eligibleFeeYen(),
            l.capYen(), l.subsidyYen(), l.companyShareYen())).toList();
    Map<CostCategory, Long> totals = new java.util.EnumMap<>(CostCategory.class);
    fees.forEach(f -> totals.merge(f.category(), f.amount().base(version.subsidyBaseIncludesTax()), Long::sum));
    List<String> findings = new ArrayList<>(EligibilityService.ceilingFindings(programme, totals, version));
    findings.addAll(EligibilityService.feeShareFindings(programme, totals, sales, debt, version));
    if (EligibilityService.needsGanttChart(programme, totals, version)) {
      findings.add(String.format("計画策定支援費用が%,d円を超えるため、申請書類に工程表（ガントチャート）が必要です",
          version.ganttChartThresholdYen()));
    }
    return new Preview(lines, findings);
  }

  /** Registers an application; with an initiator linked to an agency, that agency must be the lead. */
  RegisteredCase register(Programme programme, FormValues form, String initiator) {
    String council = form.requiredPattern(COUNCIL_CODE, CouncilService.CODE, "都道府県コード（01〜47）で選んでください");
    Agency agency = leadAgency(form, initiator);
    LocalDate applicationDate = applicationDate(form);
    CompanyProfile profile = companyProfile(programme, form);
    List<LenderEntry> lenderEntries = lenders(programme, form);
    Boolean supportExpected = programme == Programme.EARLY_PLAN ? null : form.flag(FINANCIAL_SUPPORT_EXPECTED);
    Quote quote = Quote.read(programme, form);
    Map<String, Long> others = quote == null ? Map.of() : otherAgencyIds(form, quote, agency);
    if (council != null && !councils.exists(council)) {
      form.problem(COUNCIL_CODE, "登録されていない協議会です");
    }
    form.validate();
    Company company = companies.record(profile);
    CaseFile file = cases.create(programme, council, company.id(), agency.id(), applicationDate, quote.interim(),
        quote.intervalMonths());
    file.chooseOptions(quote.guaranteeNegotiation(), supportExpected, quote.monitoringClaims());
    setQuote(file, quote, others);
    lenders.setLenders(file.number(), lenderEntries);
    return new RegisteredCase(file.number(), council, agency.id(), quote.interim());
  }

  /** The quote replaces the lead agency's fees, and those of each further agency it names. */
  static void setQuote(CaseFile file, Quote quote, Map<String, Long> otherAgencyIds) {
    replaceFees(file, file.leadAgencyId(), quote.leadFees());
    quote.otherAgencyFees().forEach((code, fees) -> replaceFees(file, otherAgencyIds.get(code), fees));
  }

  /**
   * The agency's fees become exactly these: a category quoted again keeps its row and takes the new amount, one no
   * longer quoted is removed. (Removing every row and adding them again broke the unique key (case, agency,
   * category): Hibernate inserts the new rows before it deletes the orphans.)
   */
  private static void replaceFees(CaseFile file, Long agencyId, Map<CostCategory, Money> fees) {
    file.fees().stream().filter(f -> f.agencyId().equals(agencyId) && !fees.containsKey(f.category()))
        .forEach(f -> file.removeFee(agencyId, f.category()));
    fees.forEach((category, money) -> file.setFee(agencyId, category, money));
  }

  Map<String, Long> otherAgencyIds(FormValues form, Quote quote, Agency lead) {
    Map<String, Long> ids = new HashMap<>();
    int n = 2;
    for (String code : quote.otherAgencyFees().keySet()) {
      Optional<Agency> agency = agencies.findByCode(code);
      if (agency.isEmpty() || (lead != null && agency.get().id().equals(lead.id()))) {
        form.problem(agencyCode(n), agency.isEmpty() ? "登録されていない認定支援機関IDです" : "代表認定支援機関と同じです");
      } else {
        ids.put(code, agency.get().id());
      }
      n++;
    }
    return ids;
  }

  private static List<LenderEntry> lenders(Programme programme, FormValues form) {
    List<LenderEntry> entries = new ArrayList<>();
    if (programme == Programme.EARLY_PLAN) {
      String name = form.requiredName(MAIN_LENDER_NAME, 200);
      LenderKind kind = form.requiredEnum(MAIN_LENDER_KIND, LenderKind.class);
      if (name != null && kind != null) {
        entries.add(new LenderEntry(name, kind, true));
      }
      return entries;
    }
    for (int n = 1; n <= MAX_LENDERS; n++) {
      String name = n == 1 ? form.requiredName(lenderName(n), 200) : form.optionalName(lenderName(n), 200);
      if (name == null) {
        continue;
      }
      LenderKind kind = form.requiredEnum(lenderKind(n), LenderKind.class);
      if (kind != null) {
        entries.add(new LenderEntry(name, kind, n == 1));
      }
    }
    return entries;
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

  private static CompanyProfile companyProfile(Programme programme, FormValues form) {
    Long sales = programme == Programme.EARLY_PLAN ? null : form.requiredLong(SALES_YEN, 0, 10_000_000_000_000L);
    Long debt = programme == Programme.EARLY_PLAN ? null : form.requiredLong(DEBT_YEN, 0, 10_000_000_000_000L);
    String name = form.requiredName(COMPANY_NAME, 200);
    EntityType type = form.requiredEnum(ENTITY_TYPE, EntityType.class);
    String corporateNumber = corporateNumber(form, type);
    Industry industry = form.requiredEnum(INDUSTRY, Industry.class);
    Long capital = form.requiredLong(CAPITAL_YEN, 0, 10_000_000_000_000L);
    Integer employees = form.requiredInt(EMPLOYEES, 0, 1_000_000);
    Integer fyeMonth = form.requiredInt(FISCAL_YEAR_END_MONTH, 1, 12);
    String postal = form.requiredPostalCode(POSTAL_CODE);
    String address = form.requiredName(ADDRESS, 200);
    String representative = form.requiredName(REPRESENTATIVE, 100);
    String phone = form.optionalPhone(PHONE);
    if (capital == null || employees == null || fyeMonth == null) {
      return null;
    }
    return new CompanyProfile(corporateNumber, name, type, industry, capital, employees, fyeMonth, postal, address,
        representative, sales, debt, phone);
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
