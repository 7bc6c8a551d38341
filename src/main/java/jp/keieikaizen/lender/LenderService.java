package jp.keieikaizen.lender;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jp.keieikaizen.casefile.CaseFile;
import jp.keieikaizen.casefile.CaseFileService;
import jp.keieikaizen.casefile.CaseNumber;
import jp.keieikaizen.common.ConflictException;
import jp.keieikaizen.common.NotFoundException;

/**
 * Lenders per case and their answers to the plan: a receipt (受取書) from the main lender in the early plan, consent
 * (同意) or refusal from every lender in 405. Every answer is kept with the plan revision it was given to.
 */
@Service
@Transactional
public class LenderService {

  /** A lender as an application lists it. */
  public record LenderEntry(String name, LenderKind kind, boolean mainLender) {
  }

  private final CaseFileService cases;
  private final CaseLenderRepository lenders;
  private final LenderResponseRecordRepository responses;

  LenderService(CaseFileService cases, CaseLenderRepository lenders, LenderResponseRecordRepository responses) {
    this.cases = cases;
    this.lenders = lenders;
    this.responses = responses;
  }

  /** Replaces the case's lenders (at application or correction, before any lender has answered). */
  public void setLenders(CaseNumber number, List<LenderEntry> entries) {
    Long caseId = cases.get(number).id();
    List<CaseLender> existing = lenders.findByCaseIdOrderById(caseId);
    if (existing.stream().anyMatch(l -> l.response() != null)) {
      throw new ConflictException("金融機関が回答済みのため、取引金融機関は変更できません");
    }
    lenders.deleteAll(existing);
    entries.forEach(e -> lenders.save(new CaseLender(caseId, e.name(), e.kind(), e.mainLender())));
  }

  /** Records one lender's answer to the current revision of the plan. */
  public CaseLender recordResponse(CaseNumber number, long lenderId, LocalDate submittedOn, LenderResponse response,
      LocalDate respondedOn, String reason) {
    CaseFile file = cases.get(number);
    CaseLender lender = lender(file, lenderId);
    lender.respond(submittedOn, response, respondedOn, reason);
    responses.save(new LenderResponseRecord(file.id(), lenderId, file.planRevision(), response, submittedOn, respondedOn,
        reason));
    return lender;
  }

  /** The lenders still to be asked: early plan, the main lender until it gave a receipt; 405, all that have not consented. */
  @Transactional(readOnly = true)
  public List<Long> lendersToAsk(CaseNumber number, boolean consentFromEvery) {
    return lenders(number).stream()
        .filter(l -> consentFromEvery ? l.response() != LenderResponse.CONSENT : l.mainLender() && l.response() == null)
        .map(CaseLender::id).toList();
  }

  @Transactional(readOnly = true)
  public boolean allConsented(CaseNumber number) {
    List<CaseLender> all = lenders(number);
    return !all.isEmpty() && all.stream().allMatch(l -> l.response() == LenderResponse.CONSENT);
  }

  @Transactional(readOnly = true)
  public List<CaseLender> lenders(CaseNumber number) {
    return lenders.findByCaseIdOrderById(cases.get(number).id());
  }

  @Transactional(readOnly = true)
  public List<LenderResponseRecord> responses(CaseNumber number) {
    return responses.findByCaseIdOrderById(cases.get(number).id());
  }

  @Transactional(readOnly = true)
  public CaseLender mainLender(CaseNumber number) {
    return lenders(number).stream().filter(CaseLender::mainLender).findFirst()
        .orElseThrow(() -> new ConflictException("案件 " + number + " にメイン金融機関が登録されていません"));
  }

  @Transactional(readOnly = true)
  public CaseLender lender(CaseNumber number, long lenderId) {
    return lender(cases.get(number), lenderId);
  }

  private CaseLender lender(CaseFile file, long lenderId) {
    return lenders.findById(lenderId).filter(l -> l.caseId().equals(file.id()))
        .orElseThrow(() -> new NotFoundException("案件 " + file.number() + " に金融機関 " + lenderId + " はありません"));
  }
}
