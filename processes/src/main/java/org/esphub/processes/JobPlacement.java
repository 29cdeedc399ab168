package org.esphub.processes;

/**
 * Names fixed by {@code processes/job-placement.bpmn} (PRS.EMPL.04, job placement), its DMN
 * {@code placement-suitability} and its form.
 *
 * <p>Element ids, topics, messages, errors, variable names and outcome codes live here once; tests,
 * workers, routes and calling processes refer to them only through this class. Changing a value means
 * changing the BPMN (or DMN / form) in the same commit.
 *
 * <p>Contract with the caller: start (or call) with business key = the referral's DCI reference_id and
 * the variables {@link #VAR_REFERENCE_ID}, {@link #VAR_PERSON_ID}, {@link #VAR_CORRELATION_ID},
 * {@link #VAR_GIVEN_NAME}, {@link #VAR_FAMILY_NAME} (Tasklist rows show them) and optionally
 * {@link #VAR_PREVIOUS_MONTHLY_INCOME}, {@link #VAR_PES_CASE_NUMBER}; read {@link #VAR_PLACEMENT_OUTCOME} when it ends and, once the
 * placement was verified, {@link #VAR_EMPLOYER_ID}, {@link #VAR_MONTHLY_WAGE}, {@link #VAR_HOURS_PER_WEEK},
 * {@link #VAR_CONTRACT_TYPE}, {@link #VAR_CONTRACT_MONTHS}, {@link #VAR_START_DATE} and
 * {@link #VAR_PLACEMENT_VERIFIED_AT}; catch the escalation {@link #ESCALATION_PLACEMENT_VERIFIED} to act
 * as soon as the placement is verified, while the retention checkpoints go on. The beans
 * {@code workingCalendar} and {@code jobPlacementSettings} ({@link JobPlacementSettings}) must be
 * resolvable.
 */
public final class JobPlacement {

    // ---- process and models -------------------------------------------------------------------
    public static final String PROCESS_KEY = "job-placement";
    public static final String BPMN_RESOURCE = "processes/job-placement.bpmn";
    public static final String DECISION_SUITABILITY = "placement-suitability";
    public static final String DMN_RESOURCE = "processes/placement-suitability.dmn";
    public static final String FORM_VACANCY_MATCH = "vacancy-match";
    public static final String FORM_VACANCY_MATCH_RESOURCE = "forms/vacancy-match.form";
    /** Bean name of {@link JobPlacementSettings} in the models' expressions. */
    public static final String SETTINGS_BEAN = "jobPlacementSettings";

    // ---- flow nodes, in diagram order --------------------------------------------------------------
    public static final String PLACEMENT_REQUESTED = "PlacementRequested";
    /**
     * Right after the start: a caller that passes {@link #VAR_PLACEMENT_MADE_BY_PES} true (a placement PES
     * made itself, {@link PesReportedPlacement}) enters at {@link #VERIFY_PLACEMENT}; anyone else at matching.
     */
    public static final String PLACEMENT_MADE_GATEWAY = "PlacementMadeGateway";
    public static final String VERIFICATION_MERGE = "VerificationMerge";
    public static final String MATCHING_MERGE = "MatchingMerge";
    public static final String LIST_VACANCIES = "ListVacancies";
    public static final String MATCH_VACANCY = "MatchVacancy";
    /**
     * Interrupting boundary event on {@link #MATCH_VACANCY}, message {@link #MESSAGE_PLACEMENT_ATTACHED}: PES
     * reports a job it found for the person while the counsellor is still matching; it goes to the verification.
     */
    public static final String PLACEMENT_ATTACHED = "PlacementAttached";
    public static final String VACANCY_FOUND_GATEWAY = "VacancyFoundGateway";
    public static final String NOTIFY_SA_NO_PLACEMENT = "NotifySaNoPlacement";
    public static final String NO_PLACEMENT = "NoPlacement";
    public static final String PROPOSE_CANDIDATE = "ProposeCandidate";
    public static final String AWAIT_EMPLOYER_DECISION = "AwaitEmployerDecision";
    public static final String EMPLOYER_DECIDED = "EmployerDecided";
    public static final String EMPLOYER_DECISION_OVERDUE = "EmployerDecisionOverdue";
    public static final String EMPLOYER_ACCEPTED_GATEWAY = "EmployerAcceptedGateway";
    public static final String CANDIDATE_DECLINED = "CandidateDeclined";
    public static final String CHECK_SUITABILITY = "CheckSuitability";
    public static final String SUITABLE_GATEWAY = "SuitableGateway";
    public static final String OFFER_UNSUITABLE = "OfferUnsuitable";
    public static final String WITHDRAW_MERGE = "WithdrawMerge";
    public static final String WITHDRAW_PROPOSAL = "WithdrawProposal";
    public static final String VERIFY_PLACEMENT = "VerifyPlacement";
    public static final String VERIFICATION_STARTED = "VerificationStarted";
    public static final String VERIFICATION_FORK = "VerificationFork";
    public static final String PLACEMENT_REPORTED = "PlacementReported";
    public static final String START_DATE_REACHED = "StartDateReached";
    public static final String RECHECK_MERGE = "RecheckMerge";
    public static final String VERIFY_EMPLOYMENT = "VerifyEmployment";
    public static final String INSURED_GATEWAY = "InsuredGateway";
    public static final String RECHECK_WAIT = "RecheckWait";
    public static final String VERIFICATION_JOIN = "VerificationJoin";
    public static final String PLACEMENT_VERIFIED = "PlacementVerified";
    public static final String VERIFICATION_COMPLETED = "VerificationCompleted";
    public static final String VERIFICATION_DEADLINE_PASSED = "VerificationDeadlinePassed";
    public static final String NOT_VERIFIED_IN_TIME = "NotVerifiedInTime";
    public static final String EMPLOYED = "Employed";
    public static final String EMPLOYMENT_STARTED = "EmploymentStarted";
    /** Throws {@link #ESCALATION_PLACEMENT_VERIFIED} to the caller, then the notices and checkpoints go on. */
    public static final String ESCALATE_PLACEMENT_VERIFIED = "EscalatePlacementVerified";
    public static final String NOTIFY_SA_PLACEMENT_VERIFIED = "NotifySaPlacementVerified";
    public static final String NOTIFY_PES_PLACEMENT_VERIFIED = "NotifyPesPlacementVerified";
    public static final String RETENTION_CHECKPOINTS = "RetentionCheckpoints";
    public static final String CHECKPOINT_STARTED = "CheckpointStarted";
    public static final String CHECKPOINT_REACHED = "CheckpointReached";
    public static final String REVERIFY_EMPLOYMENT = "ReverifyEmployment";
    public static final String STILL_EMPLOYED_GATEWAY = "StillEmployedGateway";
    public static final String RETENTION_NOT_CONFIRMED = "RetentionNotConfirmed";
    public static final String NOTIFY_SA_RETENTION_CONFIRMED = "NotifySaRetentionConfirmed";
    public static final String NOTIFY_PES_RETENTION_CONFIRMED = "NotifyPesRetentionConfirmed";
    public static final String CHECKPOINT_PASSED = "CheckpointPassed";
    public static final String EMPLOYMENT_RETAINED = "EmploymentRetained";
    public static final String EMPLOYMENT_ENDED = "EmploymentEnded";
    public static final String RETENTION_CHECK_FAILED = "RetentionCheckFailed";
    public static final String NOTIFY_PES_RE_ENGAGEMENT = "NotifyPesReEngagement";
    public static final String NOTIFY_SA_EMPLOYMENT_ENDED = "NotifySaEmploymentEnded";
    public static final String RE_ENGAGEMENT = "ReEngagement";
    public static final String FAILED_MERGE = "FailedMerge";
    public static final String NOTIFY_SA_PLACEMENT_FAILED = "NotifySaPlacementFailed";
    public static final String NOTIFY_PES_PLACEMENT_FAILED = "NotifyPesPlacementFailed";
    public static final String PLACEMENT_FAILED = "PlacementFailed";
    public static final String NOTIFY_SA_STABLE_EMPLOYMENT = "NotifySaStableEmployment";
    public static final String NOTIFY_PES_STABLE_EMPLOYMENT = "NotifyPesStableEmployment";
    public static final String STABLE_EMPLOYMENT = "StableEmployment";
    /** Event sub-process (non-interrupting): PES changed the terms of the job. */
    public static final String TERMS_CHANGED = "TermsChanged";
    public static final String TERMS_CHANGE_REPORTED = "TermsChangeReported";
    public static final String CHECK_NEW_TERMS = "CheckNewTerms";
    public static final String VERIFIED_YET_GATEWAY = "VerifiedYetGateway";
    /** Raises {@link #ESCALATION_PLACEMENT_VERIFIED} again, so a caller adjusts the benefit on the new terms. */
    public static final String ESCALATE_TERMS_CHANGED = "EscalateTermsChanged";
    public static final String TERMS_NOTICE_MERGE = "TermsNoticeMerge";
    public static final String NOTIFY_SA_TERMS_CHANGED = "NotifySaTermsChanged";
    public static final String TERMS_CHANGE_HANDLED = "TermsChangeHandled";

    // ---- external-task topics ----------------------------------------------------------------------
    public static final String TOPIC_LIST_VACANCIES = "pes.list-vacancies";
    public static final String TOPIC_PROPOSE_CANDIDATE = "employer.propose-candidate";
    public static final String TOPIC_WITHDRAW_PROPOSAL = "employer.withdraw-proposal";
    public static final String TOPIC_VERIFY_EMPLOYMENT = "tax.verify-employment";
    public static final String TOPIC_SA_NOTIFY_OUTCOME = "sa.notify-outcome";
    public static final String TOPIC_PES_NOTIFY_OUTCOME = "pes.notify-outcome";

    /** Extension property on every service task: back-off schedule the generic worker uses between retries. */
    public static final String PROPERTY_RETRY_BACKOFF = "retryBackoff";
    /** Extension property on every service task: the agreement purpose its data moves for (data-sharing gate). */
    public static final String PROPERTY_PURPOSE = "purpose";
    /**
     * The purpose of every exchange of this process (employer, tax / social insurance, SA, PES): the
     * placement is part of the person's activation.
     */
    public static final String PURPOSE_EMPLOYMENT_ACTIVATION = "EMPLOYMENT_ACTIVATION";

    // ---- messages (agency events, correlated by business key) and BPMN errors ----------------------
    /**
     * From the employer; sets {@link #VAR_EMPLOYER_ACCEPTED}, optionally {@link #VAR_EMPLOYER_DECISION_REASON}
     * and the terms actually offered under the same names as the vacancy's.
     */
    public static final String MESSAGE_EMPLOYER_DECIDED = "EmployerDecided";
    /**
     * PES reports (POST /job-placements) a job it found for a person whose referral's placement search
     * waits at {@link #MATCH_VACANCY}: correlated to that instance (business key = the referral's
     * reference_id), it ends the matching and starts the verification. Sets {@link #VAR_EMPLOYER_ID},
     * {@link #VAR_JOB_TITLE}, {@link #VAR_START_DATE}, {@link #VAR_MONTHLY_WAGE}, {@link #VAR_CONTRACT_TYPE},
     * and {@link #VAR_HOURS_PER_WEEK}, {@link #VAR_CONTRACT_MONTHS}, {@link #VAR_VACANCY_ID}, null when PES
     * did not say; never the referral's own ids.
     */
    public static final String MESSAGE_PLACEMENT_ATTACHED = "PlacementAttached";
    /**
     * PES changed the job's terms (PUT /job-placements/{placement_id}); sets any of
     * {@link #VAR_HOURS_PER_WEEK}, {@link #VAR_MONTHLY_WAGE}, {@link #VAR_CONTRACT_TYPE},
     * {@link #VAR_CONTRACT_MONTHS}. Taken at any time while the instance runs (event sub-process).
     */
    public static final String MESSAGE_PLACEMENT_TERMS_CHANGED = "PlacementTermsChanged";
    /** From the employer (contract name): the person has started work. */
    public static final String MESSAGE_PLACEMENT_REPORTED = "PlacementReported";
    /** From the employer or PES (contract name); optionally sets {@link #VAR_EMPLOYMENT_END_DATE}, {@link #VAR_EMPLOYMENT_END_REASON}. */
    public static final String MESSAGE_EMPLOYMENT_ENDED = "EmploymentEnded";
    /** Thrown by a retention checkpoint that finds no insured employment on record. */
    public static final String ERROR_EMPLOYMENT_NOT_ON_RECORD = "EMPLOYMENT_NOT_ON_RECORD";
    /**
     * Escalation code thrown once the placement is verified, before the retention checkpoints: a caller
     * catches it with a non-interrupting boundary event on its call activity (referral-to-pes adjusts the
     * benefit then) and reads the terms through its output mappings, which the engine applies when the
     * escalation leaves this instance. Nobody catching it changes nothing here.
     */
    public static final String ESCALATION_PLACEMENT_VERIFIED = "PLACEMENT_VERIFIED";

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
     * True when PES made the placement itself and reports it ({@link PesReportedPlacement}): the caller passes
     * the job's employer and terms too, and the instance starts at the verification. Absent or false: matching.
     */
    public static final String VAR_PLACEMENT_MADE_BY_PES = "placementMadeByPes";
    /** The person's monthly income before the placement (same currency as wages), or absent when unknown. */
    public static final String VAR_PREVIOUS_MONTHLY_INCOME = "previousMonthlyIncome";

    // ---- process variables: set by ListVacancies, the open vacancies at PES -------------------------
    /** JSON list of {@code {label, value}}, value a vacancy id: the options of the vacancy select. */
    public static final String VAR_VACANCY_OPTIONS = "vacancyOptions";
    /** JSON object: by vacancy id, its employerId, employerName, jobTitle and terms. */
    public static final String VAR_VACANCY_CATALOGUE = "vacancyCatalogue";

    // ---- process variables: set by the form of MatchVacancy (vacancyId, startDate) and its output
    // mapping (the employer and terms of the chosen vacancy); terms may be replaced by EmployerDecided ---
    public static final String VAR_NO_SUITABLE_VACANCY = "noSuitableVacancy";
    public static final String VAR_EMPLOYER_ID = "employerId";
    public static final String VAR_EMPLOYER_NAME = "employerName";
    public static final String VAR_VACANCY_ID = "vacancyId";
    public static final String VAR_JOB_TITLE = "jobTitle";
    public static final String VAR_HOURS_PER_WEEK = "hoursPerWeek";
    public static final String VAR_MONTHLY_WAGE = "monthlyWage";
    /** One of the CONTRACT_* codes. */
    public static final String VAR_CONTRACT_TYPE = "contractType";
    public static final String VAR_CONTRACT_MONTHS = "contractMonths";
    /** ISO-8601 date string, e.g. {@code 2025-04-01}. */
    public static final String VAR_START_DATE = "startDate";
    public static final String VAR_MATCHING_NOTES = "matchingNotes";

    public static final String CONTRACT_PERMANENT = "PERMANENT";
    public static final String CONTRACT_FIXED_TERM = "FIXED_TERM";
    public static final String CONTRACT_PROBATIONARY = "PROBATIONARY";
    public static final String CONTRACT_CASUAL = "CASUAL";
    public static final String CONTRACT_SEASONAL = "SEASONAL";
    public static final String CONTRACT_APPRENTICESHIP = "APPRENTICESHIP";

    // ---- process variables: employer decision, suitability, verification ---------------------------
    public static final String VAR_EMPLOYER_ACCEPTED = "employerAccepted";
    public static final String VAR_EMPLOYER_DECISION_REASON = "employerDecisionReason";
    /** Input of CheckSuitability, from {@link JobPlacementSettings#getMinimumMonthlyWage()}. */
    public static final String VAR_MINIMUM_MONTHLY_WAGE = "minimumMonthlyWage";
    /** Output of the DMN placement-suitability: {@link #SUITABILITY_SUITABLE} or a reason code. */
    public static final String VAR_PLACEMENT_SUITABILITY = "placementSuitability";
    /** Why the counsellor is matching again: {@link #FEEDBACK_EMPLOYER_DECLINED}, {@link #FEEDBACK_EMPLOYER_NO_ANSWER} or a suitability code. */
    public static final String VAR_MATCHING_FEEDBACK = "matchingFeedback";
    /** Set by the tax.verify-employment worker. */
    public static final String VAR_INSURED_EMPLOYMENT_FOUND = "insuredEmploymentFound";
    /** When the placement was verified (Date), set by the event PlacementVerified; absent when it never was. */
    public static final String VAR_PLACEMENT_VERIFIED_AT = "placementVerifiedAt";
    /** Element variable of the retention checkpoints: days after the start date. */
    public static final String VAR_CHECKPOINT_DAY = "checkpointDay";
    public static final String VAR_EMPLOYMENT_END_DATE = "employmentEndDate";
    public static final String VAR_EMPLOYMENT_END_REASON = "employmentEndReason";
    /** {@link #REASON_NOT_VERIFIED_IN_TIME} or {@link #ERROR_EMPLOYMENT_NOT_ON_RECORD}. */
    public static final String VAR_PLACEMENT_FAILURE_REASON = "placementFailureReason";

    public static final String SUITABILITY_SUITABLE = "SUITABLE";
    public static final String SUITABILITY_HOURS_BELOW_MINIMUM = "HOURS_BELOW_MINIMUM";
    public static final String SUITABILITY_CONTRACT_TYPE_NOT_SUITABLE = "CONTRACT_TYPE_NOT_SUITABLE";
    public static final String SUITABILITY_CONTRACT_TOO_SHORT = "CONTRACT_TOO_SHORT";
    public static final String SUITABILITY_WAGE_TOO_LOW = "WAGE_TOO_LOW";

    public static final String FEEDBACK_EMPLOYER_DECLINED = "EMPLOYER_DECLINED";
    public static final String FEEDBACK_EMPLOYER_NO_ANSWER = "EMPLOYER_NO_ANSWER";

    // ---- result for the caller ---------------------------------------------------------------------
    /** One of {@link #OUTCOME_STABLE_EMPLOYMENT}, {@link #OUTCOME_PLACEMENT_FAILED}, {@link #OUTCOME_RE_ENGAGEMENT}, {@link #OUTCOME_NO_PLACEMENT}. */
    public static final String VAR_PLACEMENT_OUTCOME = "placementOutcome";

    // ---- local inputs of the service tasks (the payload the worker sends) ---------------------------
    public static final String INPUT_OUTCOME = "outcome";
    public static final String INPUT_REASON = "reason";
    /** tax.verify-employment: the ISO date the record must show insured employment on. */
    public static final String INPUT_CHECK_DATE = "checkDate";

    /** Outcomes of the process (also sent to SA, and to PES where it acts on them). */
    public static final String OUTCOME_STABLE_EMPLOYMENT = "STABLE_EMPLOYMENT";
    public static final String OUTCOME_PLACEMENT_FAILED = "PLACEMENT_FAILED";
    public static final String OUTCOME_RE_ENGAGEMENT = "RE_ENGAGEMENT";
    public static final String OUTCOME_NO_PLACEMENT = "NO_PLACEMENT";
    /** Notices on the way, not outcomes of the process. */
    public static final String OUTCOME_PLACEMENT_VERIFIED = "PLACEMENT_VERIFIED";
    public static final String OUTCOME_RETENTION_CONFIRMED = "RETENTION_CONFIRMED";
    public static final String OUTCOME_EMPLOYMENT_ENDED = "EMPLOYMENT_ENDED";
    public static final String OUTCOME_TERMS_CHANGED = "TERMS_CHANGED";

    public static final String REASON_NO_SUITABLE_VACANCY = "NO_SUITABLE_VACANCY";
    public static final String REASON_NOT_VERIFIED_IN_TIME = "NOT_VERIFIED_IN_TIME";
    public static final String REASON_INSURED_EMPLOYMENT_ON_RECORD = "INSURED_EMPLOYMENT_ON_RECORD";
    public static final String REASON_ALL_CHECKPOINTS_PASSED = "ALL_CHECKPOINTS_PASSED";

    private JobPlacement() {
    }
}
