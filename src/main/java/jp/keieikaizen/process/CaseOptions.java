package jp.keieikaizen.process;

import org.springframework.stereotype.Component;

import jp.keieikaizen.casefile.CaseFileService;
import jp.keieikaizen.casefile.CaseNumber;
import jp.keieikaizen.casefile.Programme;

/** Choices made at application that the models branch on, read from the case ({@code ${caseOptions...}}). */
@Component("caseOptions")
public class CaseOptions {

  private final CaseFileService cases;

  CaseOptions(CaseFileService cases) {
    this.cases = cases;
  }

  /** The owner-guarantee release negotiation add-on (経営者保証解除) was chosen. */
  public boolean guaranteeNegotiation(String caseNumber) {
    return cases.get(new CaseNumber(caseNumber)).guaranteeNegotiation();
  }

  /** A 中小版GL枠 case: due diligence and its own claim come first. */
  public boolean guidelineTrack(String caseNumber) {
    return cases.get(new CaseNumber(caseNumber)).programme() == Programme.PLAN_405_GL;
  }
}
