package org.esphub.processes;

/**
 * Names fixed by {@code processes/pes-client-sa-access.bpmn}, {@code processes/sa-pre-eligibility.dmn} and
 * their forms: PES refers a jobseeker who may need social assistance to SA (PRS.EMPL.09). The person's
 * consent is checked by the data-sharing gate on the first exchange with SA; SA's registry gives the
 * household figures the pre-eligibility rules need; an SA caseworker assists the application and decides;
 * the decision goes back to PES (never the household figures); a refusal may be appealed through
 * {@link Appeal}; a grant links the person's running PES case and starts their activation obligations
 * ({@link ActivationCompliance}).
 *
 * <p>Element ids, topics, messages and variable names live here once; the hub, the simulators and the
 * tests refer to them only through this class. Changing a value means changing the model in the same commit.
 */
public final class PesClientSaAccess {

    // ---- process, decision and forms -------------------------------------------------------------
    public static final String PROCESS_KEY = "pes-client-sa-access";
    public static final String BPMN_RESOURCE = "processes/pes-client-sa-access.bpmn";
    public static final String DECISION_PRE_ELIGIBILITY = "sa-pre-eligibility";
    public static final String DMN_RESOURCE = "processes/sa-pre-eligibility.dmn";
    /** The PES caseworker's start form (Tasklist: start process). */
    public static final String FORM_REFERRAL = "sa-access-referral";
    public static final String FORM_REFERRAL_RESOURCE = "forms/sa-access-referral.form";
    /** The SA caseworker's form: assist the application and decide. */
    public static final String FORM_DECISION = "sa-access-decision";
    public static final String FORM_DECISION_RESOURCE = "forms/sa-access-decision.form";

    // ---- flow nodes, in diagram order --------------------------------------------------------------
    /** Message start {@link #MESSAGE_ACCESS_REQUESTED}: PES's system referred the person (API or queue). */
    public static final String ACCESS_REQUESTED = "SaAccessRequested";
    /** None start with the form {@link #FORM_REFERRAL}: a PES caseworker referred the person in Tasklist. */
    public static final String REFERRED_BY_CASEWORKER = "SaAccessReferredByCaseworker";
    public static final String REFERRAL_MERGE = "ReferralMerge";
    /** Sub-process: every exchange of the case, under the error boundary {@link #ACCESS_REFUSED}. */
    public static final String ACCESS = "Access";
    public static final String ACCESS_STARTED = "AccessStarted";
    public static final String FETCH_HOUSEHOLD_FIGURES = "FetchHouseholdFigures";
    public static final String ASSESS_PRE_ELIGIBILITY = "AssessPreEligibility";
    public static final String ASSIST_APPLICATION = "AssistApplication";
    public static final String DECISION_MERGE = "DecisionMerge";
    public static final String RECORD_DECISION_AT_SA = "RecordDecisionAtSa";
    public static final String NOTIFY_PES_OF_DECISION = "NotifyPesOfDecision";
    public static final String DECISION_GATEWAY = "DecisionGateway";
    public static final String ACCESS_GRANTED = "AccessGranted";
    public static final String APPEAL_WINDOW_GATEWAY = "AppealWindowGateway";
    public static final String APPEAL_WINDOW_CLOSED = "AppealWindowClosed";
    public static final String REFUSAL_STANDS = "RefusalStands";
    public static final String APPEAL_FILED = "AppealFiled";
    /** Call activity: {@link Appeal#PROCESS_KEY}. */
    public static final String DECIDE_APPEAL = "DecideAppeal";
    public static final String APPEAL_OUTCOME_GATEWAY = "AppealOutcomeGateway";
    public static final String REFUSAL_UPHELD = "RefusalUpheld";
    /** Error boundary on {@link #ACCESS}: the gate refused an exchange (typically: no consent). */
    public static final String ACCESS_REFUSED = "AccessRefused";
    public static final String NOTIFY_PES_ACCESS_REFUSED = "NotifyPesAccessRefused";
    public static final String ACCESS_NOT_POSSIBLE = "AccessNotPossible";
    public static final String GRANTED_GATEWAY = "GrantedGateway";
    /** Message catch {@link #MESSAGE_ASSISTANCE_ENDED}: the activation obligations run while SA pays. */
    public static final String ASSISTANCE_RUNNING = "AssistanceRunning";
    public static final String ASSISTANCE_ENDED = "AssistanceEnded";
    public static final String CASE_CLOSED = "CaseClosed";

    // ---- external-task topics and purpose ------------------------------------------------------------
    /** SA's registry: household size and monthly household income, for the pre-eligibility rules only. */
    public static final String TOPIC_FETCH_HOUSEHOLD_FIGURES = "sa.fetch-assistance-figures";
    /** The assisted application and its decision, lodged in SA's own register. */
    public static final String TOPIC_RECORD_DECISION = "sa.record-assistance-decision";
    public static final String TOPIC_PES_NOTIFY_OUTCOME = JobPlacement.TOPIC_PES_NOTIFY_OUTCOME;
    /** The purpose of every exchange of this process (agreement pes-sa-social-assistance-access). */
    public static final String PURPOSE_SOCIAL_ASSISTANCE_ACCESS = "SOCIAL_ASSISTANCE_ACCESS";

    // ---- messages (correlated by business key: the referral's reference_id) --------------------------
    /** Starts an instance for PES's referral (API or queue); variables as {@link #REFERRED_BY_CASEWORKER}'s form. */
    public static final String MESSAGE_ACCESS_REQUESTED = "SocialAssistanceAccessRequested";
    /** SA reports that the person appealed the refusal; waited for only while the appeal window is open. */
    public static final String MESSAGE_APPEAL_FILED = "SocialAssistanceAppealFiled";
    /** SA reports that it stopped paying the assistance: the activation obligations end with it. */
    public static final String MESSAGE_ASSISTANCE_ENDED = "SocialAssistanceEnded";

    // ---- candidate groups --------------------------------------------------------------------------
    public static final String GROUP_PES_CASEWORKERS = ActivationCompliance.GROUP_PES_CASEWORKERS;
    public static final String GROUP_SA_CASEWORKERS = ActivationCompliance.GROUP_SA_CASEWORKERS;

    // ---- process variables: the referral ----------------------------------------------------------
    public static final String VAR_REFERENCE_ID = "referenceId";
    public static final String VAR_PERSON_ID = "personId";
    public static final String VAR_CORRELATION_ID = "correlationId";
    public static final String VAR_GIVEN_NAME = "givenName";
    public static final String VAR_FAMILY_NAME = "familyName";
    /** The person's running PES case, which a grant links; it stays between the hub and PES. */
    public static final String VAR_PES_CASE_ID = "pesCaseId";
    /** One of the REASON_* codes: why PES refers the person. */
    public static final String VAR_REFERRAL_REASON = "referralReason";
    public static final String REASON_ECONOMIC_HARDSHIP = "economic_hardship";
    public static final String REASON_SPECIFIC_PROGRAM_ELIGIBILITY = "specific_program_eligibility";
    public static final String REASON_CLIENT_REQUEST = "client_request";

    // ---- process variables: SA's figures and the pre-eligibility rules (never sent to PES) ---------
    public static final String VAR_HOUSEHOLD_SIZE = "householdSize";
    public static final String VAR_MONTHLY_HOUSEHOLD_INCOME = "monthlyHouseholdIncome";
    /** {@link #PRE_ELIGIBILITY_LIKELY} or {@link #PRE_ELIGIBILITY_UNLIKELY}: a proposal, the caseworker decides. */
    public static final String VAR_PRE_ELIGIBILITY = "preEligibility";
    public static final String VAR_PRE_ELIGIBILITY_RULE_ID = "preEligibilityRuleId";
    public static final String VAR_PRE_ELIGIBILITY_RULE_REASON = "preEligibilityRuleReason";
    public static final String PRE_ELIGIBILITY_LIKELY = "LIKELY";
    public static final String PRE_ELIGIBILITY_UNLIKELY = "UNLIKELY";
    public static final String RULE_INCOME_BELOW_MINIMUM = "Rule_IncomeBelowMinimum";
    public static final String RULE_LARGE_HOUSEHOLD_LOW_INCOME = "Rule_LargeHouseholdLowIncome";
    public static final String RULE_ABOVE_THRESHOLDS = "Rule_AboveThresholds";

    // ---- process variables: the SA caseworker's decision (form sa-access-decision) ----------------
    /** {@link #DECISION_GRANTED} or {@link #DECISION_REFUSED}. */
    public static final String VAR_SA_DECISION = "saDecision";
    public static final String DECISION_GRANTED = "GRANTED";
    public static final String DECISION_REFUSED = "REFUSED";
    /** Why SA refuses, in words PES and the person can act on; required for a refusal. */
    public static final String VAR_REFUSAL_REASONS = "refusalReasons";
    /** The assistance granted a month; SA's register only. */
    public static final String VAR_MONTHLY_ASSISTANCE_AMOUNT = "monthlyAssistanceAmount";
    public static final String VAR_SA_DECIDED_BY = "saDecidedBy";
    public static final String VAR_SA_DECIDED_AT = "saDecidedAt";
    /** True when the grant came from an appeal that overturned the refusal. */
    public static final String VAR_GRANTED_ON_APPEAL = "grantedOnAppeal";

    // ---- notices, appeal --------------------------------------------------------------------------
    public static final String INPUT_OUTCOME = JobPlacement.INPUT_OUTCOME;
    public static final String INPUT_REASON = JobPlacement.INPUT_REASON;
    public static final String INPUT_APPEAL_DEADLINE = "appealDeadline";
    public static final String OUTCOME_GRANTED = "SOCIAL_ASSISTANCE_GRANTED";
    public static final String OUTCOME_REFUSED = "SOCIAL_ASSISTANCE_REFUSED";
    public static final String OUTCOME_EXCHANGE_REFUSED = ReferralToPes.OUTCOME_EXCHANGE_REFUSED;
    public static final String VAR_APPEAL_WINDOW_CLOSES_AT = "saAccessAppealWindowClosesAt";
    public static final String VAR_APPEAL_GROUNDS = Appeal.VAR_APPEAL_GROUNDS;
    public static final String VAR_APPEAL_OUTCOME = Appeal.VAR_APPEAL_OUTCOME;
    /** The decision type the appeal's decision record carries for this process. */
    public static final String DECISION_TYPE = "SOCIAL_ASSISTANCE_ACCESS";

    // ---- BPMN error -----------------------------------------------------------------------------------
    public static final String ERROR_EXCHANGE_REFUSED = ReferralToPes.ERROR_EXCHANGE_REFUSED;
    public static final String VAR_REFUSAL_REASON = ReferralToPes.VAR_REFUSAL_REASON;

    // ---- the case's outcome ---------------------------------------------------------------------------
    /** One of the ACCESS_OUTCOME_* codes, set by the end events. */
    public static final String VAR_ACCESS_OUTCOME = "saAccessOutcome";
    public static final String ACCESS_OUTCOME_GRANTED = "GRANTED";
    public static final String ACCESS_OUTCOME_REFUSED = "REFUSED";
    public static final String ACCESS_OUTCOME_REFUSAL_UPHELD = "REFUSAL_UPHELD";
    public static final String ACCESS_OUTCOME_NOT_POSSIBLE = "NOT_POSSIBLE";

    private PesClientSaAccess() {
    }
}
