package jp.keieikaizen.process;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import jp.keieikaizen.casefile.CaseNumber;
import jp.keieikaizen.lender.LenderService;

/**
 * What the lender-agreement call activity reads from the database ({@code ${lenderAgreements...}}): which lenders to
 * ask, their names for the task titles, and the answer's due date and reminder.
 */
@Component("lenderAgreements")
public class LenderAgreements {

  private final LenderService lenders;
  private final Clock clock;
  private final int responseDays;
  private final int reminderDaysBefore;

  LenderAgreements(LenderService lenders, Clock clock, @Value("${keiei.lender.response-days:30}") int responseDays,
      @Value("${keiei.lender.reminder-days-before:7}") int reminderDaysBefore) {
    this.lenders = lenders;
    this.clock = clock;
    this.responseDays = responseDays;
    this.reminderDaysBefore = reminderDaysBefore;
  }

  /** RECEIPT: the main lender, until it gave its receipt; CONSENT: every lender that has not consented yet. */
  public List<Long> toAsk(String caseNumber, String responseKind) {
    return lenders.lendersToAsk(new CaseNumber(caseNumber), "CONSENT".equals(responseKind));
  }

  public String lenderName(String caseNumber, Long lenderId) {
    return lenders.lender(new CaseNumber(caseNumber), lenderId).name();
  }

  public Date responseDue() {
    return Dates.startOf(LocalDate.now(clock).plusDays(responseDays));
  }

  public Date reminderDate(Date responseDue) {
    return new Date(responseDue.getTime() - reminderDaysBefore * 86_400_000L);
  }
}
