package org.esphub.processes;

/**
 * Names fixed by {@code processes/benefit-adjustment.bpmn} and {@code processes/benefit-adjustment.dmn}:
 * how work changes a person's SA benefit, with caseworker approval, a notice, an appeal window and the
 * change applied at SA only once no appeal can overturn it.
 *
 * <p>Element ids, topics, message, variable names and codes live here once; tests, workers, routes,
 * calling processes and the hub refer to them only through this class. Changing a value means changing
 * the BPMN (or DMN / form) in the same commit. Thresholds and percentages are not here: they live in the
 * DMN; the appeal window lives in {@link BenefitAdjustmentSettings}.
 */
public final class BenefitAdjustment {

    // ---- process and models -------------------------------------------------------------------
    public static final String PROCESS_KEY = "benefit-adjustment";
    public static final String BPMN_RESOURCE = "processes/benefit-adjustment.bpmn";
    public static final String DECISION_ADJUSTMENT = "benefit-adjustment";
    public static final String DMN_RESOURCE = "processes/benefit-adjustment.dmn";
    public static final String FORM_APPROVAL = "benefit-adjustment-approval";
    public static final String FORM_APPROVAL_RESOURCE = "forms/benefit-adjustment-approval.form";
    /** Bean holding the appeal window, resolved by name in the model. */
    public static final String SETTINGS_BEAN = "benefitAdjustmentSettings";

    // ---- flow nodes, in diagram order --------------------------------------------------------------
    public static final String ADJUSTMENT_TRIGGERED = "AdjustmentTriggered";
    public static final String DECIDE_ADJUSTMENT = "DecideAdjustment";
    public static final String CHANGE_GATEWAY = "ChangeGateway";
    public static final String NOTIFY_BENEFIT_CONTINUED = "NotifyBenefitContinued";
    public static final String NO_CHANGE = "NoChange";
    public static final String APPROVE_ADJUSTMENT = "ApproveAdjustment";
    public static final String APPROVAL_GATEWAY = "ApprovalGateway";
    public static final String NOTIFY_ADJUSTMENT_REJECTED = "NotifyAdjustmentRejected";
    public static final String ADJUSTMENT_REJECTED = "AdjustmentRejected";
    public static final String NOTIFY_ADJUSTMENT_DECIDED = "NotifyAdjustmentDecided";
    public static final String APPEAL_WINDOW_GATEWAY = "AppealWindowGateway";
    public static final String APPEAL_WINDOW_CLOSED = "AppealWindowClosed";
    public static final String APPEAL_FILED = "AppealFiled";
    public static final String DECIDE_APPEAL = "DecideAppeal";
    public static final String APPEAL_OUTCOME_GATEWAY = "AppealOutcomeGateway";
    public static final String APPLY_MERGE = "ApplyMerge";
    public static final String APPLY_ADJUSTMENT = "ApplyAdjustment";
    public static final String ADJUSTMENT_APPLIED = "AdjustmentApplied";
    public static final String APPLY_AMENDED_ADJUSTMENT = "ApplyAmendedAdjustment";
    public static final String AMENDED_ADJUSTMENT_APPLIED = "AmendedAdjustmentApplied";
    public static final String ADJUSTMENT_OVERTURNED = "AdjustmentOverturned";

    // ---- external-task topics ----------------------------------------------------------------------
    public static final String TOPIC_NOTIFY_SA = "sa.notify-outcome";
    public static final String TOPIC_APPLY_BENEFIT_ADJUSTMENT = "sa.apply-benefit-adjustment";

    /** Extension property on every service task: back-off schedule the generic worker uses between retries. */
    public static final String PROPERTY_RETRY_BACKOFF = "retryBackoff";
    /** Extension property on every service task: the agreement purpose its data moves for (data-sharing gate). */
    public static final String PROPERTY_PURPOSE = "purpose";
    /** The purpose of every exchange of this process: SA's benefit follows the person's work. */
    public static final String PURPOSE_BENEFIT_ADJUSTMENT = "BENEFIT_ADJUSTMENT";

    // ---- message -------------------------------------------------------------------------------
    /** SA reports that the beneficiary appealed; only waited for while the appeal window is open. */
    public static final String MESSAGE_APPEAL_FILED = "AppealFiled";

    // ---- candidate group ---------------------------------------------------------------------------
    public static final String GROUP_SA_CASEWORKERS = "sa-caseworkers";

    // ---- process variables: supplied by the caller (all must be present; values may be null where noted)
    public static final String VAR_REFERENCE_ID = "referenceId";
    public static final String VAR_PERSON_ID = "personId";
    public static final String VAR_CORRELATION_ID = "correlationId";
    /** The person's names: the approval task's description and the Tasklist rows show them. */
    public static final String VAR_GIVEN_NAME = "givenName";
    public static final String VAR_FAMILY_NAME = "familyName";
    /** Amount SA pays now each month (number); null or 0 means no benefit in payment. */
    public static final String VAR_CURRENT_MONTHLY_BENEFIT = "currentMonthlyBenefit";
    /** Monthly income from the job (number), null if not known. */
    public static final String VAR_MONTHLY_EMPLOYMENT_INCOME = "monthlyEmploymentIncome";
    /** Days the current employment has lasted (whole number), null if not known. */
    public static final String VAR_STABLE_EMPLOYMENT_DAYS = "stableEmploymentDays";
    /** One of the EMPLOYMENT_STATUS_* codes (the annex's DO_EMPL_02 enum), null if not known. */
    public static final String VAR_EMPLOYMENT_STATUS = "employmentStatus";
    /** One of the TRIGGER_* codes: why the adjustment is decided now. */
    public static final String VAR_ADJUSTMENT_TRIGGER = "adjustmentTrigger";

    public static final String EMPLOYMENT_STATUS_EMPLOYED = "EMPLOYED";
    public static final String EMPLOYMENT_STATUS_UNEMPLOYED = "UNEMPLOYED";
    public static final String EMPLOYMENT_STATUS_INACTIVE = "INACTIVE";
    public static final String EMPLOYMENT_STATUS_UNKNOWN = "UNKNOWN";

    /** referral-to-pes: job-placement escalated a verified placement (its terms are the new income). */
    public static final String TRIGGER_PLACEMENT_VERIFIED = "PLACEMENT_VERIFIED";
    /** employment-status-verification: a status change reported for the person. */
    public static final String TRIGGER_EMPLOYMENT_STATUS_CHANGED = "EMPLOYMENT_STATUS_CHANGED";
    /** referral-to-pes: the placement passed its last retention checkpoint (graduation is decided). */
    public static final String TRIGGER_STABLE_EMPLOYMENT = "STABLE_EMPLOYMENT";
    /** return-to-work: the graded return's placement was verified; the benefit becomes partial for its hours. */
    public static final String TRIGGER_GRADED_RETURN = "GRADED_RETURN";

    // ---- process variables: set by DecideAdjustment (outputs of the DMN benefit-adjustment) ----------
    /** One of the DECISION_* codes. */
    public static final String VAR_ADJUSTMENT_DECISION = "adjustmentDecision";
    /** Benefit from next month as % of the current monthly benefit (whole number). */
    public static final String VAR_ADJUSTED_BENEFIT_PERCENT = "adjustedBenefitPercent";
    /** Comma-separated % of the current benefit, month by month (e.g. {@code 75,50,25,0}); null if none. */
    public static final String VAR_TAPERING_SCHEDULE = "taperingSchedule";
    /** Id of the DMN rule that fired (one of the RULE_* ids). */
    public static final String VAR_ADJUSTMENT_RULE_ID = "adjustmentRuleId";
    /** The fired rule's annotation, in words. */
    public static final String VAR_ADJUSTMENT_RULE_REASON = "adjustmentRuleReason";

    public static final String DECISION_CONTINUE = "CONTINUE";
    public static final String DECISION_REDUCE = "REDUCE";
    public static final String DECISION_SUSPEND = "SUSPEND";
    public static final String DECISION_GRADUATE = "GRADUATE";
    /** The decision type the appeal's decision record carries for this process. */
    public static final String DECISION_TYPE = "BENEFIT_ADJUSTMENT";

    // ---- rules of the DMN benefit-adjustment, in table order ---------------------------------------
    public static final String RULE_NO_BENEFIT_IN_PAYMENT = "Rule_NoBenefitInPayment";
    public static final String RULE_NOT_IN_WORK = "Rule_NotInWork";
    public static final String RULE_EMPLOYMENT_NOT_VERIFIED = "Rule_EmploymentNotVerified";
    public static final String RULE_INCOME_NOT_REPORTED = "Rule_IncomeNotReported";
    public static final String RULE_EARNINGS_DISREGARDED = "Rule_EarningsDisregarded";
    public static final String RULE_SMALL_EARNINGS = "Rule_SmallEarnings";
    public static final String RULE_SUBSTANTIAL_EARNINGS = "Rule_SubstantialEarnings";
    public static final String RULE_GRADUATION = "Rule_Graduation";
    public static final String RULE_SUFFICIENT_EARNINGS_NOT_YET_STABLE = "Rule_SufficientEarningsNotYetStable";

    // ---- process variables: set by ApproveAdjustment (form benefit-adjustment-approval) --------------
    /** {@link #APPROVAL_APPROVED} or {@link #APPROVAL_REJECTED}. */
    public static final String VAR_APPROVAL_DECISION = "approvalDecision";
    public static final String VAR_REJECTION_REASON = "rejectionReason";
    /** The caseworker who completed the approval (the authenticated user), for the decision record. */
    public static final String VAR_ADJUSTMENT_DECIDED_BY = "adjustmentDecidedBy";
    /** When the approval was completed (Date). */
    public static final String VAR_ADJUSTMENT_DECIDED_AT = "adjustmentDecidedAt";

    public static final String APPROVAL_APPROVED = "APPROVED";
    public static final String APPROVAL_REJECTED = "REJECTED";

    // ---- notice and appeal window --------------------------------------------------------------------
    /** Local input of NotifyAdjustmentDecided: the last moment an appeal is accepted, told to the beneficiary. */
    public static final String INPUT_APPEAL_DEADLINE = "appealDeadline";
    /** When the appeal window closes (Date); the window's timer fires then. */
    public static final String VAR_APPEAL_WINDOW_CLOSES_AT = "appealWindowClosesAt";
    /** Set by the AppealFiled event (field {@code appeal_grounds}): why the beneficiary appeals. */
    public static final String VAR_APPEAL_GROUNDS = "appealGrounds";

    // ---- local inputs of the sa.notify-outcome and sa.apply-benefit-adjustment tasks -----------------
    public static final String INPUT_OUTCOME = "outcome";
    public static final String INPUT_REASON = "reason";
    /** Input of the apply tasks: the appeal's outcome ({@link Appeal}'s OUTCOME_* codes), null if none was filed. */
    public static final String INPUT_APPEAL_OUTCOME = "appealOutcome";

    public static final String OUTCOME_BENEFIT_CONTINUED = "BENEFIT_CONTINUED";
    public static final String OUTCOME_ADJUSTMENT_REJECTED = "ADJUSTMENT_REJECTED";
    public static final String OUTCOME_ADJUSTMENT_DECIDED = "ADJUSTMENT_DECIDED";

    // ---- result for the caller -------------------------------------------------------------------
    /** One of the ADJUSTMENT_OUTCOME_* codes, set by the end event reached. */
    public static final String VAR_ADJUSTMENT_OUTCOME = "adjustmentOutcome";

    /** The DMN decided to continue the benefit unchanged; SA was told, nothing to approve or appeal. */
    public static final String ADJUSTMENT_OUTCOME_NO_CHANGE = "NO_CHANGE";
    /** The SA caseworker rejected the decision; nothing changes, SA was told. */
    public static final String ADJUSTMENT_OUTCOME_REJECTED = "REJECTED";
    /** Applied at SA as decided (window closed unchallenged, or the appeal upheld the decision). */
    public static final String ADJUSTMENT_OUTCOME_APPLIED = "APPLIED";
    /** Applied at SA as the appeal amended it. */
    public static final String ADJUSTMENT_OUTCOME_APPLIED_AS_AMENDED = "APPLIED_AS_AMENDED";
    /** The appeal overturned the decision; nothing changes at SA (the appeal told SA and PES). */
    public static final String ADJUSTMENT_OUTCOME_OVERTURNED = "OVERTURNED";

    private BenefitAdjustment() {
    }
}
