package org.esphub.processes;

/**
 * Names fixed by {@code processes/return-to-work.bpmn} and its form: a person on sickness, injury or
 * disability-related benefit returns to work (PRS.EMPL.06). SA refers them; the social-insurance and
 * health authority clears their work capacity (full, partial with hours, changed, or none) and their
 * restrictions, never the diagnosis, which the data-sharing gate strips from its answer; a PES
 * caseworker plans the return (graded hours and accommodations, or retraining); the employer agrees to
 * the accommodations or refuses them; the graded return runs through {@link JobPlacement} with the
 * benefit made partial through {@link BenefitAdjustment} once the job is verified, retraining through
 * {@link TrainingEnrolment}; SA learns the outcome.
 *
 * <p>Element ids, topics, messages and variable names live here once; the hub, the simulators and the
 * tests refer to them only through this class. Changing a value means changing the model in the same commit.
 */
public final class ReturnToWork {

    // ---- process and form -------------------------------------------------------------------------
    public static final String PROCESS_KEY = "return-to-work";
    public static final String BPMN_RESOURCE = "processes/return-to-work.bpmn";
    /** The PES caseworker's return-to-work plan. */
    public static final String FORM_PLAN = "return-to-work-plan";
    public static final String FORM_PLAN_RESOURCE = "forms/return-to-work-plan.form";

    // ---- flow nodes, in diagram order --------------------------------------------------------------
    /** Message start {@link #MESSAGE_REFERRED}: SA referred the person (API or queue). */
    public static final String REFERRED = "ReturnToWorkReferred";
    /** Sub-process: every exchange of the case, under the error boundary {@link #RETURN_REFUSED}. */
    public static final String RETURN = "Return";
    public static final String RETURN_STARTED = "ReturnStarted";
    public static final String FETCH_WORK_CAPACITY = "FetchWorkCapacity";
    public static final String CAPACITY_GATEWAY = "CapacityGateway";
    public static final String CONTINUED_INCAPACITY = "ContinuedIncapacity";
    public static final String NOTIFY_PES_OF_REFERRAL = "NotifyPesOfReferral";
    public static final String PLAN_RETURN = "PlanReturn";
    public static final String PLAN_GATEWAY = "PlanGateway";
    public static final String AGREE_ACCOMMODATIONS = "AgreeAccommodations";
    public static final String EMPLOYER_ANSWER_GATEWAY = "EmployerAnswerGateway";
    /** Sub-process: the graded placement and the partial benefit its verification brings share one scope. */
    public static final String GRADED_RETURN = "GradedReturn";
    public static final String GRADED_RETURN_STARTED = "GradedReturnStarted";
    /** Call activity: {@link JobPlacement#PROCESS_KEY}. */
    public static final String GRADED_PLACEMENT = "GradedPlacement";
    public static final String GRADED_PLACEMENT_ENDED = "GradedPlacementEnded";
    /** Non-interrupting escalation boundary on {@link #GRADED_PLACEMENT}: {@link JobPlacement#ESCALATION_PLACEMENT_VERIFIED}. */
    public static final String GRADED_PLACEMENT_VERIFIED = "GradedPlacementVerified";
    /** Call activity: {@link BenefitAdjustment#PROCESS_KEY} with {@link BenefitAdjustment#TRIGGER_GRADED_RETURN}. */
    public static final String ADJUST_BENEFIT_TO_GRADED_RETURN = "AdjustBenefitToGradedReturn";
    public static final String BENEFIT_ADJUSTED_TO_GRADED_RETURN = "BenefitAdjustedToGradedReturn";
    public static final String PLACEMENT_OUTCOME_GATEWAY = "PlacementOutcomeGateway";
    public static final String RETURNED_TO_WORK = "ReturnedToWork";
    public static final String GRADED_RETURN_ENDED = "GradedReturnEnded";
    public static final String RETRAINING_MERGE = "RetrainingMerge";
    /** Call activity: {@link TrainingEnrolment#PROCESS_KEY}. */
    public static final String RETRAINING = "Retraining";
    public static final String RETRAINING_ENDED = "RetrainingEnded";
    public static final String NOTIFY_SA_OF_OUTCOME = "NotifySaOfOutcome";
    public static final String RETURN_CLOSED = "ReturnClosed";
    /** Error boundary on {@link #RETURN}: the gate refused an exchange (typically: no consent). */
    public static final String RETURN_REFUSED = "ReturnRefused";
    public static final String NOTIFY_SA_RETURN_REFUSED = "NotifySaReturnRefused";
    public static final String RETURN_NOT_POSSIBLE = "ReturnNotPossible";

    // ---- external-task topics and purpose ------------------------------------------------------------
    /** The social-insurance and health authority: work capacity and restrictions, never the diagnosis. */
    public static final String TOPIC_FETCH_WORK_CAPACITY = "tax.fetch-work-capacity";
    /** The employer: agree to the accommodations of a graded return, or refuse them. */
    public static final String TOPIC_AGREE_ACCOMMODATIONS = "employer.agree-accommodations";
    public static final String TOPIC_PES_NOTIFY_OUTCOME = JobPlacement.TOPIC_PES_NOTIFY_OUTCOME;
    public static final String TOPIC_SA_NOTIFY_OUTCOME = JobPlacement.TOPIC_SA_NOTIFY_OUTCOME;
    /** The purpose of every exchange of this process (agreement sa-pes-return-to-work). */
    public static final String PURPOSE_RETURN_TO_WORK = "RETURN_TO_WORK";

    // ---- message (correlated by business key: the referral's reference_id) --------------------------
    /** Starts an instance for SA's referral (API or queue). */
    public static final String MESSAGE_REFERRED = "ReturnToWorkReferred";

    // ---- candidate group ---------------------------------------------------------------------------
    public static final String GROUP_PES_CASEWORKERS = ActivationCompliance.GROUP_PES_CASEWORKERS;

    // ---- process variables: SA's referral ------------------------------------------------------------
    public static final String VAR_REFERENCE_ID = "referenceId";
    public static final String VAR_PERSON_ID = "personId";
    public static final String VAR_CORRELATION_ID = "correlationId";
    public static final String VAR_GIVEN_NAME = "givenName";
    public static final String VAR_FAMILY_NAME = "familyName";
    /** One of the BENEFIT_* codes: the benefit the person is on. */
    public static final String VAR_BENEFIT_TYPE = "benefitType";
    public static final String BENEFIT_SICKNESS = "SICKNESS";
    public static final String BENEFIT_INJURY = "INJURY";
    public static final String BENEFIT_DISABILITY = "DISABILITY";
    /** The amount SA pays a month now: what a graded return's partial benefit is decided from. */
    public static final String VAR_MONTHLY_BENEFIT_AMOUNT = "monthlyBenefitAmount";
    /**
     * The employer the person returns to (the one asked to agree to the accommodations). The placement's
     * own variable: the hub finds the employers that take part in a case by it.
     */
    public static final String VAR_EMPLOYER_ID = JobPlacement.VAR_EMPLOYER_ID;

    // ---- process variables: the authority's clearance (no diagnosis, ever) --------------------------
    /** One of the CAPACITY_* codes. */
    public static final String VAR_WORK_CAPACITY = "workCapacity";
    public static final String CAPACITY_FULL = "FULL";
    public static final String CAPACITY_PARTIAL = "PARTIAL";
    public static final String CAPACITY_CHANGED = "CHANGED";
    public static final String CAPACITY_NONE = "NONE";
    /** Hours a week the person may work now (whole number); null for full capacity. */
    public static final String VAR_CAPACITY_HOURS_PER_WEEK = "capacityHoursPerWeek";
    /** The restrictions in words (e.g. no lifting over 10 kg), which PES and the employer need to plan. */
    public static final String VAR_WORK_RESTRICTIONS = "workRestrictions";

    // ---- process variables: the PES caseworker's plan (form return-to-work-plan) ---------------------
    /** {@link #PLAN_GRADED_RETURN} or {@link #PLAN_RETRAINING}. */
    public static final String VAR_PLAN_PATH = "planPath";
    public static final String PLAN_GRADED_RETURN = "GRADED_RETURN";
    public static final String PLAN_RETRAINING = "RETRAINING";
    /** Hours a week in the first phase of a graded return. */
    public static final String VAR_GRADED_HOURS_PER_WEEK = "gradedHoursPerWeek";
    /** The accommodations the employer is asked to agree to, in words. */
    public static final String VAR_ACCOMMODATIONS = "accommodations";
    public static final String VAR_PLANNED_BY = "plannedBy";

    // ---- process variables: the employer's answer ---------------------------------------------------
    /** {@link #EMPLOYER_AGREED} or {@link #EMPLOYER_REFUSED}. */
    public static final String VAR_EMPLOYER_ANSWER = "employerAnswer";
    public static final String EMPLOYER_AGREED = "AGREED";
    public static final String EMPLOYER_REFUSED = "REFUSED";
    public static final String VAR_EMPLOYER_COMMENT = "employerComment";

    // ---- results of the called processes ------------------------------------------------------------
    public static final String VAR_PLACEMENT_OUTCOME = JobPlacement.VAR_PLACEMENT_OUTCOME;
    public static final String VAR_TRAINING_OUTCOME = TrainingEnrolment.VAR_TRAINING_OUTCOME;
    /** The partial benefit's adjustment ({@link BenefitAdjustment}'s ADJUSTMENT_OUTCOME_* codes). */
    public static final String VAR_GRADED_RETURN_ADJUSTMENT_OUTCOME = "gradedReturnAdjustmentOutcome";

    // ---- notices -------------------------------------------------------------------------------------
    public static final String INPUT_OUTCOME = JobPlacement.INPUT_OUTCOME;
    public static final String INPUT_REASON = JobPlacement.INPUT_REASON;
    /** PES's notice of a new return-to-work client, with the capacity and restrictions. */
    public static final String OUTCOME_REFERRED = "RETURN_TO_WORK_REFERRED";
    public static final String OUTCOME_EXCHANGE_REFUSED = ReferralToPes.OUTCOME_EXCHANGE_REFUSED;

    // ---- BPMN error -----------------------------------------------------------------------------------
    public static final String ERROR_EXCHANGE_REFUSED = ReferralToPes.ERROR_EXCHANGE_REFUSED;
    public static final String VAR_REFUSAL_REASON = ReferralToPes.VAR_REFUSAL_REASON;

    // ---- the case's outcome (told to SA) ----------------------------------------------------------------
    /** One of the RETURN_OUTCOME_* codes, set by the end events; told to SA by {@link #NOTIFY_SA_OF_OUTCOME}. */
    public static final String VAR_RETURN_OUTCOME = "returnOutcome";
    /** The graded return reached stable employment. */
    public static final String RETURN_OUTCOME_RETURNED = "RETURNED_TO_WORK";
    /** The graded return's placement failed or ended. */
    public static final String RETURN_OUTCOME_GRADED_RETURN_ENDED = "GRADED_RETURN_ENDED";
    public static final String RETURN_OUTCOME_RETRAINED = "RETRAINED";
    public static final String RETURN_OUTCOME_RETRAINING_NOT_COMPLETED = "RETRAINING_NOT_COMPLETED";
    /** The authority does not clear the person for any work: SA keeps paying the benefit. */
    public static final String RETURN_OUTCOME_CONTINUED_INCAPACITY = "CONTINUED_INCAPACITY";
    public static final String RETURN_OUTCOME_NOT_POSSIBLE = "NOT_POSSIBLE";

    private ReturnToWork() {
    }
}
