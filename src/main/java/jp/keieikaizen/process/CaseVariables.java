package jp.keieikaizen.process;

import java.util.Date;

/** The variables the models route and assign on: ids, small decisions and timer dates. Case data stays in JPA. */
public final class CaseVariables {

  /** Prefecture code of the council: candidate groups council-{code}-coordinator / -supervisor. */
  public static final ProcessVariable<String> COUNCIL_CODE = new ProcessVariable<>("councilCode", String.class);
  /** The lead agency's id: candidate group agency-{id}. */
  public static final ProcessVariable<Long> LEAD_AGENCY_ID = new ProcessVariable<>("leadAgencyId", Long.class);
  public static final ProcessVariable<String> INITIATOR = new ProcessVariable<>("initiator", String.class);
  public static final ProcessVariable<Boolean> ELIGIBLE = new ProcessVariable<>("eligible", Boolean.class);
  public static final ProcessVariable<String> DECISION = new ProcessVariable<>("decision", String.class);
  public static final ProcessVariable<String> CORRECTION_ACTION = new ProcessVariable<>("correctionAction", String.class);
  public static final ProcessVariable<String> ADVICE_OUTCOME = new ProcessVariable<>("adviceOutcome", String.class);
  public static final ProcessVariable<Boolean> INTERIM_MONITORING = new ProcessVariable<>("interimMonitoring", Boolean.class);
  public static final ProcessVariable<Date> PLAN_CLAIM_DEADLINE = new ProcessVariable<>("planClaimDeadline", Date.class);
  public static final ProcessVariable<Date> INTERIM_MONITORING_START = new ProcessVariable<>("interimMonitoringStart", Date.class);
  public static final ProcessVariable<Date> INTERIM_REPORT_DUE = new ProcessVariable<>("interimReportDue", Date.class);
  public static final ProcessVariable<Date> FINAL_MONITORING_START = new ProcessVariable<>("finalMonitoringStart", Date.class);
  public static final ProcessVariable<Date> FINAL_REPORT_DUE = new ProcessVariable<>("finalReportDue", Date.class);
  // call activities
  public static final ProcessVariable<String> CLAIM_CATEGORY = new ProcessVariable<>("claimCategory", String.class);
  public static final ProcessVariable<String> CLAIM_DECISION = new ProcessVariable<>("claimDecision", String.class);
  public static final ProcessVariable<String> ROUND_KIND = new ProcessVariable<>("roundKind", String.class);
  public static final ProcessVariable<Date> REPORT_DUE = new ProcessVariable<>("reportDue", Date.class);
  public static final ProcessVariable<String> REVIEW_OUTCOME = new ProcessVariable<>("reviewOutcome", String.class);

  private CaseVariables() {
  }
}
