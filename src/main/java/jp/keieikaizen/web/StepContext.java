package jp.keieikaizen.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import jp.keieikaizen.agency.AgencyService;
import jp.keieikaizen.casefile.CaseFile;
import jp.keieikaizen.casefile.CaseFileService;
import jp.keieikaizen.casefile.CaseNumber;
import jp.keieikaizen.casefile.CostCategory;
import jp.keieikaizen.casefile.OpenTask;
import jp.keieikaizen.casefile.Step;
import jp.keieikaizen.lender.CaseLender;
import jp.keieikaizen.lender.LenderResponse;
import jp.keieikaizen.lender.LenderResponseRecord;
import jp.keieikaizen.lender.LenderService;
import jp.keieikaizen.subsidy.ClaimService;
import jp.keieikaizen.subsidy.ClaimService.ClaimPicture;
import jp.keieikaizen.subsidy.ClaimService.ClaimRef;
import jp.keieikaizen.subsidy.ClaimStatus;
import jp.keieikaizen.subsidy.CompanySharePayment;
import jp.keieikaizen.subsidy.PaymentClaim;
import jp.keieikaizen.subsidy.SubcontractorInvoice;
import jp.keieikaizen.subsidy.SubsidyLine;

/**
 * The case context of each step (task definition): the facts its page shows above the form, the values its form
 * opens with beyond the process variables (the claim as filed when it is corrected, the plan's submission date
 * recorded for another lender), and the choices the form offers for this case (受取書 for an early plan, 同意・不同意
 * for a 405 plan). Everything comes from the case record; the task's variables only say which claim, lender or
 * round the step is about.
 */
@Component
class StepContext {

  private final CaseFileService cases;
  private final ClaimService claims;
  private final LenderService lenders;
  private final AgencyService agencies;

  StepContext(CaseFileService cases, ClaimService claims, LenderService lenders, AgencyService agencies) {
    this.cases = cases;
    this.claims = claims;
    this.lenders = lenders;
    this.agencies = agencies;
  }

  /** The facts for the task's step; empty for a step that needs none beyond the case summary. */
  @Transactional(readOnly = true)
  StepFacts facts(OpenTask task, CaseNumber number, Map<String, Object> variables) {
    CaseFile file = cases.get(number);
    List<StepFacts.Fact> facts = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    String heading = "この手続きで確認する内容";
    Step step = Step.of(task.key()).orElse(null);
    switch (step == null ? Step.Facts.NONE : step.facts()) {
      case APPLICATION -> {
        heading = "決定の前に確認する内容";
        decision(file, number, facts, notes);
      }
      case RETURN -> {
        heading = "協議会からの差戻し";
        lastEvent(file, "DECISION_RETURN").ifPresent(e -> facts.add(StepFacts.Fact.warning("差戻しの理由", e)));
      }
      case PLAN -> {
        facts.add(StepFacts.Fact.of("利用申請決定日", date(file.decisionDate())));
        adviceSentBack(file).ifPresent(a -> facts.add(StepFacts.Fact.warning("統括責任者の助言（差戻し）", a)));
      }
      case ADVICE -> {
        heading = "助言する計画";
        facts.add(StepFacts.Fact.of("計画策定日", date(file.planDate())));
        facts.add(StepFacts.Fact.of("計画期間", file.planPeriodYears() == null ? "未登録" : file.planPeriodYears() + "年"));
        if (file.planRevision() > 0) {
          facts.add(StepFacts.Fact.of("計画の版", "第" + file.planRevision() + "版（金融機関の不同意を受けて修正）"));
        }
        if (file.dueDiligenceOn() != null) {
          facts.add(StepFacts.Fact.of("DD完了日", date(file.dueDiligenceOn())));
          facts.add(StepFacts.Fact.of("第三者支援専門家", file.thirdPartyExpert()));
        }
        lastEvent(file, "PLAN_DRAFTED").filter(s -> !s.isBlank()).ifPresent(s -> facts.add(StepFacts.Fact.of("計画の概要", s)));
        notes.add("計画書などの書類は、案件のページの「書類」から開けます。");
      }
      case REFUSALS -> {
        heading = "不同意の内容";
        refusals(number, facts);
        notes.add("修正した計画は、まだ同意していない金融機関に改めて提出します。");
      }
      case LENDER -> lender(file, number, variables, facts, notes);
      case COMPANY_SHARE -> {
        heading = "事業者負担分（計画策定支援費用）";
        ClaimPicture picture = claims.picture(number, ClaimRef.of(CostCategory.PLAN));
        quoteLine(picture, facts);
        facts.add(StepFacts.Fact.of("振込が必要な事業者負担分", yen(picture.companyShareDueYen())
            + "（見積額 − 補助金。振込額と源泉徴収税額の合計で満たします）"));
        transfer(picture, facts);
        notes.add("実際の請求額が見積と違う場合の負担額は、支払申請の確認で請求額から計算し直されます。");
      }
      case CLAIM -> claim(step, file, number, variables, facts, notes);
      case VALIDITY -> {
        facts.add(StepFacts.Fact.of("現在の有効期限", date(file.applicationValidUntil())));
        facts.add(StepFacts.Fact.of("これまでの延長", file.validityExtensions() + "回"));
      }
      case RECOVERY -> {
        long paid = claims.claims(number).stream().filter(c -> c.status() == ClaimStatus.PAID)
            .mapToLong(c -> c.payableYen() == null ? 0 : c.payableYen()).sum();
        facts.add(StepFacts.Fact.warning("返還を求める額（支払済みの補助金）", yen(paid)));
      }
      case NONE -> {
      }
    }
    return new StepFacts(heading, facts, notes);
  }

  /**
   * The values the task's form opens with beyond its variables: a claim being corrected opens with the claim as filed
   * and the transfer as recorded; a lender's answer opens with the date the plan was submitted to another lender.
   */
  @Transactional(readOnly = true)
  Map<String, Object> values(OpenTask task, CaseNumber number, Map<String, Object> variables) {
    Map<String, Object> values = new LinkedHashMap<>(variables);
    if (Step.CORRECT_CLAIM.key().equals(task.key())) {
      ClaimPicture picture = claims.picture(number, claimRef(variables));
      picture.claim().ifPresent(c -> {
        values.putIfAbsent("invoiceDate", c.invoiceDate().toString());
        values.putIfAbsent("invoiceGross", c.invoiced().grossYen());
        values.putIfAbsent("invoiceTax", c.invoiced().taxYen());
        List<SubcontractorInvoice> subcontractors = c.subcontractorInvoices();
        for (int n = 1; n <= subcontractors.size(); n++) {
          SubcontractorInvoice s = subcontractors.get(n - 1);
          values.putIfAbsent("subcontractor" + n + "Name", s.subcontractorName());
          values.putIfAbsent("subcontractor" + n + "Gross", s.amount().grossYen());
          values.putIfAbsent("subcontractor" + n + "Tax", s.amount().taxYen());
        }
      });
      picture.transfer().ifPresent(t -> {
        values.putIfAbsent("transferDate", t.transferDate().toString());
        values.putIfAbsent("transferAmount", t.amountYen());
        values.putIfAbsent("withheldTax", t.withheldTaxYen());
      });
    }
    if (Step.RECORD_LENDER_RESPONSE.key().equals(task.key()) && !values.containsKey("planSubmittedOn")) {
      Long lenderId = lenderId(variables);
      lenders.lenders(number).stream().filter(l -> !l.id().equals(lenderId) && l.planSubmittedOn() != null)
          .map(CaseLender::planSubmittedOn).max(LocalDate::compareTo)
          .ifPresent(d -> values.put("planSubmittedOn", d.toString()));
    }
    return values;
  }

  /**
   * Narrows the form's choices to those the case allows: a lender's answer is 受取書 for an early plan, 同意 or 不同意
   * for a 405 plan (the server refuses the others either way).
   */
  JsonNode tailor(OpenTask task, JsonNode schema, Map<String, Object> variables) {
    if (Step.RECORD_LENDER_RESPONSE.key().equals(task.key())) {
      boolean consent = "CONSENT".equals(String.valueOf(variables.get("responseKind")));
      Predicate<String> offered = value -> consent != LenderResponse.RECEIPT.name().equals(value);
      schema.findParents("key").stream().filter(c -> "lenderResponse".equals(c.path("key").asText()))
          .map(c -> c.path("values")).filter(JsonNode::isArray).forEach(choices -> {
            ArrayNode array = (ArrayNode) choices;
            for (int i = array.size() - 1; i >= 0; i--) {
              if (!offered.test(array.get(i).path("value").asText())) {
                array.remove(i);
              }
            }
          });
    }
    return schema;
  }

  private void decision(CaseFile file, CaseNumber number, List<StepFacts.Fact> facts, List<String> notes) {
    if (file.eligible() == null) {
      facts.add(StepFacts.Fact.warning("要件の確認", "まだ行われていません"));
    } else if (file.eligible()) {
      facts.add(StepFacts.Fact.of("要件の確認", "すべての要件を満たしています"));
    } else {
      facts.add(StepFacts.Fact.warning("要件の確認", "満たさない要件があります。所見を確認して決定してください"));
    }
    if (file.eligibilityFindings() != null) {
      for (String finding : file.eligibilityFindings().split("\n")) {
        if (!finding.isBlank()) {
          notes.add(finding);
        }
      }
    }
    List<SubsidyLine> lines = claims.breakdown(number);
    for (SubsidyLine line : lines) {
      facts.add(StepFacts.Fact.of(line.category().label() + "（" + agencies.get(line.agencyId()).name() + "）",
          "見積 " + yen(line.quotedGrossYen()) + " → 補助金 " + yen(line.subsidyYen()) + "（上限 " + yen(line.capYen())
              + "）、事業者負担 " + yen(line.companyShareYen())));
    }
    facts.add(StepFacts.Fact.of("補助金の合計（受理で予算に計上）", yen(lines.stream().mapToLong(SubsidyLine::subsidyYen).sum())));
  }

  private void lender(CaseFile file, CaseNumber number, Map<String, Object> variables, List<StepFacts.Fact> facts,
      List<String> notes) {
    Long lenderId = lenderId(variables);
    CaseLender lender = lenderId == null ? null : lenders.lender(number, lenderId);
    if (lender == null) {
      return;
    }
    boolean consent = "CONSENT".equals(String.valueOf(variables.get("responseKind")));
    facts.add(StepFacts.Fact.of("金融機関", lender.name() + (lender.mainLender() ? "（メイン）" : "")));
    facts.add(StepFacts.Fact.of("求める回答", consent ? "計画への同意または不同意（全金融機関の同意が必要）" : "計画の受取書"));
    facts.add(StepFacts.Fact.of("計画策定日", date(file.planDate())));
    if (lender.planSubmittedOn() != null) {
      facts.add(StepFacts.Fact.of("この金融機関への計画提出日", date(lender.planSubmittedOn())));
    } else {
      lenders.lenders(number).stream().filter(l -> l.planSubmittedOn() != null).map(CaseLender::planSubmittedOn)
          .max(LocalDate::compareTo).ifPresent(d -> {
            facts.add(StepFacts.Fact.of("他の金融機関への計画提出日", date(d)));
            notes.add("同じ日に提出した場合、計画提出日は入力済みのままで構いません。");
          });
    }
    List<LenderResponseRecord> earlier = lenders.responses(number).stream()
        .filter(r -> lenderId.equals(r.lenderId())).toList();
    for (LenderResponseRecord r : earlier) {
      facts.add(new StepFacts.Fact("これまでの回答（第" + (r.revision() + 1) + "版の計画）",
          r.response().label() + "（" + date(r.respondedOn()) + "）" + (r.reason() == null ? "" : "：" + r.reason()),
          r.response() == LenderResponse.REFUSAL));
    }
  }

  private void refusals(CaseNumber number, List<StepFacts.Fact> facts) {
    List<CaseLender> all = lenders.lenders(number);
    Map<Long, String> names = new LinkedHashMap<>();
    all.forEach(l -> names.put(l.id(), l.name()));
    List<LenderResponseRecord> responses = lenders.responses(number);
    int latest = responses.stream().mapToInt(LenderResponseRecord::revision).max().orElse(0);
    responses.stream().filter(r -> r.response() == LenderResponse.REFUSAL)
        .forEach(r -> facts.add(new StepFacts.Fact(names.getOrDefault(r.lenderId(), "金融機関") + "（第" + (r.revision() + 1)
            + "版の計画、" + date(r.respondedOn()) + "）", "不同意：" + Objects.requireNonNullElse(r.reason(), "理由の記録なし"),
            r.revision() == latest)));
    all.stream().filter(l -> l.response() == LenderResponse.CONSENT)
        .forEach(l -> facts.add(StepFacts.Fact.of(l.name(), "同意済み（" + date(l.responseOn()) + "）")));
  }

  private void claim(Step step, CaseFile file, CaseNumber number, Map<String, Object> variables,
      List<StepFacts.Fact> facts, List<String> notes) {
    ClaimRef ref = claimRef(variables);
    ClaimPicture picture = claims.picture(number, ref);
    Long agency = ref.agencyId() == null ? file.leadAgencyId() : ref.agencyId();
    facts.add(StepFacts.Fact.of("費目", ref.category().label() + "（第" + ref.claimNo() + "回）"));
    String agencyName = agencies.get(agency).name();
    facts.add(StepFacts.Fact.of("認定支援機関", agencyName));
    quoteLine(picture, facts);
    Optional<PaymentClaim> claim = picture.claim();
    if (step == Step.CORRECT_CLAIM) {
      claim.map(PaymentClaim::returnReason).ifPresent(r -> facts.add(StepFacts.Fact.warning("差戻しの理由", r)));
      notes.add("前回の請求内容と振込を入力してあります。修正する欄だけ書き換えてください。振込額は事業者負担分の合計額です（追加分だけではありません）。");
    }
    if (claim.isPresent() && step != Step.FILE_CLAIM) {
      PaymentClaim c = claim.get();
      facts.add(StepFacts.Fact.of("請求日", date(c.invoiceDate())));
      facts.add(StepFacts.Fact.of("請求額（税込）", yen(c.invoiced().grossYen()) + "（うち消費税 " + yen(c.invoiced().taxYen()) + "）"));
      c.subcontractorInvoices().forEach(s -> facts.add(StepFacts.Fact.of("外部委託先 " + s.subcontractorName(),
          yen(s.amount().grossYen()) + "（うち消費税 " + yen(s.amount().taxYen()) + "）")));
      if (c.subsidyYen() != null && c.status() != ClaimStatus.RETURNED) {
        facts.add(StepFacts.Fact.of("補助対象額", yen(c.eligibleFeeYen())));
        facts.add(StepFacts.Fact.of("補助金", yen(c.subsidyYen())));
        long carried = c.payableYen() == null ? 0 : c.payableYen() - c.subsidyYen();
        facts.add(StepFacts.Fact.of("今回の支払額", yen(c.payableYen())
            + (c.deferredYen() != null && c.deferredYen() > 0 ? "（残り " + yen(c.deferredYen()) + " は伴走支援の支払申請で支払）"
                : carried > 0 ? "（この補助金 " + yen(c.subsidyYen()) + " ＋ 計画策定支援費用の補助金の残り " + yen(carried) + "）" : "")));
      }
      if (c.approvedOn() != null) {
        facts.add(StepFacts.Fact.of("支払決定日", date(c.approvedOn())));
      }
    }
    if (step != Step.RECORD_PAYMENT) {
      facts.add(StepFacts.Fact.of("事業者負担分（必要額）", yen(picture.companyShareDueYen())
          + (claim.filter(c -> c.subsidyYen() != null).isPresent() ? "（請求額 − 補助金）" : "（見積額 − 補助金）")));
      transfer(picture, facts);
    }
    if (step == Step.RECORD_PAYMENT) {
      claim.map(PaymentClaim::payableYen).ifPresent(p -> facts.add(StepFacts.Fact.warning("支払う額", yen(p)
          + "（" + agencyName + " へ）")));
    }
  }

  private static void quoteLine(ClaimPicture picture, List<StepFacts.Fact> facts) {
    picture.line().ifPresent(l -> facts.add(StepFacts.Fact.of("見積（税込）と補助金", "見積 " + yen(l.quotedGrossYen())
        + "、補助金 " + yen(l.subsidyYen()) + "（上限 " + yen(l.capYen()) + "）、支払済み " + yen(l.paidYen()))));
  }

  private static void transfer(ClaimPicture picture, List<StepFacts.Fact> facts) {
    Optional<CompanySharePayment> transfer = picture.transfer();
    if (transfer.isEmpty()) {
      facts.add(StepFacts.Fact.of("記録済みの振込", "まだありません"));
      return;
    }
    CompanySharePayment t = transfer.get();
    long shortfall = picture.companyShareDueYen() - t.borneYen();
    String text = date(t.transferDate()) + " " + yen(t.amountYen()) + "（源泉徴収 " + yen(t.withheldTaxYen()) + "、計 "
        + yen(t.borneYen()) + "）";
    facts.add(shortfall > 0 ? StepFacts.Fact.warning("記録済みの振込", text + "。必要額に " + yen(shortfall) + " 足りません")
        : StepFacts.Fact.of("記録済みの振込", text));
  }

  private static Optional<String> lastEvent(CaseFile file, String kind) {
    return file.events().stream().filter(e -> e.kind().equals(kind)).reduce((a, b) -> b)
        .map(e -> e.detail() == null ? "" : e.detail());
  }

  /** The advice of a send-back that came after the plan's last draft, if any. */
  private static Optional<String> adviceSentBack(CaseFile file) {
    String last = null;
    for (var event : file.events()) {
      if (event.kind().equals("ADVICE_SEND_BACK")) {
        last = event.detail() == null ? "" : event.detail();
      } else if (event.kind().equals("PLAN_DRAFTED") || event.kind().equals("ADVICE_APPROVE")) {
        last = null;
      }
    }
    return Optional.ofNullable(last);
  }

  private static ClaimRef claimRef(Map<String, Object> variables) {
    return ClaimRef.fromContext(text(variables.get("claimCategory")), text(variables.get("claimNo")),
        text(variables.get("claimAgencyId")));
  }

  private static Long lenderId(Map<String, Object> variables) {
    String id = text(variables.get("lenderId"));
    return id == null ? null : Long.valueOf(id);
  }

  private static String text(Object value) {
    return value == null ? null : String.valueOf(value);
  }

  static String yen(Long yen) {
    return yen == null ? "—" : String.format("%,d円", yen);
  }

  static String yen(long yen) {
    return String.format("%,d円", yen);
  }

  private static String date(LocalDate date) {
    return date == null ? "未登録" : date.toString();
  }
}
