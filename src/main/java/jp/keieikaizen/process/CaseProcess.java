package jp.keieikaizen.process;

/** Every id the code uses from the models in processes/. Change an id only together with its .bpmn file. */
public final class CaseProcess {

  public static final String EARLY_PLAN = "earlyPlan";
  public static final String PLAN_405 = "plan405";
  public static final String LENDER_AGREEMENT = "lenderAgreement";
  public static final String PAYMENT_CLAIM = "paymentClaim";
  public static final String MONITORING_ROUND = "monitoringRound";
  /** Every process key of the case models. */
  public static final java.util.Set<String> KEYS = java.util.Set.of(EARLY_PLAN, PLAN_405, LENDER_AGREEMENT, PAYMENT_CLAIM,
      MONITORING_ROUND);

  public static final class Tasks {
    public static final String SUBMIT_APPLICATION = "submitApplication"; // the start event and its form
    public static final String REGISTER_APPLICATION = "registerApplication";
    public static final String CHECK_ELIGIBILITY = "checkEligibility";
    public static final String DECIDE_APPLICATION = "decideApplication";
    public static final String CORRECT_APPLICATION = "correctApplication";
    public static final String PREPARE_PLAN = "preparePlan";
    public static final String DRAFT_PLAN = "draftPlan";
    public static final String ADVISE_PLAN = "advisePlan";
    public static final String PRESENT_PLAN_TO_LENDERS = "presentPlanToLenders";
    public static final String RECORD_COMPANY_SHARE = "recordCompanyShare";
    public static final String PLAN_CLAIM_OVERDUE = "planClaimOverdue";
    public static final String CHECK_PLAN_CLAIM_FILED = "checkPlanClaimFiled";
    public static final String NEGOTIATE_GUARANTEE_RELEASE = "negotiateGuaranteeRelease";
    public static final String CLAIM_GUARANTEE_PAYMENT = "claimGuaranteePayment";
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
    public static final String FINAL_REPORT_OVERDUE = "finalReportOverdue";
    public static final String CHECK_FINAL_REPORT_FILED = "checkFinalReportFiled";
    public static final String RECOVER_SUBSIDY = "recoverSubsidy";
    // plan405
    public static final String REGISTER_APPLICATION_405 = "registerApplication405";
    public static final String CORRECT_APPLICATION_405 = "correctApplication405";
    public static final String PLAN_AND_CONSENT = "planAndConsent";
    public static final String CONDUCT_DUE_DILIGENCE = "conductDueDiligence";
    public static final String DRAFT_PLAN_405 = "draftPlan405";
    public static final String OBTAIN_LENDER_CONSENTS = "obtainLenderConsents";
    public static final String EVALUATE_CONSENTS = "evaluateConsents";
    public static final String REVISE_PLAN = "revisePlan";
    public static final String REVIEW_APPLICATION_VALIDITY = "reviewApplicationValidity";
    public static final String APPLICATION_VALIDITY_ENDED = "applicationValidityEnded";
    public static final String WAIT_FOR_EXTENDED_VALIDITY = "waitForExtendedValidity";
    public static final String CLAIM_DUE_DILIGENCE_PAYMENT = "claimDueDiligencePayment";
    public static final String SCHEDULE_MONITORING_405 = "scheduleMonitoring405";
    public static final String MONITOR_FOR_THREE_YEARS = "monitorForThreeYears";
    public static final String WAIT_FOR_ROUND = "waitForRound";
    public static final String MONITOR_ROUND = "monitorRound";
    public static final String CLAIM_MONITORING_PAYMENT = "claimMonitoringPayment";
    // lenderAgreement
    public static final String RECORD_LENDER_RESPONSE = "recordLenderResponse";
    public static final String LENDER_RESPONSE_REMINDER = "lenderResponseReminder";
    public static final String REMIND_LENDER = "remindLender";
    public static final String LENDER_RESPONSE_OVERDUE = "lenderResponseOverdue";
    public static final String FOLLOW_UP_LENDER_RESPONSE = "followUpLenderResponse";
    // paymentClaim
    public static final String FILE_CLAIM = "fileClaim";
    public static final String COMPUTE_SUBSIDY = "computeSubsidy";
    public static final String CHECK_CLAIM = "checkClaim";
    public static final String CORRECT_CLAIM = "correctClaim";
    public static final String RECORD_PAYMENT = "recordPayment";
    // monitoringRound
    public static final String SUBMIT_MONITORING_REPORT = "submitMonitoringReport";
    public static final String REVIEW_MONITORING_REPORT = "reviewMonitoringReport";

    private Tasks() {
    }
  }

  public static final class Ends {
    public static final String CASE_CLOSED = "caseClosed";
    public static final String APPLICATION_REJECTED = "applicationRejected";
    public static final String APPLICATION_WITHDRAWN = "applicationWithdrawn";
    public static final String CASE_WITHDRAWN = "caseWithdrawn";
    public static final String APPLICATION_LAPSED = "applicationLapsed";
    public static final String CASE_HANDED_OVER = "caseHandedOver";
    public static final String SUBSIDY_RECOVERED = "subsidyRecovered";
    public static final String LENDER_RESPONDED = "lenderResponded";

    private Ends() {
    }
  }

  public static final class Messages {
    public static final String CASE_WITHDRAWN = "caseWithdrawn";
    public static final String CASE_HANDED_OVER = "caseHandedOver";

    private Messages() {
    }
  }

  public static final class Errors {
    public static final String APPLICATION_LAPSED = "applicationLapsed";

    private Errors() {
    }
  }

  private CaseProcess() {
  }
}
