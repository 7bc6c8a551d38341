package jp.keieikaizen.bench;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import jp.keieikaizen.EarlyPlanLifecycleIT;
import jp.keieikaizen.casefile.Programme;

/**
 * Valid data for driving many cases through their whole lifecycle (the performance harness and the cluster test):
 * applications that need no documents and no 法人番号 (so prior use never interferes), and the values of every user
 * task of both programmes.
 */
public final class LifecycleData {

  /**
   * Today in Japan, as the application dates a decision, read for each task: a run that passes midnight in Japan (15:00
   * UTC) would otherwise date a plan before the decision the application recorded after midnight.
   */
  static String today() {
    return LocalDate.now(ZoneId.of("Asia/Tokyo")).toString();
  }

  private LifecycleData() {
  }

  /** A sole proprietor's application; 405 with a bank and the guarantee corporation and fees below the Gantt threshold. */
  public static Map<String, Object> application(Programme programme, String agencyCode) {
    boolean early = programme == Programme.EARLY_PLAN;
    Map<String, Object> v = early ? EarlyPlanLifecycleIT.application() : EarlyPlanLifecycleIT.application405();
    v.put("agencyCode", agencyCode);
    v.remove("corporateNumber");
    v.put("entityType", "SOLE_PROPRIETOR");
    if (!early) {
      v.remove("lender3Name");
      v.remove("lender3Kind");
      v.put("lender2Name", "東京信用保証協会");
      v.put("lender2Kind", "CREDIT_GUARANTEE");
      v.put("planFeeGross", 400_000);
      v.put("planFeeTax", 36_363);
      v.put("monitoringFeeGross", 200_000);
      v.put("monitoringFeeTax", 18_181);
    }
    return v;
  }

  /**
   * The values completing a task of the lifecycle (accept, approve, consent or receipt, pay).
   * @param claimCategory for fileClaim, the claim's category
   * @param taskId makes each payment reference its own
   */
  public static Map<String, Object> taskValues(String key, boolean early, String claimCategory, String taskId) {
    return switch (key) {
      case "decideApplication" -> Map.of("decision", "ACCEPT", "decisionComment", "要件充足");
      case "draftPlan" -> Map.of("planDate", today(), "planPeriodYears", 3, "hasBusinessModelOverview", true,
          "hasCashPlan", true, "hasPlannedPnl", true, "hasActionPlan", true);
      case "draftPlan405" -> Map.of("planDate", today(), "planPeriodYears", 5, "hasCompanyOverview", true,
          "hasBusinessModelOverview", true, "hasCashPlan", true, "hasFinancialStatements", true, "hasActionPlan", true,
          "hasFinancialSupport", true);
      case "advisePlan" -> Map.of("adviceOutcome", "APPROVE");
      case "recordLenderResponse" -> Map.of("planSubmittedOn", today(), "lenderResponse", early ? "RECEIPT" : "CONSENT",
          "respondedOn", today());
      case "recordCompanyShare" -> Map.of("transferDate", today(), "transferAmount", early ? 75_000 : 133_334);
      case "fileClaim" -> claim(claimCategory, early);
      case "checkClaim" -> Map.of("claimDecision", "APPROVE", "docInvoice", true, "docTransfer", true,
          "docTimeSheet", true, "docCheckpoints", true, "docLenderResponses", true, "docMonitoringReport", true,
          "docNegotiationRecord", true);
      case "recordPayment" -> Map.of("paidOn", today(), "paymentReference", "振込-" + Integer.toHexString(taskId.hashCode()));
      case "submitMonitoringReport" -> Map.of("reportSubmittedOn", today(), "lenderMeetingOn", today(),
          "financials", "TAX_RETURN", "coversResults", true, "coversActionProgress", true, "coversGapAnalysis", true,
          "coversLenderRequests", true);
      case "reviewMonitoringReport" -> Map.of("reviewOutcome", "ACCEPT");
      default -> throw new IllegalStateException("no lifecycle data for task " + key);
    };
  }

  /** Each claim invoiced at its quote (405 monitoring: a third per yearly claim); the company's transfer covers its share. */
  private static Map<String, Object> claim(String category, boolean early) {
    long gross = switch (category) {
      case "PLAN" -> early ? 225_000 : 400_000;
      case "INTERIM_MONITORING" -> 60_000;
      case "FINAL_MONITORING" -> 75_000;
      case "MONITORING" -> 66_000;
      default -> 100_000;
    };
    Map<String, Object> values = new HashMap<>(Map.of("invoiceDate", today(), "transferDate", today()));
    values.put("invoiceGross", gross);
    values.put("invoiceTax", gross / 11);
    values.put("transferAmount", gross);
    return values;
  }
}
