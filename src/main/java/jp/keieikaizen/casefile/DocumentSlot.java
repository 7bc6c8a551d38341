package jp.keieikaizen.casefile;

/**
 * Where a document belongs: the step of the case (APPLICATION, PLAN, LENDER, CLAIM, MONITORING …) and, where a step
 * repeats, what it is about within it: a lender ({@code lender-12}), a claim ({@code claim-PLAN-1-agency-3}) or a
 * monitoring round ({@code round-2}); null when the step happens once.
 */
public record DocumentSlot(String step, String subject) {

  public static final String APPLICATION = "APPLICATION";
  public static final String DUE_DILIGENCE = "DUE_DILIGENCE";
  public static final String PLAN = "PLAN";
  public static final String LENDER = "LENDER";
  public static final String COMPANY_SHARE = "COMPANY_SHARE";
  public static final String CLAIM = "CLAIM";
  public static final String MONITORING = "MONITORING";

  private static final java.util.Map<String, String> STEP_LABELS = java.util.Map.of(APPLICATION, "利用申請",
      DUE_DILIGENCE, "DD", PLAN, "計画策定", LENDER, "金融機関", COMPANY_SHARE, "事業者負担分", CLAIM, "支払申請",
      MONITORING, "伴走支援");

  /** The step in Japanese (the code itself for a step named by a caller). */
  public static String stepLabel(String step) {
    return STEP_LABELS.getOrDefault(step, step);
  }

  public static DocumentSlot of(String step) {
    return new DocumentSlot(step, null);
  }

  public static DocumentSlot lender(long lenderId) {
    return new DocumentSlot(LENDER, "lender-" + lenderId);
  }

  public static DocumentSlot claim(String category, int claimNo, Long agencyId) {
    return new DocumentSlot(CLAIM, "claim-" + category + "-" + claimNo + (agencyId == null ? "" : "-agency-" + agencyId));
  }

  public static DocumentSlot round(int roundNo) {
    return new DocumentSlot(MONITORING, "round-" + roundNo);
  }

  /** Whether a document filed under step and subject belongs here. */
  public boolean holds(String step, String subject) {
    return this.step.equals(step) && java.util.Objects.equals(this.subject, subject);
  }
}
