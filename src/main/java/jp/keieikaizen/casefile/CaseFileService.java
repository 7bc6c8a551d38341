package jp.keieikaizen.casefile;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jp.keieikaizen.common.NotFoundException;

/** Creates cases, finds them by number, and records how they end. */
@Service
@Transactional
public class CaseFileService {

  private final CaseFileRepository files;
  private final CaseNumberGenerator numbers;
  private final Clock clock;

  CaseFileService(CaseFileRepository files, CaseNumberGenerator numbers, Clock clock) {
    this.files = files;
    this.numbers = numbers;
    this.clock = clock;
  }

  public CaseFile create(Programme programme, String councilCode, Long companyId, Long leadAgencyId,
      LocalDate applicationDate, boolean interimMonitoring, int intervalMonths) {
    CaseNumber number = numbers.next(councilCode, applicationDate);
    CaseFile file = new CaseFile(number, programme, councilCode, companyId, leadAgencyId, applicationDate,
        interimMonitoring, intervalMonths);
    file.addEvent(clock.instant(), "APPLIED", null, programme.label() + " 利用申請");
    return files.save(file);
  }

  @Transactional(readOnly = true)
  public CaseFile get(CaseNumber number) {
    return files.findByCaseNumber(number.value()).orElseThrow(() -> new NotFoundException("案件 " + number + " はありません"));
  }

  @Transactional(readOnly = true)
  public List<CaseFile> ofCouncil(String councilCode) {
    return files.findByCouncilCodeOrderByCaseNumberDesc(councilCode);
  }

  @Transactional(readOnly = true)
  public long acceptedUses(String corporateNumber, CaseNumber excluding) {
    return files.countAcceptedUses(corporateNumber, excluding.value());
  }

  public void recordEvent(CaseNumber number, String kind, String actor, String detail) {
    get(number).addEvent(clock.instant(), kind, actor, detail);
  }

  /** Ends a case (withdrawn, lapsed, rejected, closed) and notes why on its timeline. */
  public void end(CaseNumber number, CaseState endState, String actor, String reason) {
    CaseFile file = get(number);
    file.end(endState, LocalDate.now(clock), reason);
    file.addEvent(clock.instant(), endState.name(), actor, reason);
  }

  /** The application lapses (失効): the early plan's claim deadline or the 405 validity (with extensions) has passed. */
  public void lapse(CaseNumber number) {
    CaseFile file = get(number);
    String reason = file.programme() == Programme.EARLY_PLAN
        ? "計画策定支援費用の支払申請が期限までに提出されなかったため失効"
        : "利用申請の有効期限（" + file.applicationValidUntil() + "）の経過により失効";
    end(number, CaseState.LAPSED, null, reason);
  }

  public LocalDate today() {
    return LocalDate.now(clock);
  }
}
