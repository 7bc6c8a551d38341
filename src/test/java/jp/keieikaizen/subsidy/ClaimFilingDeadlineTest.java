package jp.keieikaizen.subsidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import jp.keieikaizen.casefile.CaseFileService;
import jp.keieikaizen.casefile.CaseNumber;
import jp.keieikaizen.casefile.TaskFormHandler;
import jp.keieikaizen.common.FieldProblem;
import jp.keieikaizen.common.FormValues;
import jp.keieikaizen.common.InvalidInputException;

/** A monitoring claim is filed up to the last day of its validity period and refused from the day it lapses. */
class ClaimFilingDeadlineTest {

  static final CaseNumber CASE = new CaseNumber("13-2025-0001");
  static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

  CaseFileService cases = mock(CaseFileService.class);
  ClaimService claims = mock(ClaimService.class);
  TaskFormHandler handler = new ClaimHandlers().fileClaimHandler(cases, claims);

  @org.junit.jupiter.api.BeforeEach
  void anAcceptedCase() {
    jp.keieikaizen.casefile.CaseFile file = mock(jp.keieikaizen.casefile.CaseFile.class);
    when(file.decisionDate()).thenReturn(LocalDate.of(2026, 4, 1));
    when(cases.get(CASE)).thenReturn(file);
  }

  @Test
  void onTheLastDayTheClaimIsFiled() {
    when(cases.today()).thenReturn(TODAY);
    handler.complete(input(lapsesAt(TODAY.plusDays(1))));
    verify(claims).file(any(), any(), any(), any(), any());
  }

  @Test
  void anInvoiceDatedBeforeTheDecisionIsRefused() {
    when(cases.today()).thenReturn(TODAY);
    Map<String, Object> form = new HashMap<>(Map.of(ClaimFields.INVOICE_DATE, "2026-03-31", ClaimFields.INVOICE_GROSS, 66_000,
        ClaimFields.INVOICE_TAX, 6_000, ClaimFields.TRANSFER_DATE, "2026-11-20", ClaimFields.TRANSFER_AMOUNT, 22_000));
    assertThatThrownBy(() -> handler.complete(new TaskFormHandler.TaskInput(CASE, new FormValues(form),
        Map.of(ClaimFields.CLAIM_CATEGORY, "MONITORING"), "agency-user")))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
            .extracting(FieldProblem::field).containsExactly(ClaimFields.INVOICE_DATE));
  }

  @Test
  void fromTheDayItLapsesTheClaimIsRefusedNamingTheLastDayAndNothingIsFiled() {
    when(cases.today()).thenReturn(TODAY);
    assertThatThrownBy(() -> handler.complete(input(lapsesAt(TODAY))))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
            .extracting(FieldProblem::field).containsExactly(ClaimFields.INVOICE_DATE))
        .hasMessageContaining("2026-11-23 まで");
    verify(claims, never()).file(any(), any(), any(), any(), any());
  }

  @Test
  void aClaimWithoutAValidityPeriodIsFiledWhenever() {
    when(cases.today()).thenReturn(TODAY);
    handler.complete(input(null));
    verify(claims).file(any(), any(), any(), any(), any());
  }

  private static Date lapsesAt(LocalDate day) {
    return Date.from(day.atStartOfDay(ZoneId.of("Asia/Tokyo")).toInstant());
  }

  private static TaskFormHandler.TaskInput input(Date lapsesAt) {
    Map<String, Object> form = new HashMap<>(Map.of(ClaimFields.INVOICE_DATE, "2026-11-20", ClaimFields.INVOICE_GROSS, 66_000,
        ClaimFields.INVOICE_TAX, 6_000, ClaimFields.TRANSFER_DATE, "2026-11-20", ClaimFields.TRANSFER_AMOUNT, 22_000));
    Map<String, Object> context = new HashMap<>(Map.of(ClaimFields.CLAIM_CATEGORY, "MONITORING", ClaimFields.CLAIM_NO, 1));
    if (lapsesAt != null) {
      context.put(ClaimFields.CLAIM_LAPSES_AT, lapsesAt);
    }
    return new TaskFormHandler.TaskInput(CASE, new FormValues(form), context, "agency-user");
  }
}
