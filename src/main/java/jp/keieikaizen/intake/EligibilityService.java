package jp.keieikaizen.intake;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jp.keieikaizen.agency.AgencyService;
import jp.keieikaizen.casefile.CaseFee;
import jp.keieikaizen.casefile.CaseFile;
import jp.keieikaizen.casefile.CaseFileService;
import jp.keieikaizen.casefile.CaseNumber;
import jp.keieikaizen.casefile.CostCategory;
import jp.keieikaizen.casefile.DocumentService;
import jp.keieikaizen.casefile.DocumentType;
import jp.keieikaizen.casefile.Programme;
import jp.keieikaizen.company.Company;
import jp.keieikaizen.company.CompanyService;
import jp.keieikaizen.lender.LenderKind;
import jp.keieikaizen.lender.LenderService;
import jp.keieikaizen.subsidy.SubsidyRules;
import jp.keieikaizen.subsidy.SubsidyRules.RuleVersion;
import jp.keieikaizen.subsidy.SubsidyRules.SizeClass;

/**
 * The automatic eligibility check of an application, under the rule version in force on its application date:
 * entity type, SME thresholds, prior use by the same 法人番号, the agencies' certification, quotes within ceilings;
 * for 405 also expected financial support, more than one bank (or the credit guarantee corporation), the size-class
 * fee ceiling, the monitoring share and the Gantt chart. The findings go to the coordinator, who decides; an
 * application with findings cannot be accepted.
 */
@Service
@Transactional
public class EligibilityService implements jp.keieikaizen.casefile.GanttChartRule {

  private final CaseFileService cases;
  private final CompanyService companies;
  private final AgencyService agencies;
  private final LenderService lenders;
  private final DocumentService documents;
  private final SubsidyRules rules;

  EligibilityService(CaseFileService cases, CompanyService companies, AgencyService agencies, LenderService lenders,
      DocumentService documents, SubsidyRules rules) {
    this.cases = cases;
    this.companies = companies;
    this.agencies = agencies;
    this.lenders = lenders;
    this.documents = documents;
    this.rules = rules;
  }

  /**
   * A 工程表 filed on an application awaiting its decision: the check runs again, so the decision task and the case page
   * show the findings as they now stand (the decision itself checks once more).
   */
  @org.springframework.context.event.EventListener
  public void documentsFiled(jp.keieikaizen.casefile.DocumentsFiled filed) {
    if (filed.type() != DocumentType.GANTT_CHART) {
      return;
    }
    CaseFile file = cases.get(filed.caseNumber());
    if (file.eligible() != null && (file.state() == jp.keieikaizen.casefile.CaseState.APPLIED
        || file.state() == jp.keieikaizen.casefile.CaseState.RETURNED)) {
      check(filed.caseNumber());
    }
  }

  public EligibilityResult check(CaseNumber number) {
    CaseFile file = cases.get(number);
    RuleVersion version = rules.versionOn(file.applicationDate());
    Company company = companies.get(file.companyId());
    List<String> findings = new ArrayList<>();
    checkCompany(company, file, version, findings);
    file.fees().stream().map(CaseFee::agencyId).distinct().map(agencies::get)
        .filter(agency -> !agency.isCertifiedOn(file.applicationDate()))
        .forEach(agency -> findings.add("認定支援機関「" + agency.name() + "」が申請日（" + file.applicationDate()
            + "）に認定を受けていません"));
    checkQuotes(file, version, findings);
    if (file.programme() != Programme.EARLY_PLAN) {
      check405(file, company, version, findings);
    }
    EligibilityResult result = EligibilityResult.of(findings);
    file.recordEligibility(result.eligible(), String.join("\n", findings));
    return result;
  }

  private void checkCompany(Company company, CaseFile file, RuleVersion version, List<String> findings) {
    if (!company.entityType().eligible()) {
      findings.add("対象外の法人形態です（" + company.entityType().label() + "）");
    } else if (!company.isSme()) {
      findings.add(String.format("中小企業の要件を満たしません（%s：資本金%,d円以下または従業員%d人以下）",
          company.industry().label(), company.industry().capitalLimitYen(), company.industry().employeeLimit()));
    }
    if (company.corporateNumber() != null) {
      long uses = cases.acceptedUses(company.corporateNumber(), file.number());
      if (uses > version.reuseLimit()) {
        findings.add(String.format("同じ法人番号で既に%d回利用されています（再利用は%d回まで）", uses, version.reuseLimit()));
      }
    }
  }

  private void checkQuotes(CaseFile file, RuleVersion version, List<String> findings) {
    Map<CostCategory, Long> totals = totals(file, version);
    for (CostCategory category : requiredCategories(file)) {
      if (totals.getOrDefault(category, 0L) == 0) {
        findings.add(category.label() + " の見積がありません");
      }
    }
    findings.addAll(ceilingFindings(file.programme(), totals, version));
  }

  /**
   * A category the programme does not pay for, or a category's quoted total above its fee ceiling (1.5× its subsidy
   * cap): for a registered case and a draft application alike.
   */
  static List<String> ceilingFindings(Programme programme, Map<CostCategory, Long> totals, RuleVersion version) {
    List<String> findings = new ArrayList<>();
    var programmeRules = version.programme(programme);
    totals.forEach((category, total) -> {
      if (!programmeRules.covers(category)) {
        findings.add(category.label() + " はこの事業の補助対象ではありません");
      } else if (total > version.feeCeiling(programme, category)) {
        findings.add(String.format("%s の見積額%,d円が上限%,d円を超えています", category.label(), total,
            version.feeCeiling(programme, category)));
      }
    });
    return findings;
  }

  /**
   * A 405 quote's monitoring share above its limit, and (通常枠) the total fee above the company's size class's ceiling;
   * without sales and debt the size class is not known and nothing is said of it here.
   */
  static List<String> feeShareFindings(Programme programme, Map<CostCategory, Long> totals, Long salesYen, Long debtYen,
      RuleVersion version) {
    List<String> findings = new ArrayList<>();
    if (programme == Programme.EARLY_PLAN) {
      return findings;
    }
    long plan = totals.getOrDefault(CostCategory.PLAN, 0L) + totals.getOrDefault(CostCategory.DUE_DILIGENCE, 0L);
    long monitoring = totals.getOrDefault(CostCategory.MONITORING, 0L);
    if (monitoring * 100 > (plan + monitoring) * version.monitoringShareMaxPercent()) {
      findings.add(String.format("伴走支援費用%,d円が計画策定支援費用との合計%,d円の%d%%を超えています", monitoring,
          plan + monitoring, version.monitoringShareMaxPercent()));
    }
    if (programme == Programme.PLAN_405 && salesYen != null && debtYen != null) {
      SizeClass size = version.sizeClass(salesYen, debtYen);
      if (plan + monitoring > size.feeCeiling()) {
        findings.add(String.format("費用総額%,d円が%s企業の上限%,d円を超えています", plan + monitoring, size.label(),
            size.feeCeiling()));
      }
    }
    return findings;
  }

  /** Whether a 405 quote's plan fee (with the DD) is above the threshold that asks for a 工程表. */
  static boolean needsGanttChart(Programme programme, Map<CostCategory, Long> totals, RuleVersion version) {
    return programme != Programme.EARLY_PLAN && totals.getOrDefault(CostCategory.PLAN, 0L)
        + totals.getOrDefault(CostCategory.DUE_DILIGENCE, 0L) > version.ganttChartThresholdYen();
  }

  private void check405(CaseFile file, Company company, RuleVersion version, List<String> findings) {
    if (!Boolean.TRUE.equals(file.financialSupportExpected())) {
      findings.add("条件変更・借換・新規融資などの金融支援が見込まれません");
    }
    var all = lenders.lenders(file.number());
    long banks = all.stream().filter(l -> l.kind() != LenderKind.CREDIT_GUARANTEE).count();
    if (banks <= 1 && all.stream().noneMatch(l -> l.kind() == LenderKind.CREDIT_GUARANTEE)) {
      findings.add("取引金融機関が1行のみで保証協会付き融資もないため対象外です");
    }
    findings.addAll(feeShareFindings(file.programme(), totals(file, version), company.salesYen(),
        company.interestBearingDebtYen(), version));
    if (company.salesYen() == null || company.interestBearingDebtYen() == null) {
      findings.add("売上高と有利子負債が入力されていません");
    }
    if (needsGanttChart(file) && !documents.has(file.number(), DocumentType.GANTT_CHART)) {
      findings.add(String.format("計画策定支援費用が%,d円を超えるため工程表（ガントチャート）の提出が必要です",
          version.ganttChartThresholdYen()));
    }
  }

  /** A 405 plan fee (with the DD) above the rule version's threshold needs a 工程表 among the application set. */
  @Override
  public boolean needsGanttChart(CaseFile file) {
    if (file.programme() == Programme.EARLY_PLAN) {
      return false;
    }
    RuleVersion version = rules.versionOn(file.applicationDate());
    return needsGanttChart(file.programme(), totals(file, version), version);
  }

  /** Quoted fees per category, all agencies together, on the rule version's tax basis. */
  private static Map<CostCategory, Long> totals(CaseFile file, RuleVersion version) {
    Map<CostCategory, Long> totals = new EnumMap<>(CostCategory.class);
    file.fees().forEach(f -> totals.merge(f.category(), f.amount().base(version.subsidyBaseIncludesTax()), Long::sum));
    return totals;
  }

  private static Set<CostCategory> requiredCategories(CaseFile file) {
    var required = switch (file.programme()) {
      case EARLY_PLAN -> new java.util.HashSet<>(Set.of(CostCategory.PLAN, CostCategory.FINAL_MONITORING));
      case PLAN_405 -> new java.util.HashSet<>(Set.of(CostCategory.PLAN, CostCategory.MONITORING));
      case PLAN_405_GL -> new java.util.HashSet<>(Set.of(CostCategory.DUE_DILIGENCE, CostCategory.PLAN, CostCategory.MONITORING));
    };
    if (file.interimMonitoring()) {
      required.add(CostCategory.INTERIM_MONITORING);
    }
    if (file.guaranteeNegotiation()) {
      required.add(CostCategory.GUARANTEE_NEGOTIATION);
    }
    return required;
  }
}
