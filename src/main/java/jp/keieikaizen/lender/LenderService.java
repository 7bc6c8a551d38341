package jp.keieikaizen.lender;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jp.keieikaizen.casefile.CaseFileService;
import jp.keieikaizen.casefile.CaseNumber;
import jp.keieikaizen.common.ConflictException;

@Service
@Transactional
public class LenderService {

  private final CaseFileService cases;
  private final CaseLenderRepository lenders;

  LenderService(CaseFileService cases, CaseLenderRepository lenders) {
    this.cases = cases;
    this.lenders = lenders;
  }

  /** Sets the case's main lender (the early plan goes to it alone). */
  public void setMainLender(CaseNumber number, String name, LenderKind kind) {
    Long caseId = cases.get(number).id();
    lenders.findByCaseIdOrderById(caseId).stream().filter(CaseLender::mainLender).findFirst()
        .ifPresentOrElse(l -> l.rename(name, kind), () -> lenders.save(new CaseLender(caseId, name, kind, true)));
  }

  /** The main lender took the plan and gave a receipt (受取書). */
  public void recordReceipt(CaseNumber number, LocalDate submittedOn, LocalDate receivedOn, String note) {
    mainLender(number).respond(submittedOn, LenderResponse.RECEIPT, receivedOn, note);
  }

  @Transactional(readOnly = true)
  public List<CaseLender> lenders(CaseNumber number) {
    return lenders.findByCaseIdOrderById(cases.get(number).id());
  }

  @Transactional(readOnly = true)
  public CaseLender mainLender(CaseNumber number) {
    return lenders(number).stream().filter(CaseLender::mainLender).findFirst()
        .orElseThrow(() -> new ConflictException("案件 " + number + " にメイン金融機関が登録されていません"));
  }
}
