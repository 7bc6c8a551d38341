package jp.keieikaizen.process;

/** Every id the code uses from the models in processes/. Change an id only together with its .bpmn file. */
public final class CaseProcess {

  public static final String EARLY_PLAN = "earlyPlan";
  public static final String PAYMENT_CLAIM = "paymentClaim";
  public static final String MONITORING_ROUND = "monitoringRound";

  public static final class Tasks {
    public static final String SUBMIT_APPLICATION = "submitApplication"; // the start event and its form
    public static final String REGISTER_APPLICATION = "registerApplication";
    public static final String CHECK_ELIGIBILITY = "checkEligibility";
    public static final String DECIDE_APPLICATION = "decideApplication";
    public static final String CORRECT_APPLICATION = "correctApplication";
    public static final String PREPARE_PLAN = "preparePlan";
    public static final String DRAFT_PLAN = "draftPlan";
    public static final String ADVISE_PLAN = "advisePlan";
    public static final String RECORD_LENDER_RECEIPT = "recordLenderReceipt";
    public static final String RECORD_COMPANY_SHARE = "recordCompanyShare";
    public static final String FILE_PLAN_CLAIM = "filePlanClaim";
    public static final String PLAN_CLAIM_OVERDUE = "planClaimOverdue";
    public static final String RECORD_LAPSE = "recordLapse";
    public static final String CLAIM_PLAN_PAYMENT = "claimPlanPayment";
    public static final String SCHEDULE_MONITORING = "scheduleMonitoring";
    public static final String WAIT_FOR_INTERIM_MONITORING = "waitForInterimMonitoring";
    public static final String MONITOR_INTERIM = "monitorInterim";
    public static final String CLAIM_INTERIM_PAYMENT = "claimInterimPayment";
    public static final String WAIT_FOR_FINAL_MONITORING = "waitForFinalMonitoring";
    public static final String MONITOR_FINAL = "monitorFinal";
    public static final String CLAIM_FINAL_PAYMENT = "claimFinalPayment";
    public static final String CLOSE_CASE = "closeCase";
    // paymentClaim
    public static final String COMPUTE_SUBSIDY = "computeSubsidy";
    public static final String CHECK_CLAIM = "checkClaim";
    public static final String CORRECT_CLAIM = "correctClaim";
    public static final String RECORD_PAYMENT = "recordPayment";
    // monitoringRound
    public static final String SUBMIT_MONITORING_REPORT = "submitMonitoringReport";
    public static final String REVIEW_MONITORING_REPORT = "reviewMonitoringReport";
    public static final String FILE_MONITORING_CLAIM = "fileMonitoringClaim";

    private Tasks() {
    }
  }

  public static final class Ends {
    public static final String CASE_CLOSED = "caseClosed";
    public static final String APPLICATION_REJECTED = "applicationRejected";
    public static final String APPLICATION_WITHDRAWN = "applicationWithdrawn";
    public static final String CASE_WITHDRAWN = "caseWithdrawn";
    public static final String APPLICATION_LAPSED = "applicationLapsed";

    private Ends() {
    }
  }

  public static final class Messages {
    public static final String CASE_WITHDRAWN = "caseWithdrawn";

    private Messages() {
    }
  }

  private CaseProcess() {
  }
}
