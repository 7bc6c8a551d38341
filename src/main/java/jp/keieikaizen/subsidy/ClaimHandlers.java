package jp.keieikaizen.subsidy;

import static jp.keieikaizen.subsidy.ClaimFields.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jp.keieikaizen.casefile.CaseFileService;
import jp.keieikaizen.casefile.CaseNumber;
import jp.keieikaizen.casefile.CostCategory;
import jp.keieikaizen.casefile.Money;
import jp.keieikaizen.casefile.Step;
import jp.keieikaizen.casefile.TaskFormHandler;
import jp.keieikaizen.casefile.TaskFormHandler.TaskInput;
import jp.keieikaizen.common.FormValues;
import jp.keieikaizen.subsidy.ClaimService.ClaimRef;

/**
 * Claim tasks: recordCompanyShare (agency, before the plan claim), and in the paymentClaim call activity fileClaim and
 * correctClaim (agency), checkClaim and recordPayment (coordinator). The call activity's claimCategory and claimNo say
 * which claim.
 */
@Configuration(proxyBeanMethods = false)
class ClaimHandlers {

  static final long MAX_YEN = 100_000_000L;
  static final int MAX_SUBCONTRACTORS = 2;

  enum ClaimDecision { APPROVE, RETURN }

  @Bean
  TaskFormHandler recordCompanyShareHandler(CaseFileService cases, ClaimService claims) {
    return TaskFormHandler.of(Step.RECORD_COMPANY_SHARE, TRANSFER, input -> {
      Transfer transfer = Transfer.read(input.form(), cases, true);
      input.form().validate();
      record(input, cases, claims, ClaimRef.of(CostCategory.PLAN), transfer);
      return Map.of();
    });
  }

  @Bean
  TaskFormHandler fileClaimHandler(CaseFileService cases, ClaimService claims) {
    return TaskFormHandler.of(Step.FILE_CLAIM, invoiceAndTransfer(), input -> {
      LocalDate lapses = input.contextDate(CLAIM_LAPSES_AT);
      if (lapses != null && !cases.today().isBefore(lapses)) {
        input.form().problem(INVOICE_DATE, String.format("支払申請の期限（%s まで）を過ぎているため申請できません",
            lapses.minusDays(1)));
      }
      return fileClaim(input, cases, claims);
    });
  }

  @Bean
  TaskFormHandler correctClaimHandler(CaseFileService cases, ClaimService claims) {
    return TaskFormHandler.of(Step.CORRECT_CLAIM, invoiceAndTransfer(), input -> fileClaim(input, cases, claims));
  }

  @Bean
  TaskFormHandler checkClaimHandler(CaseFileService cases, ClaimService claims) {
    List<String> fields = List.of(CLAIM_DECISION, CLAIM_COMMENT, DOC_INVOICE, DOC_TRANSFER, DOC_TIME_SHEET,
        DOC_CHECKPOINTS, DOC_LENDER_RESPONSES, DOC_MONITORING_REPORT, DOC_NEGOTIATION_RECORD);
    return TaskFormHandler.of(Step.CHECK_CLAIM, fields, input -> {
      FormValues form = input.form();
      ClaimDecision decision = form.requiredEnum(CLAIM_DECISION, ClaimDecision.class);
      String comment = form.optionalText(CLAIM_COMMENT, 1000);
      ClaimRef ref = ref(input);
      if (decision == ClaimDecision.RETURN && comment == null) {
        form.problem(CLAIM_COMMENT, "差戻しの理由を入力してください");
      }
      if (decision == ClaimDecision.APPROVE) {
        checklist(ref.category()).forEach(doc -> form.requiredTrue(doc, "支払決定には確認が必要な書類です"));
      }
      form.validate();
      if (decision == ClaimDecision.APPROVE) {
        claims.approve(input.caseNumber(), ref);
      } else {
        claims.returnToAgency(input.caseNumber(), ref, comment);
      }
      cases.recordEvent(input.caseNumber(), "CLAIM_" + decision + "_" + ref.category(), input.userId(), comment);
      return Map.of(CLAIM_DECISION, decision.name());
    });
  }

  @Bean
  TaskFormHandler recordPaymentHandler(CaseFileService cases, ClaimService claims) {
    return TaskFormHandler.of(Step.RECORD_PAYMENT, List.of(PAID_ON, PAYMENT_REFERENCE), input -> {
      FormValues form = input.form();
      LocalDate paidOn = form.requiredPastDate(PAID_ON, cases.today());
      String reference = form.requiredText(PAYMENT_REFERENCE, 100);
      form.validate();
      claims.recordPayment(input.caseNumber(), ref(input), paidOn, reference);
      cases.recordEvent(input.caseNumber(), "PAID_" + ref(input).category(), input.userId(), reference);
      return Map.of();
    });
  }

  @Bean
  TaskFormHandler recoverSubsidyHandler(CaseFileService cases, ClaimService claims) {
    return TaskFormHandler.of(Step.RECOVER_SUBSIDY, List.of("recoveryReason", "recoveryConfirmed"), input -> {
      FormValues form = input.form();
      String reason = form.requiredText("recoveryReason", 1000);
      form.requiredTrue("recoveryConfirmed", "返還を求める前に確認してください");
      form.validate();
      long total = claims.recoverPayments(input.caseNumber(), cases.today(), reason, input.userId());
      cases.end(input.caseNumber(), jp.keieikaizen.casefile.CaseState.RECOVERED, input.userId(),
          String.format("返還額 %,d円：%s", total, reason));
      return Map.of();
    });
  }

  /** The documents the coordinator confirms for a claim of this category (DOMAIN.md §3, §8). */
  static List<String> checklist(CostCategory category) {
    List<String> docs = new ArrayList<>(List.of(DOC_INVOICE, DOC_TRANSFER, DOC_TIME_SHEET, DOC_CHECKPOINTS));
    switch (category) {
      case PLAN, DUE_DILIGENCE -> docs.add(DOC_LENDER_RESPONSES);
      case GUARANTEE_NEGOTIATION -> docs.add(DOC_NEGOTIATION_RECORD);
      default -> docs.add(DOC_MONITORING_REPORT);
    }
    return docs;
  }

  /** Files (or refiles) the claim; the company's transfer is required unless it was recorded for this claim before. */
  private static Map<String, Object> fileClaim(TaskInput input, CaseFileService cases, ClaimService claims) {
    FormValues form = input.form();
    ClaimRef ref = ref(input);
    LocalDate invoiceDate = form.requiredPastDate(INVOICE_DATE, cases.today());
    LocalDate decided = cases.get(input.caseNumber()).decisionDate();
    if (invoiceDate != null && decided != null && invoiceDate.isBefore(decided)) {
      form.problem(INVOICE_DATE, "請求日は利用申請決定日（" + decided + "）以降にしてください");
    }
    Long gross = form.requiredLong(INVOICE_GROSS, 1, MAX_YEN);
    Long tax = form.requiredLong(INVOICE_TAX, 0, MAX_YEN);
    if (gross != null && tax != null && tax > gross) {
      form.problem(INVOICE_TAX, "消費税額は請求額（税込）以下にしてください");
    }
    Transfer transfer = Transfer.read(form, cases, !claims.hasCompanyShare(input.caseNumber(), ref));
    List<SubcontractorInvoice> subcontractors = subcontractors(form, gross);
    form.validate();
    CaseNumber number = input.caseNumber();
    claims.file(number, ref, invoiceDate, Money.ofGross(gross, tax), subcontractors);
    if (transfer != null) {
      record(input, cases, claims, ref, transfer);
    }
    cases.recordEvent(number, "CLAIM_FILED_" + ref.category(), input.userId(), String.format("請求額 %,d円", gross));
    return Map.of();
  }

  /** Up to {@value #MAX_SUBCONTRACTORS} subcontractor invoices; each within the agency's own invoice. */
  private static List<SubcontractorInvoice> subcontractors(FormValues form, Long agencyGross) {
    List<SubcontractorInvoice> invoices = new ArrayList<>();
    for (int n = 1; n <= MAX_SUBCONTRACTORS; n++) {
      String name = form.optionalText(subcontractorField(n, "Name"), 200);
      if (name == null) {
        continue;
      }
      Long gross = form.requiredLong(subcontractorField(n, "Gross"), 1, MAX_YEN);
      Long tax = form.requiredLong(subcontractorField(n, "Tax"), 0, MAX_YEN);
      if (gross != null && tax != null && tax > gross) {
        form.problem(subcontractorField(n, "Tax"), "消費税額は請求額（税込）以下にしてください");
      } else if (gross != null && agencyGross != null && gross > agencyGross) {
        form.problem(subcontractorField(n, "Gross"), "外部委託先の請求額は認定支援機関の請求額以下にしてください");
      } else if (gross != null && tax != null) {
        invoices.add(new SubcontractorInvoice(name, Money.ofGross(gross, tax)));
      }
    }
    return invoices;
  }

  static String subcontractorField(int n, String field) {
    return "subcontractor" + n + field;
  }

  private static void record(TaskInput input, CaseFileService cases, ClaimService claims, ClaimRef ref, Transfer transfer) {
    claims.recordCompanyShare(input.caseNumber(), ref, transfer.date(), transfer.amount(), transfer.withheld());
    cases.recordEvent(input.caseNumber(), "COMPANY_SHARE_" + ref.category(), input.userId(),
        String.format("振込 %,d円（源泉徴収 %,d円）", transfer.amount(), transfer.withheld()));
  }

  private record Transfer(LocalDate date, long amount, long withheld) {
    /** The transfer fields; when not required, all may be left empty (null is returned then). */
    static Transfer read(FormValues form, CaseFileService cases, boolean required) {
      if (!required && !form.isPresent(TRANSFER_DATE) && !form.isPresent(TRANSFER_AMOUNT)) {
        return null;
      }
      LocalDate date = form.requiredPastDate(TRANSFER_DATE, cases.today());
      Long amount = form.requiredLong(TRANSFER_AMOUNT, 1, MAX_YEN);
      Long withheld = form.isPresent(WITHHELD_TAX) ? form.optionalLong(WITHHELD_TAX, 0, MAX_YEN) : Long.valueOf(0);
      return date == null || amount == null || withheld == null ? null : new Transfer(date, amount, withheld);
    }
  }

  private static ClaimRef ref(TaskInput input) {
    return ClaimRef.fromContext(input.contextString(CLAIM_CATEGORY), input.contextString(CLAIM_NO),
        input.contextString(CLAIM_AGENCY_ID));
  }

  private static List<String> invoiceAndTransfer() {
    List<String> fields = new ArrayList<>(Stream.concat(INVOICE.stream(), TRANSFER.stream()).toList());
    for (int n = 1; n <= MAX_SUBCONTRACTORS; n++) {
      for (String f : List.of("Name", "Gross", "Tax")) {
        fields.add(subcontractorField(n, f));
      }
    }
    return List.copyOf(fields);
  }
}
