package org.esphub.processes;

/**
 * Names fixed by {@code processes/referral-to-pes.bpmn} (UC1, SA beneficiary referred to PES, from the
 * referral to graduation or exit).
 *
 * <p>Element ids, topics, message, error codes, variable names and outcome codes of the process live
 * here once; tests, workers, routes and the hub refer to them only through this class. Changing a
 * value means changing the BPMN (or DMN / form) in the same commit. The processes it calls
 * ({@link TrainingEnrolment}, {@link JobPlacement}, {@link BenefitAdjustment}) keep their own names;
 * the variables they hand back are repeated here under the same values.
 */
public final class ReferralToPes {

    // ---- process and models -------------------------------------------------------------------
    public static final String PROCESS_KEY = "referral-to-pes";
    public static final String BPMN_RESOURCE = "processes/referral-to-pes.bpmn";
    public static final String DECISION_ELIGIBILITY = "referral-eligibility";
    public static final String DMN_RESOURCE = "processes/referral-eligibility.dmn";
    public static final String FORM_INTAKE_ASSESSMENT = "intake-assessment";
    public static final String FORM_INTAKE_ASSESSMENT_RESOURCE = "forms/intake-assessment.form";
    public static final String FORM_OVERDUE_INTAKE_FOLLOW_UP = "overdue-intake-follow-up";
    public static final String FORM_OVERDUE_INTAKE_FOLLOW_UP_RESOURCE = "forms/overdue-intake-follow-up.form";
    public static final String FORM_RE_ENGAGEMENT_DECISION = "re-engagement-decision";
    public static final String FORM_RE_ENGAGEMENT_DECISION_RESOURCE = "forms/re-engagement-decision.form";

    // ---- flow nodes, in diagram order --------------------------------------------------------------
    public static final String REFERRAL_RECEIVED = "ReferralReceived";
    public static final String FETCH_PROFILE = "FetchProfile";
    public static final String PERSON_UNKNOWN = "PersonUnknown";
    public static final String CHECK_ELIGIBILITY = "CheckEligibility";
    public static final String ELIGIBLE_GATEWAY = "EligibleGateway";
    public static final String NOT_ELIGIBLE_MERGE = "NotEligibleMerge";
    public static final String NOTIFY_NOT_ELIGIBLE = "NotifyNotEligible";
    public static final String NOT_ELIGIBLE = "NotEligible";
    public static final String REGISTER_JOBSEEKER = "RegisterJobseeker";
    public static final String REGISTRATION_REJECTED = "RegistrationRejected";
    public static final String NOTIFY_REGISTRATION_REJECTED = "NotifyRegistrationRejected";
    public static final String REGISTRATION_REJECTED_END = "RegistrationRejectedEnd";
    public static final String REGISTRATION_CONFIRMED = "RegistrationConfirmed";
    public static final String INTAKE = "Intake";
    public static final String INTAKE_OVERDUE = "IntakeOverdue";
    public static final String FOLLOW_UP_OVERDUE_INTAKE = "FollowUpOverdueIntake";
    public static final String OVERDUE_INTAKE_FOLLOWED_UP = "OverdueIntakeFollowedUp";
    public static final String WORK_READY_GATEWAY = "WorkReadyGateway";
    public static final String NOTIFY_SERVICES_COMMENCED = "NotifyServicesCommenced";
    /** Intermediate event (a milestone, no longer an end): the plan is agreed, the activation starts. */
    public static final String ACTIVATION_PLAN_AGREED = "ActivationPlanAgreed";
    public static final String NOTIFY_RETURNED_TO_SA = "NotifyReturnedToSa";
    public static final String RETURNED_TO_SA = "ReturnedToSa";

    // ---- the activation plan carried out: sub-process Activation --------------------------------
    /** Embedded sub-process from the agreed plan to graduation or exit; sets {@link #VAR_ACTIVATION_OUTCOME}. */
    public static final String ACTIVATION = "Activation";
    public static final String ACTIVATION_STARTED = "ActivationStarted";
    public static final String PATHWAY_GATEWAY = "PathwayGateway";
    /** Call activity: {@link TrainingEnrolment#PROCESS_KEY}. */
    public static final String TRAINING = "Training";
    public static final String TRAINING_OUTCOME_GATEWAY = "TrainingOutcomeGateway";
    public static final String EXITED_DROPPED_OUT = "ExitedDroppedOut";
    public static final String JOB_SEARCH_MERGE = "JobSearchMerge";
    /** Embedded sub-process: the placement and the benefit adjustment its verification triggers. */
    public static final String JOB_SEARCH = "JobSearch";
    public static final String JOB_SEARCH_STARTED = "JobSearchStarted";
    /** Call activity: {@link JobPlacement#PROCESS_KEY}. */
    public static final String JOB_PLACEMENT = "JobPlacement";
    /** Terminate end event: when the placement ends, an adjustment still under way for it ends too. */
    public static final String JOB_PLACEMENT_ENDED = "JobPlacementEnded";
    /** Non-interrupting escalation boundary event on {@link #JOB_PLACEMENT}. */
    public static final String PLACEMENT_VERIFIED = "PlacementVerified";
    public static final String FETCH_BENEFIT_ON_PLACEMENT = "FetchBenefitOnPlacement";
    /** Call activity: {@link BenefitAdjustment#PROCESS_KEY}, trigger {@link BenefitAdjustment#TRIGGER_PLACEMENT_VERIFIED}. */
    public static final String ADJUST_BENEFIT_TO_PLACEMENT = "AdjustBenefitToPlacement";
    public static final String BENEFIT_ADJUSTED_TO_PLACEMENT = "BenefitAdjustedToPlacement";
    public static final String PLACEMENT_OUTCOME_GATEWAY = "PlacementOutcomeGateway";
    public static final String FETCH_BENEFIT_ON_STABLE_EMPLOYMENT = "FetchBenefitOnStableEmployment";
    /** Call activity: {@link BenefitAdjustment#PROCESS_KEY}, trigger {@link BenefitAdjustment#TRIGGER_STABLE_EMPLOYMENT}. */
    public static final String ADJUST_BENEFIT_TO_STABLE_EMPLOYMENT = "AdjustBenefitToStableEmployment";
    public static final String ACTIVATION_GRADUATED = "ActivationGraduated";
    public static final String EXITED_NO_PLACEMENT = "ExitedNoPlacement";
    public static final String DECIDE_RE_ENGAGEMENT = "DecideReEngagement";
    public static final String RE_ENGAGEMENT_GATEWAY = "ReEngagementGateway";
    public static final String EXITED_BY_CASEWORKER = "ExitedByCaseworker";
    /** Error boundary event on {@link #ACTIVATION}: the gate refused an exchange, here or in a called process. */
    public static final String ACTIVATION_REFUSED = "ActivationRefused";
    public static final String ACTIVATION_OUTCOME_GATEWAY = "ActivationOutcomeGateway";
    public static final String NOTIFY_GRADUATED = "NotifyGraduated";
    public static final String GRADUATED = "Graduated";
    public static final String NOTIFY_EXITED = "NotifyExited";
    public static final String EXITED = "Exited";
    /** Boundary events: the data-sharing gate refused the exchange (BPMN error EXCHANGE_REFUSED). */
    public static final String PROFILE_FETCH_REFUSED = "ProfileFetchRefused";
    public static final String REGISTRATION_REFUSED = "RegistrationRefused";
    public static final String EXCHANGE_REFUSED_MERGE = "ExchangeRefusedMerge";
    public static final String NOTIFY_EXCHANGE_REFUSED = "NotifyExchangeRefused";
    public static final String EXCHANGE_REFUSED_END = "ExchangeRefusedEnd";
    /** Event sub-process started by the message {@link #MESSAGE_CONSENT_WITHDRAWN}. */
    public static final String CONSENT_WITHDRAWN_HANDLING = "ConsentWithdrawnHandling";
    public static final String CONSENT_WITHDRAWN = "ConsentWithdrawn";
    public static final String NOTIFY_CONSENT_WITHDRAWN = "NotifyConsentWithdrawn";
    public static final String REFERRAL_CLOSED_CONSENT_WITHDRAWN = "ReferralClosedConsentWithdrawn";

    // ---- external-task topics ----------------------------------------------------------------------
    public static final String TOPIC_FETCH_PROFILE = "sa.fetch-profile";
    public static final String TOPIC_REGISTER_JOBSEEKER = "pes.register-jobseeker";
    public static final String TOPIC_NOTIFY_OUTCOME = "sa.notify-outcome";
    /**
     * The benefit SA pays now (completes with {@link #VAR_BENEFIT_STATUS} and {@link #VAR_MONTHLY_BENEFIT_AMOUNT}),
     * asked right before each benefit adjustment: SA is the authority on the amount, which an earlier
     * adjustment or SA itself may have changed since the profile was fetched.
     */
    public static final String TOPIC_FETCH_BENEFIT = "sa.fetch-benefit";

    /** Extension property on every service task: back-off schedule the generic worker uses between retries. */
    public static final String PROPERTY_RETRY_BACKOFF = "retryBackoff";
    /** Extension property on every service task: the agreement purpose its data moves for (data-sharing gate). */
    public static final String PROPERTY_PURPOSE = "purpose";
    /** The purpose of the referral's exchanges and notices (agreements/sa-pes-activation-referral.yaml). */
    public static final String PURPOSE_EMPLOYMENT_ACTIVATION = "EMPLOYMENT_ACTIVATION";
    /** The purpose of asking SA for the benefit in payment before an adjustment (the FetchBenefit* tasks). */
    public static final String PURPOSE_BENEFIT_ADJUSTMENT = BenefitAdjustment.PURPOSE_BENEFIT_ADJUSTMENT;

    // ---- message and BPMN errors -------------------------------------------------------------------
    public static final String MESSAGE_REGISTRATION_CONFIRMED = "RegistrationConfirmed";
    /** Correlated by the hub to the person's running referrals when their consent is withdrawn. */
    public static final String MESSAGE_CONSENT_WITHDRAWN = "ConsentWithdrawn";
    public static final String ERROR_PERSON_UNKNOWN = "PERSON_UNKNOWN";
    public static final String ERROR_PES_REGISTRATION_REJECTED = "PES_REGISTRATION_REJECTED";
    /** Raised by the worker when the data-sharing gate refuses an exchange; the message leads with the reason code. */
    public static final String ERROR_EXCHANGE_REFUSED = "EXCHANGE_REFUSED";
    /** Escalation code job-placement throws once the placement is verified (caught by {@link #PLACEMENT_VERIFIED}). */
    public static final String ESCALATION_PLACEMENT_VERIFIED = JobPlacement.ESCALATION_PLACEMENT_VERIFIED;

    // ---- candidate groups --------------------------------------------------------------------------
    public static final String GROUP_PES_CASEWORKERS = "pes-caseworkers";
    public static final String GROUP_PES_SUPERVISORS = "pes-supervisors";
    /** Approves benefit adjustments in the called benefit-adjustment process. */
    public static final String GROUP_SA_CASEWORKERS = BenefitAdjustment.GROUP_SA_CASEWORKERS;

    // ---- process variables: supplied by the starter ------------------------------------------------
    public static final String VAR_REFERENCE_ID = "referenceId";
    public static final String VAR_PERSON_ID = "personId";
    public static final String VAR_CORRELATION_ID = "correlationId";
    public static final String VAR_SENDER_ID = "senderId";
    public static final String VAR_MESSAGE_ID = "messageId";
    public static final String VAR_REFERRAL_REASON = "referralReason";
    public static final String VAR_PROGRAM_ID = "programId";
    public static final String VAR_BENEFIT_TYPE = "benefitType";
    public static final String VAR_REFERRAL_RECEIVED_AT = "referralReceivedAt";
    public static final String VAR_INTAKE_WORKING_DAYS = "intakeWorkingDays";
    /** Policy default for {@link #VAR_INTAKE_WORKING_DAYS}: first contact within 5 working days. */
    public static final int DEFAULT_INTAKE_WORKING_DAYS = 5;

    // ---- process variables: set by FetchProfile (sa.fetch-profile) ---------------------------------
    public static final String VAR_GIVEN_NAME = "givenName";
    public static final String VAR_FAMILY_NAME = "familyName";
    /** ISO-8601 date string, e.g. {@code 1990-04-17}. */
    public static final String VAR_BIRTH_DATE = "birthDate";
    public static final String VAR_WORK_ABLE = "workAble";
    /** One of {@link #BENEFIT_STATUS_ACTIVE}, {@link #BENEFIT_STATUS_ENDED}, {@link #BENEFIT_STATUS_SUSPENDED}, {@link #BENEFIT_STATUS_NONE}. */
    public static final String VAR_BENEFIT_STATUS = "benefitStatus";
    /** ISO-8601 date string or null. */
    public static final String VAR_BENEFIT_END_DATE = "benefitEndDate";
    /**
     * The monthly amount of the SA benefit (number, null if none is paid): the person's income before a
     * placement ({@link JobPlacement#VAR_PREVIOUS_MONTHLY_INCOME}). Route field {@code monthly_benefit_amount};
     * set again by {@link #TOPIC_FETCH_BENEFIT} before each benefit adjustment, which takes it as
     * {@link BenefitAdjustment#VAR_CURRENT_MONTHLY_BENEFIT}.
     */
    public static final String VAR_MONTHLY_BENEFIT_AMOUNT = "monthlyBenefitAmount";

    public static final String BENEFIT_STATUS_ACTIVE = "ACTIVE";
    public static final String BENEFIT_STATUS_ENDED = "ENDED";
    public static final String BENEFIT_STATUS_SUSPENDED = "SUSPENDED";
    public static final String BENEFIT_STATUS_NONE = "NONE";

    // ---- process variables: eligibility, registration, intake ------------------------------------
    /** Result of CheckEligibility (one of the ELIGIBILITY_* codes), or {@link #ERROR_PERSON_UNKNOWN}. */
    public static final String VAR_ELIGIBILITY_DECISION = "eligibilityDecision";
    public static final String VAR_PES_CASE_NUMBER = "pesCaseNumber";
    public static final String VAR_REGISTERED_AT = "registeredAt";
    public static final String VAR_REGISTRATION_REJECTION_REASON = "registrationRejectionReason";
    public static final String VAR_WORK_READY = "workReady";
    public static final String VAR_BARRIERS = "barriers";
    /** One of {@link #PATHWAY_JOB_SEARCH}, {@link #PATHWAY_TRAINING}, {@link #PATHWAY_BOTH}. */
    public static final String VAR_PATHWAY = "pathway";
    public static final String VAR_NOTES = "notes";
    /** The gate's refusal (reason code and explanation), from the EXCHANGE_REFUSED error message. */
    public static final String VAR_REFUSAL_REASON = "refusalReason";
    /** Set with the ConsentWithdrawn message: which consent was withdrawn, when and why, for SA. */
    public static final String VAR_CONSENT_WITHDRAWAL = "consentWithdrawal";
    public static final String VAR_FOLLOW_UP_ACTION = "followUpAction";
    public static final String VAR_FOLLOW_UP_NOTES = "followUpNotes";

    public static final String PATHWAY_JOB_SEARCH = "JOB_SEARCH";
    public static final String PATHWAY_TRAINING = "TRAINING";
    public static final String PATHWAY_BOTH = "BOTH";

    // ---- process variables: handed back by the called processes (their output mappings) -----------
    /** From training-enrolment: one of {@link TrainingEnrolment}'s OUTCOME_* codes. */
    public static final String VAR_TRAINING_OUTCOME = TrainingEnrolment.VAR_TRAINING_OUTCOME;
    /** From job-placement: one of {@link JobPlacement}'s OUTCOME_* codes (null while it runs). */
    public static final String VAR_PLACEMENT_OUTCOME = JobPlacement.VAR_PLACEMENT_OUTCOME;
    /** From job-placement, when it escalates the verified placement and when it ends: the job's terms. */
    public static final String VAR_EMPLOYER_ID = JobPlacement.VAR_EMPLOYER_ID;
    public static final String VAR_MONTHLY_WAGE = JobPlacement.VAR_MONTHLY_WAGE;
    public static final String VAR_HOURS_PER_WEEK = JobPlacement.VAR_HOURS_PER_WEEK;
    public static final String VAR_CONTRACT_TYPE = JobPlacement.VAR_CONTRACT_TYPE;
    public static final String VAR_CONTRACT_MONTHS = JobPlacement.VAR_CONTRACT_MONTHS;
    /** ISO-8601 date the job started. */
    public static final String VAR_START_DATE = JobPlacement.VAR_START_DATE;
    public static final String VAR_PLACEMENT_VERIFIED_AT = JobPlacement.VAR_PLACEMENT_VERIFIED_AT;
    /** From job-placement, for the re-engagement decision: why the placement failed or the job ended. */
    public static final String VAR_PLACEMENT_FAILURE_REASON = JobPlacement.VAR_PLACEMENT_FAILURE_REASON;
    public static final String VAR_EMPLOYMENT_END_REASON = JobPlacement.VAR_EMPLOYMENT_END_REASON;
    public static final String VAR_EMPLOYMENT_END_DATE = JobPlacement.VAR_EMPLOYMENT_END_DATE;
    /** From benefit-adjustment at a verified placement: one of its ADJUSTMENT_OUTCOME_* codes. */
    public static final String VAR_PLACEMENT_ADJUSTMENT_OUTCOME = "placementAdjustmentOutcome";
    /** From benefit-adjustment at stable employment: one of its ADJUSTMENT_OUTCOME_* codes. */
    public static final String VAR_GRADUATION_ADJUSTMENT_OUTCOME = "graduationAdjustmentOutcome";

    // ---- process variables: re-engagement decision (form re-engagement-decision) and the outcome ---
    /** {@link #RE_ENGAGEMENT_JOB_SEARCH} or {@link #RE_ENGAGEMENT_EXIT}. */
    public static final String VAR_RE_ENGAGEMENT_DECISION = "reEngagementDecision";
    /** The caseworker's reasons; sent to SA as notes when the person exits. */
    public static final String VAR_RE_ENGAGEMENT_NOTES = "reEngagementNotes";
    /** Set by the end event of {@link #ACTIVATION} reached: {@link #OUTCOME_GRADUATED} or {@link #OUTCOME_EXITED}. */
    public static final String VAR_ACTIVATION_OUTCOME = "activationOutcome";
    /** Set with {@link #OUTCOME_EXITED}: one of the EXIT_REASON_* codes, sent to SA as the reason. */
    public static final String VAR_EXIT_REASON = "exitReason";

    public static final String RE_ENGAGEMENT_JOB_SEARCH = "JOB_SEARCH";
    public static final String RE_ENGAGEMENT_EXIT = "EXIT";

    public static final String EXIT_REASON_DROPPED_OUT = "DROPPED_OUT";
    public static final String EXIT_REASON_NO_PLACEMENT = "NO_PLACEMENT";
    public static final String EXIT_REASON_CASEWORKER_DECISION = "CASEWORKER_DECISION";

    public static final String FOLLOW_UP_CONTACTED_CASEWORKER = "CONTACTED_CASEWORKER";
    public static final String FOLLOW_UP_REASSIGNED = "REASSIGNED";
    public static final String FOLLOW_UP_OTHER = "OTHER";

    // ---- eligibility decisions (output of the DMN referral-eligibility) -------------------------
    public static final String ELIGIBILITY_ELIGIBLE = "ELIGIBLE";
    public static final String ELIGIBILITY_NOT_WORK_ABLE = "NOT_WORK_ABLE";
    public static final String ELIGIBILITY_AGE_BELOW_MINIMUM = "AGE_BELOW_MINIMUM";
    public static final String ELIGIBILITY_AGE_ABOVE_MAXIMUM = "AGE_ABOVE_MAXIMUM";
    public static final String ELIGIBILITY_BENEFIT_NOT_ACTIVE = "BENEFIT_NOT_ACTIVE";

    // ---- local inputs of the sa.notify-outcome tasks (the payload the worker sends to SA) ----------
    public static final String INPUT_OUTCOME = "outcome";
    public static final String INPUT_REASON = "reason";

    public static final String OUTCOME_NOT_ELIGIBLE = "NOT_ELIGIBLE";
    public static final String OUTCOME_REGISTRATION_REJECTED = "REGISTRATION_REJECTED";
    public static final String OUTCOME_RETURNED_TO_SA = "RETURNED_TO_SA";
    public static final String OUTCOME_SERVICES_COMMENCED = "SERVICES_COMMENCED";
    public static final String OUTCOME_EXCHANGE_REFUSED = "EXCHANGE_REFUSED";
    public static final String OUTCOME_CONSENT_WITHDRAWN = "CONSENT_WITHDRAWN";
    /** Stable employment reached and the benefit adjusted to it; the reason is the adjustment's outcome. */
    public static final String OUTCOME_GRADUATED = "GRADUATED";
    /** The activation ended without stable employment; the reason is one of the EXIT_REASON_* codes. */
    public static final String OUTCOME_EXITED = "EXITED";

    // ---- raised priority of the intake task once it is overdue -----------------------------------
    public static final int OVERDUE_INTAKE_PRIORITY = TaskPriorities.RAISED;

    private ReferralToPes() {
    }
}
