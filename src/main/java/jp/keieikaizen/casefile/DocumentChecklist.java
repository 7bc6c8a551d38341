package jp.keieikaizen.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jp.keieikaizen.common.FieldProblem;
import jp.keieikaizen.common.FormValues;
import jp.keieikaizen.common.InvalidInputException;
import jp.keieikaizen.company.CompanyService;

/**
 * The documents each step needs (DOMAIN.md §3 and §8), checked against what the case has filed. A task whose required
 * documents are missing cannot be completed: {@link #require} refuses with one message that names each missing line
 * and points to the task's document page. Some lines apply only to one answer of the form, e.g. the application set
 * only when the coordinator accepts, a lender's consent only when it consents.
 */
@Service
@Transactional(readOnly = true)
public class DocumentChecklist {

  /** The field a refusal names: the task's documents rather than one of its form fields. */
  public static final String FIELD = "documents";
  /** How old a register extract may be at the application (発行後3か月以内). */
  static final int REGISTER_EXTRACT_MONTHS = 3;
  static final int TAX_RETURN_YEARS = 3;

  /** The task being checked: its model key and name, its case, its process variables and when it was created. */
  public record TaskContext(String taskId, String taskKey, String name, CaseNumber caseNumber,
      Map<String, Object> variables, Instant created) {

    Number number(String name) {
      return variables.get(name) instanceof Number n ? n : null;
    }

    String string(String name) {
      Object v = variables.get(name);
      return v == null ? null : v.toString();
    }
  }

  /**
   * One line of a checklist: {@code count} documents of any of {@code types} filed under {@code slot}, issued on or
   * after {@code issuedSince} and uploaded after {@code uploadedAfter} where those are given; {@code condition} says
   * when it applies ("受理するとき"), null when always.
   */
  public record Requirement(String label, DocumentSlot slot, List<DocumentType> types, int count, LocalDate issuedSince,
      Instant uploadedAfter, String condition, Predicate<FormValues> appliesTo) {

    boolean counts(DocumentService.Filed d) {
      return types.contains(d.type()) && slot.holds(d.step(), d.subject())
          && (issuedSince == null || d.issuedOn() != null && !d.issuedOn().isBefore(issuedSince))
          && (uploadedAfter == null || !d.uploadedAt().isBefore(uploadedAfter));
    }

    /** The document type an upload for this line takes (the first named). */
    public DocumentType type() {
      return types.get(0);
    }
  }

  /** A line with how many matching documents the case has. */
  public record Line(Requirement requirement, int filed) {
    public boolean satisfied() {
      return filed >= requirement.count();
    }
  }

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DocumentChecklist.class);

  private final CaseFileService cases;
  private final DocumentService documents;
  private final CompanyService companies;
  private final GanttChartRule ganttCharts;
  private final boolean enforce;

  /** {@code keiei.documents.enforce=false} (load and cluster tests only) lists the lines but completes without them. */
  DocumentChecklist(CaseFileService cases, DocumentService documents, CompanyService companies, GanttChartRule ganttCharts,
      @org.springframework.beans.factory.annotation.Value("${keiei.documents.enforce:true}") boolean enforce) {
    this.ganttCharts = ganttCharts;
    this.cases = cases;
    this.documents = documents;
    this.companies = companies;
    this.enforce = enforce;
    if (!enforce) {
      LOG.warn("keiei.documents.enforce=false: tasks complete without their required documents (test setting)");
    }
  }

  /** Whether the step's checklist reads the task's variables (which lender, claim or round it is about). */
  public static boolean readsVariables(String taskKey) {
    return switch (Step.of(taskKey).map(Step::documents).orElse(Step.Documents.NONE)) {
      case LENDER_ANSWER, CLAIM, MONITORING_REPORT -> true;
      default -> false;
    };
  }

  /** The task's lines and how far each is met. */
  public List<Line> lines(TaskContext task) {
    List<DocumentService.Filed> filed = documents.filed(task.caseNumber());
    return requirements(task, filed).stream()
        .map(r -> new Line(r, (int) filed.stream().filter(r::counts).count()))
        .toList();
  }

  /** @throws InvalidInputException on {@link #FIELD} naming every line the submitted form needs and the case lacks */
  public void require(TaskContext task, FormValues form, String documentsPage) {
    if (!enforce) {
      return;
    }
    List<String> missing = lines(task).stream()
        .filter(l -> !l.satisfied() && l.requirement().appliesTo().test(form))
        .map(l -> l.requirement().label() + (l.requirement().count() > 1
            ? "（" + l.requirement().count() + "通のうち" + l.filed() + "通）" : ""))
        .toList();
    if (!missing.isEmpty()) {
      throw new InvalidInputException(List.of(new FieldProblem(FIELD, "必要書類が登録されていません："
          + String.join("、", missing) + "。書類ページ（" + documentsPage + "）で登録してから完了してください")));
    }
  }

  /**
   * What the task needs, in the order a checklist shows it, by the documents its {@link Step} declares; some lines
   * depend on what the case has filed.
   */
  private List<Requirement> requirements(TaskContext task, List<DocumentService.Filed> filed) {
    CaseFile file = cases.get(task.caseNumber());
    List<Requirement> list = new ArrayList<>();
    switch (Step.of(task.taskKey()).map(Step::documents).orElse(Step.Documents.NONE)) {
      case APPLICATION_SET -> applicationSet(file, list);
      case DUE_DILIGENCE_REPORT -> list.add(always("DD報告書", DocumentSlot.of(DocumentSlot.DUE_DILIGENCE),
          DocumentType.DUE_DILIGENCE_REPORT));
      case PLAN -> list.add(always("経営改善計画書", DocumentSlot.of(DocumentSlot.PLAN), DocumentType.PLAN));
      case REVISED_PLAN -> list.add(new Requirement("修正した経営改善計画書（このタスクの開始後に登録したもの）",
          DocumentSlot.of(DocumentSlot.PLAN), List.of(DocumentType.PLAN), 1, null, task.created(), null, f -> true));
      case LENDER_ANSWER -> lenderResponse(task, list);
      case COMPANY_SHARE -> list.add(always("事業者負担分の振込の控え", DocumentSlot.of(DocumentSlot.COMPANY_SHARE),
          DocumentType.TRANSFER_EVIDENCE));
      case CLAIM -> claim(task, filed, list);
      case MONITORING_REPORT -> monitoringReport(task, list);
      case NONE -> {
        // the coordinator's reviews and decisions check what the agency filed; they add no documents of their own
      }
    }
    return list;
  }

  /** 利用申請: DOMAIN.md §3 (early plan and 405 sets) and the gates of §8; needed to accept, not to return or reject. */
  private void applicationSet(CaseFile file, List<Requirement> list) {
    Predicate<FormValues> accepting = f -> f.holds("decision", "ACCEPT");
    String when = "受理するとき";
    DocumentSlot slot = DocumentSlot.of(DocumentSlot.APPLICATION);
    int agencies = (int) file.fees().stream().map(CaseFee::agencyId).distinct().count();
    list.add(new Requirement("利用申請書", slot, List.of(DocumentType.APPLICATION_FORM), 1, null, null, when, accepting));
    list.add(new Requirement("申請者の概要", slot, List.of(DocumentType.COMPANY_OVERVIEW), 1, null, null, when, accepting));
    list.add(new Requirement("業務別見積明細書・単価表（認定支援機関ごと）", slot, List.of(DocumentType.QUOTE),
        Math.max(1, agencies), null, null, when, accepting));
    list.add(new Requirement("認定通知書（認定支援機関ごと）", slot, List.of(DocumentType.CERTIFICATION),
        Math.max(1, agencies), null, null, when, accepting));
    if (companies.get(file.companyId()).entityType().hasCorporateNumber()) {
      LocalDate since = file.applicationDate().minusMonths(REGISTER_EXTRACT_MONTHS);
      list.add(new Requirement("履歴事項全部証明書（" + since + "以降の発行）", slot,
          List.of(DocumentType.REGISTER_EXTRACT), 1, since, null, when, accepting));
    }
    list.add(new Requirement("確定申告書（直近" + TAX_RETURN_YEARS + "期分）", slot, List.of(DocumentType.TAX_RETURN),
        TAX_RETURN_YEARS, null, null, when, accepting));
    if (file.programme() == Programme.EARLY_PLAN) {
      list.add(new Requirement("金融機関の事前相談書", slot, List.of(DocumentType.BANK_PRE_CONSULTATION), 1, null, null,
          when, accepting));
    } else {
      list.add(new Requirement("主要金融機関の確認書面（別紙1にメイン・サブメイン金融機関の押印があるときはその写し）", slot,
          List.of(DocumentType.MAIN_BANK_CONFIRMATION), 1, null, null, when, accepting));
      if (ganttCharts.needsGanttChart(file)) {
        list.add(new Requirement("工程表（ガントチャート）（計画策定支援費用が基準額を超えるため）", slot,
            List.of(DocumentType.GANTT_CHART), 1, null, null, when, accepting));
      }
    }
  }

  /** A receipt (early plan) or, when the lender consents, its consent (405), filed for this lender. */
  private static void lenderResponse(TaskContext task, List<Requirement> list) {
    Number lender = task.number("lenderId");
    DocumentSlot slot = DocumentSlot.lender(lender == null ? 0 : lender.longValue());
    if ("CONSENT".equals(task.string("responseKind"))) {
      list.add(new Requirement("この金融機関の同意書（同意確認書・金融支援に係る確認書）", slot,
          List.of(DocumentType.LENDER_CONSENT), 1, null, null, "同意のとき", f -> f.holds("lenderResponse", "CONSENT")));
    } else {
      list.add(always("この金融機関の受取書（受領書・預り書）", slot, DocumentType.LENDER_RECEIPT));
    }
  }

  /** Each agency's claim: its invoice to the council, its time sheets, the 着眼点実施確認表 and the company's transfer. */
  private static void claim(TaskContext task, List<DocumentService.Filed> filed, List<Requirement> list) {
    Number no = task.number("claimNo");
    Number agency = task.number("claimAgencyId");
    String category = task.string("claimCategory");
    DocumentSlot slot = DocumentSlot.claim(category, no == null ? 1 : no.intValue(),
        agency == null ? null : agency.longValue());
    list.add(always("請求書（協議会宛て）", slot, DocumentType.INVOICE));
    list.add(always("従事時間管理表", slot, DocumentType.TIME_SHEET));
    list.add(always("着眼点実施確認表", slot, DocumentType.CHECKLIST));
    boolean shareFiled = "PLAN".equals(category) && filed.stream()
        .anyMatch(d -> d.type() == DocumentType.TRANSFER_EVIDENCE
            && DocumentSlot.of(DocumentSlot.COMPANY_SHARE).holds(d.step(), d.subject()));
    if (!shareFiled) {
      list.add(always("事業者負担分の振込の控え", slot, DocumentType.TRANSFER_EVIDENCE));
    }
  }

  /** A round's 伴走支援レポート with its trial balance (期中) or tax return (期末), and the 着眼点実施確認表. */
  private static void monitoringReport(TaskContext task, List<Requirement> list) {
    Number round = task.number("roundNo");
    DocumentSlot slot = DocumentSlot.round(round == null ? 1 : round.intValue());
    list.add(always("伴走支援レポート", slot, DocumentType.MONITORING_REPORT));
    list.add(new Requirement("試算表（期中）または確定申告書（期末）", slot,
        List.of(DocumentType.TRIAL_BALANCE, DocumentType.TAX_RETURN), 1, null, null, null, f -> true));
    list.add(always("着眼点実施確認表", slot, DocumentType.CHECKLIST));
  }

  private static Requirement always(String label, DocumentSlot slot, DocumentType type) {
    return new Requirement(label, slot, List.of(type), 1, null, null, null, f -> true);
  }
}
