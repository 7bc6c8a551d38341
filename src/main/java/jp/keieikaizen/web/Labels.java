package jp.keieikaizen.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jp.keieikaizen.agency.AgencyService;
import jp.keieikaizen.casefile.CaseState;
import jp.keieikaizen.casefile.CostCategory;
import jp.keieikaizen.lender.LenderResponse;
import jp.keieikaizen.monitoring.RoundKind;
import jp.keieikaizen.subsidy.ClaimStatus;
import jp.keieikaizen.council.Council;
import jp.keieikaizen.council.CouncilService;

/**
 * Words for the ids the pages would otherwise print (#14): a council's code as its name, a task's candidate group as
 * the people it means. Templates call it as {@code @labels}; an id it does not know is shown as it is.
 */
@Component("labels")
class Labels {

  private static final Pattern AGENCY_GROUP = Pattern.compile("agency-(\\d{1,18})");

  private final CouncilService councils;
  private final AgencyService agencies;
  private final jp.keieikaizen.security.Callers users;

  Labels(CouncilService councils, AgencyService agencies, jp.keieikaizen.security.Callers users) {
    this.councils = councils;
    this.agencies = agencies;
    this.users = users;
  }

  /** A user's name instead of their id (the id when they have none); empty for nobody (the system). */
  public String user(String userId) {
    return users == null ? String.valueOf(userId) : users.displayName(userId);
  }

  /** 「東京都中小企業活性化協議会」 for "13". */
  public String council(String code) {
    return code == null ? "" : councils.find(code).map(Council::name).orElse(code);
  }

  /** The people a candidate group means: 「東京都中小企業活性化協議会 コーディネーター」, an agency's name. */
  public String group(String group) {
    if (group == null) {
      return "";
    }
    Matcher council = jp.keieikaizen.security.Groups.COUNCIL_STAFF.matcher(group);
    if (council.matches()) {
      return council(council.group(1)) + ("coordinator".equals(council.group(2)) ? " コーディネーター" : " 統括責任者");
    }
    Matcher agency = AGENCY_GROUP.matcher(group);
    if (agency.matches()) {
      try {
        return agencies.get(Long.valueOf(agency.group(1))).name();
      } catch (RuntimeException unknown) {
        return group;
      }
    }
    return "national-manager".equals(group) ? "全国本部" : group;
  }

  private static final Map<String, String> EVENTS = Map.ofEntries(Map.entry("APPLIED", "利用申請"),
      Map.entry("DOCUMENT_ADDED", "書類の登録"), Map.entry("DECISION_ACCEPT", "利用申請の決定：受理"),
      Map.entry("DECISION_RETURN", "利用申請の決定：差戻し（補正依頼）"), Map.entry("DECISION_REJECT", "利用申請の決定：不受理"),
      Map.entry("RESUBMITTED", "補正後の再申請"), Map.entry("DUE_DILIGENCE", "DD（デューデリジェンス）の実施"),
      Map.entry("PLAN_DRAFTED", "計画の策定"), Map.entry("PLAN_REVISED", "計画の修正"),
      Map.entry("ADVICE_APPROVE", "計画への助言：了承"), Map.entry("ADVICE_SEND_BACK", "計画への助言：差戻し"),
      Map.entry("VALIDITY_EXTEND", "申請の有効期限：延長"), Map.entry("VALIDITY_LAPSE", "申請の有効期限：失効"),
      Map.entry("GUARANTEE_RELEASED", "経営者保証の解除交渉：解除"),
      Map.entry("GUARANTEE_PARTIAL", "経営者保証の解除交渉：一部解除"),
      Map.entry("GUARANTEE_NOT_RELEASED", "経営者保証の解除交渉：解除されず"),
      Map.entry("MONITORING_SUBMITTED", "伴走支援の報告"), Map.entry("MONITORING_ACCEPT", "伴走支援の報告の確認：確認済み"),
      Map.entry("MONITORING_RETURN", "伴走支援の報告の確認：差戻し"), Map.entry("LENDER_REMINDER", "金融機関の回答期限の通知"),
      Map.entry("LENDER_OVERDUE_FOLLOW_UP", "金融機関への回答の督促"));

  /** What a case's recorded event was, in words (a cost category, a lender's answer or an end state as theirs). */
  public String event(String kind) {
    if (kind == null) {
      return "";
    }
    String known = EVENTS.get(kind);
    if (known != null) {
      return known;
    }
    for (CaseState state : CaseState.values()) {
      if (state.name().equals(kind)) {
        return "案件の終了：" + state.label();
      }
    }
    for (var prefix : List.of(Map.entry("CLAIM_FILED_", "支払申請"), Map.entry("CLAIM_LAPSED_", "支払申請の失効"),
        Map.entry("CLAIM_APPROVE_", "支払申請の審査：支払決定"), Map.entry("CLAIM_RETURN_", "支払申請の審査：差戻し"),
        Map.entry("PAID_", "補助金の支払"), Map.entry("COMPANY_SHARE_", "事業者負担分の支払"))) {
      if (kind.startsWith(prefix.getKey())) {
        return prefix.getValue() + "（" + category(kind.substring(prefix.getKey().length())) + "）";
      }
    }
    if (kind.startsWith("LENDER_")) {
      String answer = kind.substring("LENDER_".length());
      String word = word(LenderResponse.class, answer, LenderResponse::label, "");
      return word.equals(answer) ? kind : "金融機関の回答：" + word;
    }
    return kind;
  }

  /** A cost category's name for its code (PLAN → 計画策定支援費用). */
  public String category(String code) {
    return word(CostCategory.class, code, CostCategory::label, "");
  }

  /** A lender's answer in words; no answer yet is 未回答. */
  public String lenderResponse(String code) {
    return word(LenderResponse.class, code, LenderResponse::label, "未回答");
  }

  /** A payment claim's state in words. */
  public String claimStatus(String code) {
    return word(ClaimStatus.class, code, ClaimStatus::label, "");
  }

  /** A monitoring round's kind in words. */
  public String roundKind(String code) {
    return word(RoundKind.class, code, RoundKind::label, "");
  }

  /** A code's word by its enum; an unknown code stays visible as it is, and no code (null) reads as {@code none}. */
  private static <E extends Enum<E>> String word(Class<E> type, String code, Function<E, String> label, String none) {
    if (code == null) {
      return none;
    }
    try {
      return label.apply(Enum.valueOf(type, code));
    } catch (IllegalArgumentException unknown) {
      return code;
    }
  }

  /** The outcome of a monitoring report's review in words. */
  public String reviewOutcome(String code) {
    return code == null ? "" : switch (code) {
      case "ACCEPT" -> "確認済み";
      case "RETURN" -> "差戻し";
      default -> code;
    };
  }

  /** The groups of a task, in words, joined by 「、」. */
  public String groups(java.util.List<String> groups) {
    return String.join("、", groups.stream().map(this::group).toList());
  }
}
