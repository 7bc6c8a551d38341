package jp.keieikaizen.casefile;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every user task of the models, declared once (docs/adr/0009): its id in the models, which is also the id of its
 * Camunda Form in forms/; the documents it asks for; what its page shows of the case. The handler that validates and
 * applies its form is declared with it ({@link TaskFormHandler#of(Step, java.util.List, Function)}), the documents
 * checklist and the task page switch on its kinds, and the tests and the API description iterate it. A model check
 * (StepDeclarationTest) holds it equal to the user tasks of processes/ and their formRefs.
 */
public enum Step {
  DECIDE_APPLICATION("decideApplication", Documents.APPLICATION_SET, Facts.APPLICATION),
  CORRECT_APPLICATION("correctApplication", Documents.NONE, Facts.RETURN),
  CORRECT_APPLICATION_405("correctApplication405", Documents.NONE, Facts.RETURN),
  CONDUCT_DUE_DILIGENCE("conductDueDiligence", Documents.DUE_DILIGENCE_REPORT, Facts.NONE),
  DRAFT_PLAN("draftPlan", Documents.PLAN, Facts.PLAN),
  DRAFT_PLAN_405("draftPlan405", Documents.PLAN, Facts.PLAN),
  ADVISE_PLAN("advisePlan", Documents.NONE, Facts.ADVICE),
  REVISE_PLAN("revisePlan", Documents.REVISED_PLAN, Facts.REFUSALS),
  RECORD_LENDER_RESPONSE("recordLenderResponse", Documents.LENDER_ANSWER, Facts.LENDER),
  FOLLOW_UP_LENDER_RESPONSE("followUpLenderResponse", Documents.NONE, Facts.LENDER),
  RECORD_COMPANY_SHARE("recordCompanyShare", Documents.COMPANY_SHARE, Facts.COMPANY_SHARE),
  FILE_CLAIM("fileClaim", Documents.CLAIM, Facts.CLAIM),
  CORRECT_CLAIM("correctClaim", Documents.CLAIM, Facts.CLAIM),
  CHECK_CLAIM("checkClaim", Documents.NONE, Facts.CLAIM),
  RECORD_PAYMENT("recordPayment", Documents.NONE, Facts.CLAIM),
  SUBMIT_MONITORING_REPORT("submitMonitoringReport", Documents.MONITORING_REPORT, Facts.NONE),
  REVIEW_MONITORING_REPORT("reviewMonitoringReport", Documents.NONE, Facts.NONE),
  REVIEW_APPLICATION_VALIDITY("reviewApplicationValidity", Documents.NONE, Facts.VALIDITY),
  NEGOTIATE_GUARANTEE_RELEASE("negotiateGuaranteeRelease", Documents.NONE, Facts.NONE),
  RECOVER_SUBSIDY("recoverSubsidy", Documents.NONE, Facts.RECOVERY);

  /** The documents a step asks for, as {@link DocumentChecklist} lists them. */
  public enum Documents {
    /** The application set (利用申請書 … 工程表), needed to accept. */
    APPLICATION_SET,
    DUE_DILIGENCE_REPORT,
    PLAN,
    /** The plan revised after a refusal, filed after the task began. */
    REVISED_PLAN,
    /** The lender's receipt (early plan) or, when it consents, its consent (405). */
    LENDER_ANSWER,
    COMPANY_SHARE,
    /** A claim's invoice, time sheets, 着眼点実施確認表 and (unless filed before) the company's transfer. */
    CLAIM,
    /** A round's report, its trial balance or tax return, and the 着眼点実施確認表. */
    MONITORING_REPORT,
    /** The coordinator's and supervisor's checks and decisions read what the agency filed; they add none. */
    NONE
  }

  /** What the step's page shows above its form, from the case record (the workspace's StepContext). */
  public enum Facts {
    /** Requirements, findings, quote → subsidy per agency and category, the budget the acceptance commits. */
    APPLICATION,
    /** The council's reason for returning the application. */
    RETURN,
    /** The decision date; the supervisor's advice when the plan was sent back. */
    PLAN,
    /** The plan to advise on: date, period, version, DD, summary. */
    ADVICE,
    /** Every lender's refusal with its reason; the lenders that consented. */
    REFUSALS,
    /** The lender, the answer asked for, the submission date, its earlier answers. */
    LENDER,
    /** Quote, subsidy, the company's share due and what was transferred. */
    COMPANY_SHARE,
    /** The claim: category and round, agency, quote, subsidy, as filed, the share due, what is paid now. */
    CLAIM,
    /** The current validity and its extensions. */
    VALIDITY,
    /** The subsidy paid, to be returned. */
    RECOVERY,
    /** Nothing beyond the case beside the form. */
    NONE
  }

  private static final Map<String, Step> BY_KEY = Arrays.stream(values())
      .collect(Collectors.toUnmodifiableMap(Step::key, Function.identity()));

  private final String key;
  private final Documents documents;
  private final Facts facts;

  Step(String key, Documents documents, Facts facts) {
    this.key = key;
    this.documents = documents;
    this.facts = facts;
  }

  /** The user task's id in the models. */
  public String key() {
    return key;
  }

  /** The id of its Camunda Form in forms/ (the model's formRef): the task's own id. */
  public String form() {
    return key;
  }

  public Documents documents() {
    return documents;
  }

  public Facts facts() {
    return facts;
  }

  /** The step of a task id; empty for an id no user task of the models has. */
  public static Optional<Step> of(String taskKey) {
    return Optional.ofNullable(taskKey == null ? null : BY_KEY.get(taskKey));
  }
}
