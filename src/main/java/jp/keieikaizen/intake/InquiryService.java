package jp.keieikaizen.intake;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jp.keieikaizen.casefile.CaseFile;
import jp.keieikaizen.casefile.CaseFileService;
import jp.keieikaizen.casefile.CaseNumber;
import jp.keieikaizen.common.FormValues;
import jp.keieikaizen.common.InvalidInputException;
import jp.keieikaizen.common.NotFoundException;
import jp.keieikaizen.council.CouncilService;
import jp.keieikaizen.intake.InquiryKinds.Outcome;

/** Records inquiries (問合せ・相談受付), lists them, and links one to the case it became. */
@Service
@Transactional
public class InquiryService {

  /** The programme's first inquiries: the 405 programme started in March 2013. */
  public static final LocalDate FIRST_DAY = LocalDate.of(2013, 3, 1);

  private final InquiryRepository inquiries;
  private final CouncilService councils;
  private final CaseFileService cases;
  private final Clock clock;

  InquiryService(InquiryRepository inquiries, CouncilService councils, CaseFileService cases, Clock clock) {
    this.inquiries = inquiries;
    this.councils = councils;
    this.cases = cases;
    this.clock = clock;
  }

  /** Fields: councilCode, receivedOn, asker, channel, programme (optional), outcome, companyName, note. */
  public Inquiry record(FormValues form, String userId) {
    InquiryInput in = InquiryInput.read(form, LocalDate.now(clock));
    if (in.outcome() == Outcome.APPLIED) {
      form.problem("outcome", "利用申請済みは案件との紐付け（POST /api/inquiries/{id}/case）で記録されます");
    }
    if (in.councilCode() != null && !councils.exists(in.councilCode())) {
      form.problem("councilCode", "登録されていない協議会です");
    }
    form.validate();
    return inquiries.save(new Inquiry(in.councilCode(), in.receivedOn(), in.asker(), in.channel(), in.programme(),
        in.outcome(), in.companyName(), in.note(), userId, clock.instant()));
  }

  /** Links the inquiry to the case it became: the same council's case. */
  public Inquiry linkCase(long id, CaseNumber number) {
    Inquiry inquiry = get(id);
    CaseFile file = cases.get(number);
    if (!file.councilCode().equals(inquiry.councilCode())) {
      throw InvalidInputException.of("caseNumber", "同じ協議会の案件を指定してください");
    }
    inquiry.linkCase(number.value());
    return inquiry;
  }

  @Transactional(readOnly = true)
  public Inquiry get(long id) {
    return inquiries.findById(id).orElseThrow(() -> new NotFoundException("問合せ " + id + " はありません"));
  }

  /** Inquiries received in the period, newest first; councils null means every council. */
  @Transactional(readOnly = true)
  public List<Inquiry> list(Set<String> councilScope, LocalDate from, LocalDate to, int page, int size) {
    PageRequest paging = PageRequest.of(page, size);
    return councilScope == null ? inquiries.findByReceivedOnBetweenOrderByReceivedOnDescIdDesc(from, to, paging)
        : inquiries.findByCouncilCodeInAndReceivedOnBetweenOrderByReceivedOnDescIdDesc(councilScope, from, to, paging);
  }
}
