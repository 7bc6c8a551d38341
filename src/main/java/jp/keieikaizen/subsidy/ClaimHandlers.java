package jp.keieikaizen.subsidy;

import static jp.keieikaizen.subsidy.ClaimFields.*;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jp.keieikaizen.casefile.CaseFileService;
import jp.keieikaizen.casefile.CaseNumber;
import jp.keieikaizen.casefile.CostCategory;
import jp.keieikaizen.casefile.Money;
import jp.keieikaizen.casefile.TaskFormHandler;
import jp.keieikaizen.casefile.TaskFormHandler.TaskInput;
import jp.keieikaizen.common.FormValues;

/**
 * Claim tasks: recordCompanyShare and filePlanClaim (agency, plan), fileMonitoringClaim and correctClaim (agency),
 * checkClaim and recordPayment (coordinator). The cost category of the call-activity tasks is the process's claimCategory.
 */
@Configuration(proxyBeanMethods = false)
class ClaimHandlers {

  static final long MAX_YEN = 100_000_000L;

  enum ClaimDecision { APPROVE, RETURN }

  @Bean
  TaskFormHandler recordCompanyShareHandler(CaseFileService cases, ClaimService claims) {
    return TaskFormHandler.of("recordCompanyShare", TRANSFER, input -> {
      recordShare(input, cases, claims, CostCategory.PLAN);
      return Map.of();
    });
  }

  @Bean
  TaskFormHandler filePlanClaimHandler(CaseFileService cases, ClaimService claims) {
    return TaskFormHandler.of("filePlanClaim", INVOICE, input -> {
      fileClaim(input, cases, claims, CostCategory.PLAN, false);
      return Map.of();
    });
  }

  @Bean
  TaskFormHandler fileMonitoringClaimHandler(CaseFileService cases, ClaimService claims) {
    return TaskFormHandler.of("fileMonitoringClaim", invoiceAndTransfer(), input -> {
      fileClaim(input, cases, claims, category(input), true);
      return Map.of();
    });
  }

  @Bean
  TaskFormHandler correctClaimHandler(CaseFileService cases, ClaimService claims) {
    return TaskFormHandler.of("correctClaim", invoiceAndTransfer(), input -> {
      fileClaim(input, cases, claims, category(input), true);
      return Map.of();
    });
  }

  @Bean
  TaskFormHandler checkClaimHandler(CaseFileService cases, ClaimService claims) {
    return TaskFormHandler.of("checkClaim", List.of(CLAIM_DECISION, CLAIM_COMMENT), input -> {
      FormValues form = input.form();
      ClaimDecision decision = form.requiredEnum(CLAIM_DECISION, ClaimDecision.class);
      String comment = form.optionalText(CLAIM_COMMENT, 1000);
      if (decision == ClaimDecision.RETURN && comment == null) {
        form.problem(CLAIM_COMMENT, "差戻しの理由を入力してください");
      }
      form.validate();
      CostCategory category = category(input);
      if (decision == ClaimDecision.APPROVE) {
        claims.approve(input.caseNumber(), category);
      } else {
        claims.returnToAgency(input.caseNumber(), category, comment);
      }
      cases.recordEvent(input.caseNumber(), "CLAIM_" + decision + "_" + category, input.userId(), comment);
      return Map.of(CLAIM_DECISION, decision.name());
    });
  }

  @Bean
  TaskFormHandler recordPaymentHandler(CaseFileService cases, ClaimService claims) {
    return TaskFormHandler.of("recordPayment", List.of(PAID_ON, PAYMENT_REFERENCE), input -> {
      FormValues form = input.form();
      LocalDate paidOn = form.requiredDate(PAID_ON);
      String reference = form.requiredText(PAYMENT_REFERENCE, 100);
      if (paidOn != null && paidOn.isAfter(cases.today())) {
        form.problem(PAID_ON, "支払日に未来の日付は入力できません");
      }
      form.validate();
      claims.recordPayment(input.caseNumber(), category(input), paidOn, reference);
      cases.recordEvent(input.caseNumber(), "PAID_" + category(input), input.userId(), reference);
      return Map.of();
    });
  }

  private static void fileClaim(TaskInput input, CaseFileService cases, ClaimService claims, CostCategory category,
      boolean withTransfer) {
    FormValues form = input.form();
    LocalDate invoiceDate = pastDate(form, INVOICE_DATE, cases);
    Long gross = form.requiredLong(INVOICE_GROSS, 1, MAX_YEN);
    Long tax = form.requiredLong(INVOICE_TAX, 0, MAX_YEN);
    if (gross != null && tax != null && tax > gross) {
      form.problem(INVOICE_TAX, "消費税額は請求額（税込）以下にしてください");
    }
    Transfer transfer = withTransfer ? Transfer.read(form, cases) : null;
    form.validate();
    CaseNumber number = input.caseNumber();
    claims.file(number, category, invoiceDate, Money.ofGross(gross, tax));
    if (transfer != null) {
      claims.recordCompanyShare(number, category, transfer.date(), transfer.amount(), transfer.withheld());
    }
    cases.recordEvent(number, "CLAIM_FILED_" + category, input.userId(), String.format("請求額 %,d円", gross));
  }

  private static void recordShare(TaskInput input, CaseFileService cases, ClaimService claims, CostCategory category) {
    Transfer transfer = Transfer.read(input.form(), cases);
    input.form().validate();
    claims.recordCompanyShare(input.caseNumber(), category, transfer.date(), transfer.amount(), transfer.withheld());
    cases.recordEvent(input.caseNumber(), "COMPANY_SHARE_" + category, input.userId(),
        String.format("振込 %,d円（源泉徴収 %,d円）", transfer.amount(), transfer.withheld()));
  }

  private record Transfer(LocalDate date, long amount, long withheld) {
    static Transfer read(FormValues form, CaseFileService cases) {
      LocalDate date = pastDate(form, TRANSFER_DATE, cases);
      Long amount = form.requiredLong(TRANSFER_AMOUNT, 1, MAX_YEN);
      Long withheld = form.isPresent(WITHHELD_TAX) ? form.optionalLong(WITHHELD_TAX, 0, MAX_YEN) : Long.valueOf(0);
      return date == null || amount == null || withheld == null ? null : new Transfer(date, amount, withheld);
    }
  }

  private static LocalDate pastDate(FormValues form, String field, CaseFileService cases) {
    LocalDate date = form.requiredDate(field);
    return date != null && date.isAfter(cases.today()) ? form.problem(field, "未来の日付は入力できません") : date;
  }

  private static CostCategory category(TaskInput input) {
    return CostCategory.valueOf(input.contextString(CLAIM_CATEGORY));
  }

  private static List<String> invoiceAndTransfer() {
    return Stream.concat(INVOICE.stream(), TRANSFER.stream()).toList();
  }
}
