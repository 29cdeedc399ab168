package org.esphub.processes;

/**
 * Names fixed by {@code processes/appeal.bpmn}: a reusable appeal against any decision the hub or an
 * agency took about a person's benefit (benefit adjustment, compliance sanction, ...).
 *
 * <p>Callers hand over a generic decision record (the DECISION_* variables below) and get back the
 * RESULT variables. Element ids, topics, message, variable names and codes live here once; tests,
 * workers, routes and calling processes refer to them only through this class. Deadlines live in
 * {@link AppealSettings}.
 */
public final class Appeal {

    // ---- process and models -------------------------------------------------------------------
    public static final String PROCESS_KEY = "appeal";
    public static final String BPMN_RESOURCE = "processes/appeal.bpmn";
    public static final String FORM_REVIEW = "appeal-review";
    public static final String FORM_REVIEW_RESOURCE = "forms/appeal-review.form";
    public static final String FORM_DEADLINE_FOLLOW_UP = "appeal-deadline-follow-up";
    public static final String FORM_DEADLINE_FOLLOW_UP_RESOURCE = "forms/appeal-deadline-follow-up.form";
    /** Bean holding the decision deadline and the escalation point, resolved by name in the model. */
    public static final String SETTINGS_BEAN = "appealSettings";

    // ---- flow nodes, in diagram order --------------------------------------------------------------
    /** None start event: where a calling process (call activity) starts the appeal. */
    public static final String APPEAL_RECEIVED = "AppealReceived";
    /** Message start event: an appeal against a decision taken outside the hub. */
    public static final String EXTERNAL_DECISION_APPEALED = "ExternalDecisionAppealed";
    public static final String APPEAL_INTAKE_MERGE = "AppealIntakeMerge";
    public static final String ACKNOWLEDGE_APPEAL = "AcknowledgeAppeal";
    public static final String APPEAL_REVIEW = "AppealReview";
    public static final String APPEAL_REVIEW_STARTED = "AppealReviewStarted";
    public static final String REVIEW_APPEAL = "ReviewAppeal";
    public static final String DEADLINE_APPROACHING = "DeadlineApproaching";
    public static final String FOLLOW_UP_APPROACHING_DEADLINE = "FollowUpApproachingDeadline";
    public static final String DEADLINE_FOLLOWED_UP = "DeadlineFollowedUp";
    public static final String APPEAL_DECIDED = "AppealDecided";
    public static final String NOTIFY_OUTCOME_FORK = "NotifyOutcomeFork";
    public static final String NOTIFY_SA_OF_OUTCOME = "NotifySaOfOutcome";
    public static final String NOTIFY_PES_OF_OUTCOME = "NotifyPesOfOutcome";
    public static final String NOTIFY_OUTCOME_JOIN = "NotifyOutcomeJoin";
    public static final String APPEAL_OUTCOME_GATEWAY = "AppealOutcomeGateway";
    public static final String DECISION_UPHELD = "DecisionUpheld";
    public static final String DECISION_PARTIALLY_UPHELD = "DecisionPartiallyUpheld";
    public static final String DECISION_OVERTURNED = "DecisionOverturned";

    // ---- external-task topics ----------------------------------------------------------------------
    public static final String TOPIC_NOTIFY_SA = "sa.notify-outcome";
    public static final String TOPIC_NOTIFY_PES = "pes.notify-outcome";

    /** Extension property on every service task: back-off schedule the generic worker uses between retries. */
    public static final String PROPERTY_RETRY_BACKOFF = "retryBackoff";
    /** Extension property on every service task: the agreement purpose its data moves for (data-sharing gate). */
    public static final String PROPERTY_PURPOSE = "purpose";
    /**
     * The purpose of every exchange of this process: the person's appeal against a decision about their
     * benefit. Not the purpose of the decision appealed: the appeal is reusable (benefit adjustment,
     * compliance sanctions) and has its own legal basis, the right of appeal.
     */
    public static final String PURPOSE_BENEFIT_APPEAL = "BENEFIT_APPEAL";

    // ---- message -------------------------------------------------------------------------------
    /**
     * Starts an appeal on its own, for a decision taken outside the hub. Deliberately not
     * {@code AppealFiled}: processes that wait for AppealFiled (benefit-adjustment during its appeal
     * window) must be the only receivers of that name, or an appeal filed after their window closed
     * would start a fresh appeal and reopen the decision.
     */
    public static final String MESSAGE_EXTERNAL_DECISION_APPEALED = "ExternalDecisionAppealed";

    // ---- candidate groups --------------------------------------------------------------------------
    public static final String GROUP_APPEALS_OFFICERS = "appeals-officers";
    public static final String GROUP_APPEALS_SUPERVISORS = "appeals-supervisors";

    // ---- process variables: the decision record (supplied by the caller or the start message) --------
    public static final String VAR_REFERENCE_ID = "referenceId";
    public static final String VAR_PERSON_ID = "personId";
    public static final String VAR_CORRELATION_ID = "correlationId";
    /** The appellant's names, required: the tasks' descriptions and the Tasklist rows show them. */
    public static final String VAR_GIVEN_NAME = "givenName";
    public static final String VAR_FAMILY_NAME = "familyName";
    /** Kind of decision, e.g. {@code BENEFIT_ADJUSTMENT}, {@code COMPLIANCE_SANCTION}. Required. */
    public static final String VAR_DECISION_TYPE = "decisionType";
    /** The decision's code in its type's vocabulary, e.g. {@code SUSPEND}. Required. */
    public static final String VAR_DECISION = "decision";
    /** The decision in words, as the appellant was told it. Required. */
    public static final String VAR_DECISION_SUMMARY = "decisionSummary";
    /** Benefit after the decision, as % of the current benefit (number). Optional. */
    public static final String VAR_DECISION_BENEFIT_PERCENT = "decisionBenefitPercent";
    /** Month-by-month % of the current benefit, comma-separated (e.g. {@code 75,50,25,0}). Optional. */
    public static final String VAR_DECISION_SCHEDULE = "decisionSchedule";
    /** The codes a decision of this type may take, for the officer amending it (e.g. {@code CONTINUE, REDUCE}). Optional. */
    public static final String VAR_DECISION_OPTIONS = "decisionOptions";
    /** Id of the rule that produced the decision. Optional. */
    public static final String VAR_DECISION_RULE_ID = "decisionRuleId";
    /** That rule in words. Optional. */
    public static final String VAR_DECISION_RULE_REASON = "decisionRuleReason";
    /** The facts the rule was applied to, in words. Optional. */
    public static final String VAR_DECISION_INPUTS = "decisionInputs";
    /** Who took (approved) the decision. Optional. */
    public static final String VAR_DECIDED_BY = "decidedBy";
    /** When the decision was taken (Date). Optional. */
    public static final String VAR_DECIDED_AT = "decidedAt";
    /** Why the person appeals, as they put it. Optional. */
    public static final String VAR_APPEAL_GROUNDS = "appealGrounds";

    // ---- process variables: set by the process ---------------------------------------------------
    /** When the hub received the appeal (Date); the statutory deadline counts from it. */
    public static final String VAR_APPEAL_RECEIVED_AT = "appealReceivedAt";
    /** Local input of AcknowledgeAppeal: the date by which the appeal will be decided. */
    public static final String INPUT_DECISION_DUE_AT = "appealDecisionDueAt";

    // ---- results for the caller (set by ReviewAppeal, form appeal-review) --------------------------
    /** One of {@link #OUTCOME_UPHELD}, {@link #OUTCOME_OVERTURNED}, {@link #OUTCOME_PARTIALLY_UPHELD}. */
    public static final String VAR_APPEAL_OUTCOME = "appealOutcome";
    public static final String VAR_APPEAL_REASONING = "appealReasoning";
    /** The amended decision's code; null unless partially upheld. */
    public static final String VAR_AMENDED_DECISION = "amendedDecision";
    /** The amended benefit as % of the current benefit; null unless partially upheld. */
    public static final String VAR_AMENDED_BENEFIT_PERCENT = "amendedBenefitPercent";
    /** The amended month-by-month schedule; null unless partially upheld (or none). */
    public static final String VAR_AMENDED_SCHEDULE = "amendedSchedule";
    /** The appeals officer who decided (the authenticated user). */
    public static final String VAR_APPEAL_DECIDED_BY = "appealDecidedBy";
    /** When the appeal was decided (Date). */
    public static final String VAR_APPEAL_DECIDED_AT = "appealDecidedAt";

    public static final String OUTCOME_UPHELD = "UPHELD";
    public static final String OUTCOME_OVERTURNED = "OVERTURNED";
    public static final String OUTCOME_PARTIALLY_UPHELD = "PARTIALLY_UPHELD";

    // ---- process variables: set by FollowUpApproachingDeadline (form appeal-deadline-follow-up) -----
    public static final String VAR_DEADLINE_FOLLOW_UP_ACTION = "deadlineFollowUpAction";
    public static final String VAR_DEADLINE_FOLLOW_UP_NOTES = "deadlineFollowUpNotes";

    public static final String FOLLOW_UP_CONTACTED_OFFICER = "CONTACTED_OFFICER";
    public static final String FOLLOW_UP_REASSIGNED = "REASSIGNED";
    public static final String FOLLOW_UP_OTHER = "OTHER";

    // ---- local inputs of the notify tasks (the payload the workers send) ---------------------------
    public static final String INPUT_OUTCOME = "outcome";
    public static final String INPUT_REASON = "reason";

    public static final String NOTICE_APPEAL_RECEIVED = "APPEAL_RECEIVED";
    /** Notice code sent to SA and PES for each appeal outcome: {@code APPEAL_} + the outcome. */
    public static final String NOTICE_APPEAL_UPHELD = "APPEAL_UPHELD";
    public static final String NOTICE_APPEAL_OVERTURNED = "APPEAL_OVERTURNED";
    public static final String NOTICE_APPEAL_PARTIALLY_UPHELD = "APPEAL_PARTIALLY_UPHELD";

    // ---- raised priority of the review task once the deadline approaches ----------------------------
    public static final int ESCALATED_REVIEW_PRIORITY = TaskPriorities.RAISED;

    private Appeal() {
    }
}
