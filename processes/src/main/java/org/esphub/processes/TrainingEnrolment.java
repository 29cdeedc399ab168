package org.esphub.processes;

/**
 * Names fixed by {@code processes/training-enrolment.bpmn} (PRS.EMPL.03, training benefits), its DMN
 * {@code training-attendance} and its forms.
 *
 * <p>Element ids, topics, messages, errors, variable names and outcome codes live here once; tests,
 * workers, routes and calling processes refer to them only through this class. Changing a value means
 * changing the BPMN (or DMN / form) in the same commit.
 *
 * <p>Contract with the caller: start (or call) with business key = the referral's DCI reference_id and
 * the variables {@link #VAR_REFERENCE_ID}, {@link #VAR_PERSON_ID}, {@link #VAR_CORRELATION_ID},
 * {@link #VAR_GIVEN_NAME}, {@link #VAR_FAMILY_NAME} (the tasks' descriptions and Tasklist rows show them)
 * and optionally {@link #VAR_PES_CASE_NUMBER} for the forms and {@link #VAR_PROGRAMME_AUDIENCE} to offer one audience's programmes (without it, the tasks call the case a training request); read {@link #VAR_TRAINING_OUTCOME} when it ends. The beans {@code workingCalendar} and
 * {@code trainingEnrolmentSettings} ({@link TrainingEnrolmentSettings}) must be resolvable.
 */
public final class TrainingEnrolment {

    // ---- process and models -------------------------------------------------------------------
    public static final String PROCESS_KEY = "training-enrolment";
    public static final String BPMN_RESOURCE = "processes/training-enrolment.bpmn";
    public static final String DECISION_ATTENDANCE = "training-attendance";
    public static final String DMN_RESOURCE = "processes/training-attendance.dmn";
    public static final String FORM_PROGRAMME_CHOICE = "training-programme-choice";
    public static final String FORM_PROGRAMME_CHOICE_RESOURCE = "forms/training-programme-choice.form";
    public static final String FORM_ATTENDANCE_COUNSELLING = "attendance-counselling";
    public static final String FORM_ATTENDANCE_COUNSELLING_RESOURCE = "forms/attendance-counselling.form";
    public static final String FORM_ATTENDANCE_WARNING_REVIEW = "attendance-warning-review";
    public static final String FORM_ATTENDANCE_WARNING_REVIEW_RESOURCE = "forms/attendance-warning-review.form";
    /** Bean name of {@link TrainingEnrolmentSettings} in the models' expressions. */
    public static final String SETTINGS_BEAN = "trainingEnrolmentSettings";

    // ---- flow nodes, in diagram order --------------------------------------------------------------
    public static final String TRAINING_REQUESTED = "TrainingRequested";
    public static final String CHOICE_MERGE = "ChoiceMerge";
    public static final String LIST_PROGRAMMES = "ListProgrammes";
    public static final String CHOOSE_PROGRAMME = "ChooseProgramme";
    /**
     * Interrupting boundary event on {@link #CHOOSE_PROGRAMME}, message {@link #MESSAGE_TRAINING_REQUEST_ATTACHED}:
     * a training requested for the person while the counsellor chooses becomes that choice.
     */
    public static final String TRAINING_REQUEST_ATTACHED = "TrainingRequestAttached";
    public static final String PROGRAMME_CHOSEN_GATEWAY = "ProgrammeChosenGateway";
    public static final String NOTIFY_SA_NO_PROGRAMME = "NotifySaNoProgramme";
    public static final String NO_PROGRAMME = "NoProgramme";
    public static final String RESERVE_SLOT = "ReserveSlot";
    public static final String SLOT_RESERVED_GATEWAY = "SlotReservedGateway";
    public static final String REQUEST_TRAINING_BENEFIT = "RequestTrainingBenefit";
    public static final String AWAIT_BENEFIT_DECISION = "AwaitBenefitDecision";
    public static final String TRAINING_BENEFIT_DECIDED = "TrainingBenefitDecided";
    public static final String SLOT_HOLD_EXPIRED = "SlotHoldExpired";
    public static final String BENEFIT_APPROVED_GATEWAY = "BenefitApprovedGateway";
    public static final String BENEFIT_REFUSED = "BenefitRefused";
    public static final String RELEASE_MERGE = "ReleaseMerge";
    public static final String RELEASE_SLOT = "ReleaseSlot";
    public static final String NOTIFY_SA_NOT_APPROVED = "NotifySaNotApproved";
    public static final String NOT_APPROVED = "NotApproved";
    public static final String CONFIRM_ENROLMENT = "ConfirmEnrolment";
    public static final String NOTIFY_SA_ENROLLED = "NotifySaEnrolled";
    public static final String TRAINING_IN_PROGRESS = "TrainingInProgress";
    public static final String TRAINING_STARTED = "TrainingStarted";
    public static final String TRAINING_COMPLETED = "TrainingCompleted";
    public static final String TRAINING_FINISHED = "TrainingFinished";
    public static final String ATTENDANCE_MONITORING = "AttendanceMonitoring";
    public static final String ATTENDANCE_REPORTED = "AttendanceReported";
    public static final String ASSESS_ATTENDANCE = "AssessAttendance";
    public static final String ATTENDANCE_ACTION_GATEWAY = "AttendanceActionGateway";
    public static final String ATTENDANCE_ON_TRACK = "AttendanceOnTrack";
    public static final String ATTENDANCE_COUNSELLING = "AttendanceCounselling";
    public static final String ATTENDANCE_COUNSELLED = "AttendanceCounselled";
    public static final String NOTIFY_SA_ATTENDANCE_WARNING = "NotifySaAttendanceWarning";
    public static final String NOTIFY_PES_ATTENDANCE_WARNING = "NotifyPesAttendanceWarning";
    public static final String REVIEW_ATTENDANCE_WARNING = "ReviewAttendanceWarning";
    public static final String CONTINUE_TRAINING_GATEWAY = "ContinueTrainingGateway";
    public static final String WARNING_RESOLVED = "WarningResolved";
    public static final String TRAINING_ENDED_BY_CASEWORKER = "TrainingEndedByCaseworker";
    public static final String NOTIFY_SA_COMPLETED = "NotifySaCompleted";
    public static final String TRAINING_COMPLETED_END = "TrainingCompletedEnd";
    public static final String TRAINING_DROPPED_OUT = "TrainingDroppedOut";
    public static final String ENDED_AFTER_WARNING = "EndedAfterWarning";
    public static final String WITHDRAW_ENROLMENT = "WithdrawEnrolment";
    public static final String DROPPED_OUT_MERGE = "DroppedOutMerge";
    public static final String NOTIFY_SA_DROPPED_OUT = "NotifySaDroppedOut";
    public static final String DROPPED_OUT = "DroppedOut";

    // ---- external-task topics ----------------------------------------------------------------------
    public static final String TOPIC_LIST_PROGRAMMES = "tvet.list-programmes";
    public static final String TOPIC_RESERVE_SLOT = "tvet.reserve-slot";
    public static final String TOPIC_RELEASE_SLOT = "tvet.release-slot";
    public static final String TOPIC_CONFIRM_ENROLMENT = "tvet.confirm-enrolment";
    public static final String TOPIC_WITHDRAW_ENROLMENT = "tvet.withdraw-enrolment";
    public static final String TOPIC_REQUEST_TRAINING_BENEFIT = "sa.request-training-benefit";
    public static final String TOPIC_SA_NOTIFY_OUTCOME = "sa.notify-outcome";
    public static final String TOPIC_PES_NOTIFY_OUTCOME = "pes.notify-outcome";

    /** Extension property on every service task: back-off schedule the generic worker uses between retries. */
    public static final String PROPERTY_RETRY_BACKOFF = "retryBackoff";
    /** Extension property on every service task: the agreement purpose its data moves for (data-sharing gate). */
    public static final String PROPERTY_PURPOSE = "purpose";
    /**
     * The purpose of every exchange of this process: training is part of the person's activation
     * (agreements/sa-pes-activation-referral.yaml and the TVET provider's agreement).
     */
    public static final String PURPOSE_EMPLOYMENT_ACTIVATION = "EMPLOYMENT_ACTIVATION";

    // ---- messages (agency events, correlated by business key) and BPMN errors ----------------------
    /** From SA; sets {@link #VAR_TRAINING_BENEFIT_APPROVED} and optionally {@link #VAR_TRAINING_BENEFIT_DECISION_REASON}. */
    public static final String MESSAGE_TRAINING_BENEFIT_DECIDED = "TrainingBenefitDecided";
    /** From the provider, any number of times during the training; sets {@link #VAR_ATTENDANCE_RATE}. */
    public static final String MESSAGE_ATTENDANCE_REPORTED = "AttendanceReported";
    /** From the provider (contract name); optionally sets {@link #VAR_COMPLETION_DATE} and {@link #VAR_CERTIFICATE_ID}. */
    public static final String MESSAGE_TRAINING_COMPLETED = "TrainingCompleted";
    /** From the provider; optionally sets {@link #VAR_DROP_OUT_REASON}. */
    public static final String MESSAGE_TRAINING_DROPPED_OUT = "TrainingDroppedOut";
    /**
     * From the hub's intake of {@code POST /training-benefits} for a person whose referral is choosing a
     * programme; sets, on the scope the flow goes on in, {@link #VAR_PROGRAMME_ID}, {@link #VAR_PROGRAMME_NAME},
     * {@link #VAR_DURATION_WEEKS} and {@link #VAR_REQUESTED_BENEFITS} (null where the request says nothing), and
     * the choice opens again with them.
     */
    public static final String MESSAGE_TRAINING_REQUEST_ATTACHED = "TrainingRequestAttached";
    /** Thrown when the caseworker ends the training after an attendance warning. */
    public static final String ERROR_ENDED_AFTER_ATTENDANCE_WARNING = "ENDED_AFTER_ATTENDANCE_WARNING";

    // ---- candidate groups --------------------------------------------------------------------------
    public static final String GROUP_PES_CASEWORKERS = "pes-caseworkers";

    // ---- process variables: supplied by the caller -------------------------------------------------
    public static final String VAR_REFERENCE_ID = "referenceId";
    public static final String VAR_PERSON_ID = "personId";
    public static final String VAR_CORRELATION_ID = "correlationId";
    public static final String VAR_GIVEN_NAME = "givenName";
    public static final String VAR_FAMILY_NAME = "familyName";
    public static final String VAR_PES_CASE_NUMBER = "pesCaseNumber";
    /**
     * Optional: offer only the provider's programmes for this audience ({@link #AUDIENCE_YOUTH}); without
     * it the counsellor chooses from the whole catalogue. The hub filters, the provider is never told.
     */
    public static final String VAR_PROGRAMME_AUDIENCE = "programmeAudience";
    /** The provider's programmes for young people: apprenticeships and bridges back to school. */
    public static final String AUDIENCE_YOUTH = "YOUTH";

    // ---- process variables: set by ListProgrammes, the provider's catalogue -------------------------
    /** JSON list of {@code {label, value}}, value a programme id: the options of the programme select. */
    public static final String VAR_PROGRAMME_OPTIONS = "programmeOptions";
    /** JSON object: by programme id, its programmeName, providerId and durationWeeks. */
    public static final String VAR_PROGRAMME_CATALOGUE = "programmeCatalogue";

    // ---- process variables: set by the form of ChooseProgramme; programmeName, providerId and
    // durationWeeks by its output mapping, from the catalogue entry of the chosen programmeId ----------
    public static final String VAR_NO_SUITABLE_PROGRAMME = "noSuitableProgramme";
    public static final String VAR_PROGRAMME_ID = "programmeId";
    public static final String VAR_PROGRAMME_NAME = "programmeName";
    public static final String VAR_PROVIDER_ID = "providerId";
    /** ISO-8601 date string, e.g. {@code 2025-04-07}. */
    public static final String VAR_START_DATE = "startDate";
    public static final String VAR_DURATION_WEEKS = "durationWeeks";
    /** List of {@link #BENEFIT_TRAINING_ALLOWANCE}, {@link #BENEFIT_TRANSPORTATION}, {@link #BENEFIT_CHILDCARE}, {@link #BENEFIT_MATERIALS}. */
    public static final String VAR_REQUESTED_BENEFITS = "requestedBenefits";
    public static final String VAR_CHOICE_NOTES = "choiceNotes";

    public static final String BENEFIT_TRAINING_ALLOWANCE = "TRAINING_ALLOWANCE";
    public static final String BENEFIT_TRANSPORTATION = "TRANSPORTATION";
    public static final String BENEFIT_CHILDCARE = "CHILDCARE";
    public static final String BENEFIT_MATERIALS = "MATERIALS";

    // ---- process variables: place, benefit decision, enrolment --------------------------------------
    /** Set by ReserveSlot (tvet.reserve-slot). */
    public static final String VAR_SLOT_RESERVED = "slotReserved";
    public static final String VAR_SLOT_ID = "slotId";
    public static final String VAR_NO_CAPACITY_REASON = "noCapacityReason";
    /** Date until which the provider holds the place; computed by the hub and sent to the provider. */
    public static final String VAR_SLOT_HELD_UNTIL = "slotHeldUntil";
    public static final String VAR_TRAINING_BENEFIT_APPROVED = "trainingBenefitApproved";
    public static final String VAR_TRAINING_BENEFIT_DECISION_REASON = "trainingBenefitDecisionReason";
    /** {@link #REASON_BENEFIT_REFUSED} or {@link #REASON_SLOT_HOLD_EXPIRED}. */
    public static final String VAR_NOT_APPROVED_REASON = "notApprovedReason";
    /** Set by ConfirmEnrolment (tvet.confirm-enrolment), optional. */
    public static final String VAR_ENROLMENT_ID = "enrolmentId";

    // ---- process variables: attendance and end of training -----------------------------------------
    /** Percentage of sessions attended so far, 0-100 (latest report). */
    public static final String VAR_ATTENDANCE_RATE = "attendanceRate";
    /** Output of the DMN training-attendance: {@link #ATTENDANCE_ON_TRACK_CODE}, {@link #ATTENDANCE_COUNSELLING_CODE}, {@link #ATTENDANCE_WARNING_CODE}. */
    public static final String VAR_ATTENDANCE_ACTION = "attendanceAction";
    public static final String VAR_COUNSELLING_NOTES = "counsellingNotes";
    /** Set by the form of ReviewAttendanceWarning: {@link #DECISION_CONTINUE} or {@link #DECISION_END_TRAINING}. */
    public static final String VAR_ATTENDANCE_WARNING_DECISION = "attendanceWarningDecision";
    public static final String VAR_WARNING_REVIEW_NOTES = "warningReviewNotes";
    public static final String VAR_COMPLETION_DATE = "completionDate";
    /** From the provider's TrainingCompleted: the certificate awarded, if the programme certifies (oversight KPIs). */
    public static final String VAR_CERTIFICATE_ID = "certificateId";
    /** From the provider's TrainingDroppedOut, or {@link #ERROR_ENDED_AFTER_ATTENDANCE_WARNING}. */
    public static final String VAR_DROP_OUT_REASON = "dropOutReason";

    public static final String ATTENDANCE_ON_TRACK_CODE = "ON_TRACK";
    public static final String ATTENDANCE_COUNSELLING_CODE = "COUNSELLING";
    public static final String ATTENDANCE_WARNING_CODE = "WARNING";

    public static final String DECISION_CONTINUE = "CONTINUE";
    public static final String DECISION_END_TRAINING = "END_TRAINING";

    // ---- result for the caller ---------------------------------------------------------------------
    /** One of {@link #OUTCOME_COMPLETED}, {@link #OUTCOME_DROPPED_OUT}, {@link #OUTCOME_NOT_APPROVED}, {@link #OUTCOME_NO_PROGRAMME}. */
    public static final String VAR_TRAINING_OUTCOME = "trainingOutcome";

    // ---- local inputs of the notify tasks (the payload the worker sends to SA / PES) ---------------
    public static final String INPUT_OUTCOME = "outcome";
    public static final String INPUT_REASON = "reason";
    /** RequestTrainingBenefit: when SA should have decided, i.e. the end of the hold on the place. */
    public static final String INPUT_DECIDE_BY = "decideBy";

    /** Outcomes of the process (also sent to SA). */
    public static final String OUTCOME_COMPLETED = "COMPLETED";
    public static final String OUTCOME_DROPPED_OUT = "DROPPED_OUT";
    public static final String OUTCOME_NOT_APPROVED = "NOT_APPROVED";
    public static final String OUTCOME_NO_PROGRAMME = "NO_PROGRAMME";
    /** Notices on the way (sent to SA, PES), not outcomes of the process. */
    public static final String OUTCOME_ENROLLED = "ENROLLED";
    public static final String OUTCOME_ATTENDANCE_WARNING = "ATTENDANCE_WARNING";

    public static final String REASON_NO_SUITABLE_PROGRAMME = "NO_SUITABLE_PROGRAMME";
    public static final String REASON_BENEFIT_REFUSED = "BENEFIT_REFUSED";
    public static final String REASON_SLOT_HOLD_EXPIRED = "SLOT_HOLD_EXPIRED";
    public static final String REASON_LOW_ATTENDANCE = "LOW_ATTENDANCE";

    private TrainingEnrolment() {
    }
}
