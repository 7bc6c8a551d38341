package jp.keieikaizen.process;

import java.util.List;

import org.springframework.stereotype.Component;

import jp.keieikaizen.casefile.CaseFee;
import jp.keieikaizen.casefile.CaseFile;
import jp.keieikaizen.casefile.CaseFileService;
import jp.keieikaizen.casefile.CaseNumber;
import jp.keieikaizen.casefile.CostCategory;

/** The agencies that claim a category: each one that quoted it, the lead agency first ({@code ${claimAgencies.of(...)}}). */
@Component("claimAgencies")
public class ClaimAgencies {

  private final CaseFileService cases;

  ClaimAgencies(CaseFileService cases) {
    this.cases = cases;
  }

  public List<Long> of(String caseNumber, String category) {
    CaseFile file = cases.get(new CaseNumber(caseNumber));
    CostCategory c = CostCategory.valueOf(category);
    return file.fees().stream().filter(f -> f.category() == c && f.amount().grossYen() > 0).map(CaseFee::agencyId)
        .sorted((a, b) -> a.equals(file.leadAgencyId()) ? -1 : b.equals(file.leadAgencyId()) ? 1 : a.compareTo(b))
        .distinct().toList();
  }
}
