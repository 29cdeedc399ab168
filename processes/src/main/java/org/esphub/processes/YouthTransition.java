package org.esphub.processes;

/**
 * Names fixed by {@code processes/youth-transition.bpmn} and its forms: SA refers a young person of a
 * household it supports to PES for the school-to-work transition (PRS.EMPL.07). The age band is checked
 * first; the referral reaches PES only through the data-sharing gate, which wants the guardian's consent
 * for a minor and the young person's own from the age of majority (the consent registry's rule, applied
 * because the referral carries the birth date); PES reaches out with a due date per attempt and asks SA,
 * who knows the family, after too many failed attempts; a PES counsellor records the pathway, which runs
 * through {@link TrainingEnrolment} or {@link JobPlacement} (same business key); the young person's status
 * is reported to SA twice (by default at six and twelve months), and an SA caseworker plans the family's
 * graduation.
 *
 * <p>Element ids, topics, messages and variable names live here once; the hub, the simulators and the
 * tests refer to them only through this class. Changing a value means changing the model in the same commit.
 */
public final class YouthTransition {

    // ---- process, settings and forms ---------------------------------------------------------------
    public static final String PROCESS_KEY = "youth-transition";
    public static final String BPMN_RESOURCE = "processes/youth-transition.bpmn";
    /** Bean name of {@link YouthTransitionSettings} in the models' expressions. */
    public static final String SETTINGS_BEAN = "youthTransitionSettings";
    /** A PES caseworker's contact attempt. */
    public static final String FORM_OUTREACH = "youth-outreach";
    public static final String FORM_OUTREACH_RESOURCE = "forms/youth-outreach.form";
    /** An SA caseworker reaches the young person through the family after PES's failed attempts. */
    public static final String FORM_FAMILY_CONTACT = "youth-family-contact";
    public static final String FORM_FAMILY_CONTACT_RESOURCE = "forms/youth-family-contact.form";
    /** The PES counsellor's career-counselling outcome: the pathway. */
    public static final String FORM_COUNSELLING = "youth-counselling";
    public static final String FORM_COUNSELLING_RESOURCE = "forms/youth-counselling.form";
    /** The young person's status at an outcome checkpoint, recorded by PES. */
    public static final String FORM_OUTCOME_STATUS = "youth-outcome-status";
    public static final String FORM_OUTCOME_STATUS_RESOURCE = "forms/youth-outcome-status.form";
    /** SA's graduation planning for the family, after the last outcome. */
    public static final String FORM_GRADUATION_PLANNING = "youth-graduation-planning";
    public static final String FORM_GRADUATION_PLANNING_RESOURCE = "forms/youth-graduation-planning.form";

    // ---- flow nodes, in diagram order --------------------------------------------------------------
    /** Message start {@link #MESSAGE_YOUTH_REFERRED}: SA referred the young person (API or queue). */
    public static final String YOUTH_REFERRED = "YouthReferred";
    public static final String AGE_BAND_GATEWAY = "AgeBandGateway";
    public static final String NOTIFY_SA_OUTSIDE_AGE_BAND = "NotifySaOutsideAgeBand";
    public static final String OUTSIDE_AGE_BAND = "OutsideAgeBand";
    /** Sub-process: every exchange with PES, under the error boundary {@link #EXCHANGE_REFUSED}. */
    public static final String TRANSITION = "Transition";
    public static final String TRANSITION_STARTED = "TransitionStarted";
    public static final String REFER_TO_PES = "ReferToPes";
    public static final String OUTREACH_MERGE = "OutreachMerge";
    public static final String CONTACT_YOUTH = "ContactYouth";
    /** Interrupting timer on {@link #CONTACT_YOUTH}: the attempt's due date passed, it counts as failed. */
    public static final String CONTACT_ATTEMPT_OVERDUE = "ContactAttemptOverdue";
    public static final String REACHED_GATEWAY = "ReachedGateway";
    public static final String ATTEMPT_FAILED = "AttemptFailed";
    public static final String ESCALATION_GATEWAY = "EscalationGateway";
    public static final String REACH_THROUGH_FAMILY = "ReachThroughFamily";
    public static final String FAMILY_CONTACT_GATEWAY = "FamilyContactGateway";
    public static final String NOTIFY_PES_NOT_REACHED = "NotifyPesNotReached";
    public static final String NOT_REACHED = "NotReached";
    public static final String CAREER_COUNSELLING = "CareerCounselling";
    public static final String NOTIFY_SA_OF_PATHWAY = "NotifySaOfPathway";
    public static final String PATHWAY_FORK = "PathwayFork";
    public static final String PATHWAY_GATEWAY = "PathwayGateway";
    /** Call activity: {@link TrainingEnrolment#PROCESS_KEY}. */
    public static final String TRAINING = "Training";
    /** Call activity: {@link JobPlacement#PROCESS_KEY}, for an apprenticeship or a job. */
    public static final String JOB_PLACEMENT = "JobPlacement";
    public static final String PATHWAY_MERGE = "PathwayMerge";
    public static final String FIRST_OUTCOME_DUE = "FirstOutcomeDue";
    public static final String RECORD_FIRST_OUTCOME = "RecordFirstOutcome";
    public static final String REPORT_FIRST_OUTCOME = "ReportFirstOutcome";
    public static final String SECOND_OUTCOME_DUE = "SecondOutcomeDue";
    public static final String RECORD_SECOND_OUTCOME = "RecordSecondOutcome";
    public static final String REPORT_SECOND_OUTCOME = "ReportSecondOutcome";
    public static final String PLAN_GRADUATION = "PlanGraduation";
    public static final String PATHWAY_JOIN = "PathwayJoin";
    public static final String FOLLOWED_UP = "FollowedUp";
    /** Error boundary on {@link #TRANSITION}: the gate refused an exchange (typically: no valid consent). */
    public static final String EXCHANGE_REFUSED = "ExchangeRefused";
    public static final String NOTIFY_SA_EXCHANGE_REFUSED = "NotifySaExchangeRefused";
    public static final String NOT_POSSIBLE = "NotPossible";
    public static final String CASE_CLOSED = "CaseClosed";

    // ---- external-task topics and purpose ------------------------------------------------------------
    public static final String TOPIC_PES_NOTIFY_OUTCOME = JobPlacement.TOPIC_PES_NOTIFY_OUTCOME;
    public static final String TOPIC_SA_NOTIFY_OUTCOME = JobPlacement.TOPIC_SA_NOTIFY_OUTCOME;
    /** The purpose of every exchange of this process (agreement sa-pes-youth-transition). */
    public static final String PURPOSE_YOUTH_TRANSITION = "YOUTH_TRANSITION";

    // ---- messages (correlated by business key: the referral's reference_id) --------------------------
    /** Starts an instance for SA's referral (API or queue) with the VAR_* variables of the referral. */
    public static final String MESSAGE_YOUTH_REFERRED = "YouthTransitionReferred";

    // ---- candidate groups --------------------------------------------------------------------------
    public static final String GROUP_PES_CASEWORKERS = ActivationCompliance.GROUP_PES_CASEWORKERS;
    public static final String GROUP_SA_CASEWORKERS = ActivationCompliance.GROUP_SA_CASEWORKERS;

    // ---- process variables: SA's referral (what the agreement lets reach PES, nothing of the household) --
    public static final String VAR_REFERENCE_ID = "referenceId";
    public static final String VAR_PERSON_ID = "personId";
    public static final String VAR_CORRELATION_ID = "correlationId";
    public static final String VAR_GIVEN_NAME = "givenName";
    public static final String VAR_FAMILY_NAME = "familyName";
    /** ISO date; it travels with the referral so that the gate applies the guardian rule to a minor. */
    public static final String VAR_BIRTH_DATE = "birthDate";
    /** The family's benefit status at SA (e.g. ACTIVE), the one household fact PES learns. */
    public static final String VAR_FAMILY_BENEFIT_STATUS = "familyBenefitStatus";
    public static final String VAR_EDUCATION_LEVEL = "educationLevel";
    /** in_school, completed or dropped_out. */
    public static final String VAR_SCHOOL_STATUS = "schoolStatus";
    /** One of the REASON_* codes. */
    public static final String VAR_REFERRAL_REASON = "referralReason";
    public static final String REASON_SCHOOL_COMPLETION = "school_completion";
    public static final String REASON_NEET_STATUS = "neet_status";
    public static final String REASON_FAMILY_REQUEST = "family_request";

    // ---- process variables: outreach ----------------------------------------------------------------
    /** Failed contact attempts since the referral or since SA last reached the young person. */
    public static final String VAR_CONTACT_ATTEMPTS = "contactAttempts";
    public static final String VAR_CONTACT_ATTEMPT_DUE_AT = "contactAttemptDueAt";
    /** Form youth-outreach: whether this attempt reached the young person. */
    public static final String VAR_YOUTH_REACHED = "youthReached";
    /** Form youth-family-contact: {@link #FAMILY_CONTACT_REACHED} or {@link #FAMILY_CONTACT_NOT_REACHED}. */
    public static final String VAR_FAMILY_CONTACT_OUTCOME = "familyContactOutcome";
    public static final String FAMILY_CONTACT_REACHED = "REACHED";
    public static final String FAMILY_CONTACT_NOT_REACHED = "NOT_REACHED";

    // ---- process variables: counselling and pathway ----------------------------------------------------
    /** Form youth-counselling: one of the PATHWAY_* codes. */
    public static final String VAR_PATHWAY = "pathway";
    public static final String PATHWAY_TRAINING = "TRAINING";
    public static final String PATHWAY_APPRENTICESHIP = "APPRENTICESHIP";
    public static final String PATHWAY_SCHOOL_RE_ENTRY = "SCHOOL_RE_ENTRY";
    public static final String PATHWAY_JOB_SEARCH = "JOB_SEARCH";
    public static final String VAR_PATHWAY_CHOSEN_AT = "pathwayChosenAt";
    public static final String VAR_TRAINING_OUTCOME = TrainingEnrolment.VAR_TRAINING_OUTCOME;
    /** Passed to the call of training-enrolment: the counsellor is offered the youth programmes only. */
    public static final String VAR_PROGRAMME_AUDIENCE = TrainingEnrolment.VAR_PROGRAMME_AUDIENCE;
    public static final String PROGRAMME_AUDIENCE_YOUTH = TrainingEnrolment.AUDIENCE_YOUTH;
    public static final String VAR_PLACEMENT_OUTCOME = JobPlacement.VAR_PLACEMENT_OUTCOME;

    // ---- process variables: outcomes --------------------------------------------------------------
    /** Form youth-outcome-status: one of the STATUS_* codes. */
    public static final String VAR_YOUTH_STATUS = "youthStatus";
    public static final String STATUS_EMPLOYED = "EMPLOYED";
    public static final String STATUS_IN_TRAINING = "IN_TRAINING";
    public static final String STATUS_NEET = "NEET";
    public static final String VAR_FIRST_YOUTH_STATUS = "firstYouthStatus";
    public static final String VAR_SECOND_YOUTH_STATUS = "secondYouthStatus";
    /** Form youth-graduation-planning: one of the PLAN_* codes, SA's decision. */
    public static final String VAR_FAMILY_PLAN = "familyPlan";
    public static final String PLAN_CONTINUE_SUPPORT = "CONTINUE_SUPPORT";
    public static final String PLAN_START_GRADUATION = "START_GRADUATION";
    public static final String VAR_PLANNED_BY = "familyPlannedBy";

    // ---- notices ------------------------------------------------------------------------------------
    public static final String INPUT_OUTCOME = JobPlacement.INPUT_OUTCOME;
    public static final String INPUT_REASON = JobPlacement.INPUT_REASON;
    /** To PES: SA referred the young person. */
    public static final String OUTCOME_YOUTH_REFERRED = "YOUTH_REFERRED";
    /** To PES: neither PES nor SA could reach the young person; the case is closed. */
    public static final String OUTCOME_YOUTH_NOT_REACHED = "YOUTH_NOT_REACHED";
    /** To SA: the referred person is outside the age band. */
    public static final String OUTCOME_OUTSIDE_AGE_BAND = "YOUTH_OUTSIDE_AGE_BAND";
    /** To SA: the counsellor recorded the pathway. */
    public static final String OUTCOME_PATHWAY_CHOSEN = "YOUTH_PATHWAY_CHOSEN";
    /** To SA: the young person's status at the first, then the second checkpoint. */
    public static final String OUTCOME_FIRST_STATUS = "YOUTH_FIRST_OUTCOME";
    public static final String OUTCOME_SECOND_STATUS = "YOUTH_SECOND_OUTCOME";
    public static final String OUTCOME_EXCHANGE_REFUSED = ReferralToPes.OUTCOME_EXCHANGE_REFUSED;

    // ---- BPMN error -----------------------------------------------------------------------------------
    public static final String ERROR_EXCHANGE_REFUSED = ReferralToPes.ERROR_EXCHANGE_REFUSED;
    public static final String VAR_REFUSAL_REASON = ReferralToPes.VAR_REFUSAL_REASON;

    // ---- the case's outcome ---------------------------------------------------------------------------
    /** One of the CASE_OUTCOME_* codes, set by the end events. */
    public static final String VAR_CASE_OUTCOME = "youthTransitionOutcome";
    public static final String CASE_OUTCOME_FOLLOWED_UP = "FOLLOWED_UP";
    public static final String CASE_OUTCOME_NOT_REACHED = "NOT_REACHED";
    public static final String CASE_OUTCOME_OUTSIDE_AGE_BAND = "OUTSIDE_AGE_BAND";
    public static final String CASE_OUTCOME_NOT_POSSIBLE = "NOT_POSSIBLE";

    private YouthTransition() {
    }
}
