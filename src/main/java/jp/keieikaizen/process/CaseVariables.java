package jp.keieikaizen.process;

import java.util.Date;

import org.camunda.bpm.engine.delegate.VariableScope;

import jp.keieikaizen.casefile.CostCategory;
import jp.keieikaizen.subsidy.ClaimService.ClaimRef;

/** The variables the models route and assign on: ids, small decisions and timer dates. Case data stays in JPA. */
public final class CaseVariables {

  /**
   * Prefecture code of the council, a start variable: the instance's tenant (CouncilTenantPlugin). Tasks are not routed
   * by it but by the case record ({@link CaseRoutes}).
   */
  public static final ProcessVariable<String> COUNCIL_CODE = new ProcessVariable<>("councilCode", String.class);
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
  /** Numbers from model expressions arrive as Long, from multi-instance collections as Integer. */
  public static final ProcessVariable<Number> CLAIM_NO = new ProcessVariable<>("claimNo", Number.class);
  public static final ProcessVariable<Number> ROUND_NO = new ProcessVariable<>("roundNo", Number.class);
  public static final ProcessVariable<String> REVIEW_OUTCOME = new ProcessVariable<>("reviewOutcome", String.class);
  public static final ProcessVariable<Long> LENDER_ID = new ProcessVariable<>("lenderId", Long.class);
  public static final ProcessVariable<String> RESPONSE_KIND = new ProcessVariable<>("responseKind", String.class);
  public static final ProcessVariable<String> LENDER_RESPONSE = new ProcessVariable<>("lenderResponse", String.class);
  /** A monitoring claim's end of validity: not filed before then, it lapses (paymentClaim's claimDeadlinePassed timer). */
  public static final ProcessVariable<Date> CLAIM_LAPSES_AT = new ProcessVariable<>("claimLapsesAt", Date.class);
  public static final ProcessVariable<Boolean> CLAIM_FILED = new ProcessVariable<>("claimFiled", Boolean.class);
  public static final ProcessVariable<Boolean> PLAN_CLAIM_FILED = new ProcessVariable<>("planClaimFiled", Boolean.class);
  public static final ProcessVariable<Boolean> FINAL_REPORT_FILED = new ProcessVariable<>("finalReportFiled", Boolean.class);
  public static final ProcessVariable<Boolean> ALL_CONSENTED = new ProcessVariable<>("allConsented", Boolean.class);
  public static final ProcessVariable<Date> APPLICATION_VALID_UNTIL = new ProcessVariable<>("applicationValidUntil", Date.class);
  public static final ProcessVariable<String> VALIDITY_DECISION = new ProcessVariable<>("validityDecision", String.class);

  /** The agency filing a paymentClaim instance's claim (each agency that quoted the category files its own). */
  public static final ProcessVariable<Number> CLAIM_AGENCY_ID = new ProcessVariable<>("claimAgencyId", Number.class);

  /** The claim a paymentClaim instance is about: its agency, claimCategory and claimNo (1 when not given). */
  public static ClaimRef claim(VariableScope scope) {
    Number claimNo = CLAIM_NO.get(scope);
    Number agency = CLAIM_AGENCY_ID.get(scope);
    return new ClaimRef(agency == null ? null : agency.longValue(), CostCategory.valueOf(CLAIM_CATEGORY.get(scope)),
        claimNo == null ? 1 : claimNo.intValue());
  }

  /** The names of every variable above: the ones a case keeps, so a submitted field of that name is not transient. */
  public static final java.util.Set<String> NAMES = java.util.Arrays.stream(CaseVariables.class.getFields())
      .filter(f -> f.getType() == ProcessVariable.class).map(f -> {
        try {
          return ((ProcessVariable<?>) f.get(null)).name();
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }).collect(java.util.stream.Collectors.toUnmodifiableSet());

  private CaseVariables() {
  }
}
