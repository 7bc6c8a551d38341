package jp.keieikaizen.intake;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jp.keieikaizen.agency.AgencyService;
import jp.keieikaizen.casefile.CaseFee;
import jp.keieikaizen.casefile.CaseFile;
import jp.keieikaizen.casefile.CaseFileService;
import jp.keieikaizen.casefile.CaseNumber;
import jp.keieikaizen.casefile.CostCategory;
import jp.keieikaizen.company.Company;
import jp.keieikaizen.company.CompanyService;
import jp.keieikaizen.subsidy.SubsidyRules;
import jp.keieikaizen.subsidy.SubsidyRules.RuleVersion;

/**
 * The automatic eligibility check of an application, under the rule version in force on its application date:
 * entity type, SME thresholds, prior use by the same 法人番号, the agency's certification, quotes within ceilings.
 * The findings go to the coordinator, who decides; an application with findings cannot be accepted.
 */
@Service
@Transactional
public class EligibilityService {

  private final CaseFileService cases;
  private final CompanyService companies;
  private final AgencyService agencies;
  private final SubsidyRules rules;

  EligibilityService(CaseFileService cases, CompanyService companies, AgencyService agencies, SubsidyRules rules) {
    this.cases = cases;
    this.companies = companies;
    this.agencies = agencies;
    this.rules = rules;
  }

  public EligibilityResult check(CaseNumber number) {
    CaseFile file = cases.get(number);
    RuleVersion version = rules.versionOn(file.applicationDate());
    List<String> findings = new ArrayList<>();
    checkCompany(companies.get(file.companyId()), file, version, findings);
    if (!agencies.get(file.leadAgencyId()).isCertifiedOn(file.applicationDate())) {
      findings.add("代表認定支援機関が申請日（" + file.applicationDate() + "）に認定を受けていません");
    }
    checkQuotes(file, version, findings);
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
    List<CostCategory> required = new ArrayList<>(List.of(CostCategory.PLAN, CostCategory.FINAL_MONITORING));
    if (file.interimMonitoring()) {
      required.add(CostCategory.INTERIM_MONITORING);
    }
    for (CostCategory category : required) {
      if (file.fee(file.leadAgencyId(), category).isEmpty()) {
        findings.add(category.label() + " の見積がありません");
      }
    }
    for (CaseFee fee : file.fees()) {
      long base = fee.amount().base(version.subsidyBaseIncludesTax());
      long ceiling = version.feeCeiling(file.programme(), fee.category());
      if (base > ceiling) {
        findings.add(String.format("%s の見積額%,d円が上限%,d円を超えています", fee.category().label(), base, ceiling));
      }
    }
  }
}
