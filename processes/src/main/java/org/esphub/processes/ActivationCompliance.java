package org.esphub.processes;

import java.util.List;

/**
 * Names fixed by {@code processes/activation-compliance.bpmn}, {@code processes/compliance-assessment.dmn}
 * and {@code processes/sanction-ladder.dmn}: monitoring a person's activation obligations (UC3,
 * PRS.EMPL.05), good cause first, a graduated ladder of sanctions each above a warning approved by an SA
 * caseworker, notice and appeal, and restoration.
 *
 * <p>Element ids, topics, messages, variable names and codes live here once; tests, the hub, the event
 * contracts and the simulators refer to them only through this class. Thresholds, ladder steps and
 * percentages live in the DMNs; periods and durations in {@link ActivationComplianceSettings}.
 */
public final class ActivationCompliance {

    // ---- process and models -------------------------------------------------------------------
    public static final String PROCESS_KEY = "activation-compliance";
    public static final String BPMN_RESOURCE = "processes/activation-compliance.bpmn";
    public static final String DECISION_ASSESSMENT = "compliance-assessment";
    public static final String DMN_ASSESSMENT_RESOURCE = "processes/compliance-assessment.dmn";
    public static final String DECISION_LADDER = "sanction-ladder";
    public static final String DMN_LADDER_RESOURCE = "processes/sanction-ladder.dmn";
    public static final String FORM_GOOD_CAUSE = "compliance-good-cause";
    public static final String FORM_GOOD_CAUSE_RESOURCE = "forms/compliance-good-cause.form";
    public static final String FORM_SANCTION_APPROVAL = "compliance-sanction-approval";
    public static final String FORM_SANCTION_APPROVAL_RESOURCE = "forms/compliance-sanction-approval.form";
    public static final String FORM_SUPPORT_FOLLOW_UP = "compliance-support-follow-up";
    public static final String FORM_SUPPORT_FOLLOW_UP_RESOURCE = "forms/compliance-support-follow-up.form";
    /** Bean holding the periods and durations, resolved by name in the model. */
    public static final String SETTINGS_BEAN = "activationComplianceSettings";

    // ---- flow nodes, in diagram order --------------------------------------------------------------
    public static final String ACTIVATION_PLAN_AGREED = "ActivationPlanAgreed";
    public static final String MONITORING = "Monitoring";
    public static final String MONITORING_STARTED = "MonitoringStarted";
    public static final String AWAIT_MERGE = "AwaitMerge";
    public static final String CHECK_DUE_GATEWAY = "CheckDueGateway";
    public static final String AWAIT_GATEWAY = "AwaitGateway";
    public static final String CHECK_DUE = "CheckDue";
    public static final String MONITORING_PERIOD_ENDED = "MonitoringPeriodEnded";
    public static final String CHECK_MERGE = "CheckMerge";
    public static final String ASSESS_COMPLIANCE = "AssessCompliance";
    public static final String COMPLIANCE_GATEWAY = "ComplianceGateway";
    public static final String EPISODE_FORK = "EpisodeFork";
    public static final String REQUEST_ENHANCED_SUPPORT = "RequestEnhancedSupport";
    public static final String FOLLOW_UP_SUPPORT = "FollowUpSupport";
    public static final String SUPPORT_FOLLOWED_UP = "SupportFollowedUp";
    public static final String ASK_FOR_REASONS = "AskForReasons";
    public static final String REASONS_GATEWAY = "ReasonsGateway";
    public static final String REASONS_GIVEN = "ReasonsGiven";
    public static final String REASONS_PERIOD_ENDED = "ReasonsPeriodEnded";
    public static final String REASONS_MERGE = "ReasonsMerge";
    public static final String RECORD_GOOD_CAUSE = "RecordGoodCause";
    public static final String GOOD_CAUSE_GATEWAY = "GoodCauseGateway";
    public static final String NOTIFY_GOOD_CAUSE = "NotifyGoodCause";
    public static final String PROPOSE_SANCTION = "ProposeSanction";
    public static final String WARNING_GATEWAY = "WarningGateway";
    public static final String NOTIFY_WARNING = "NotifyWarning";
    public static final String APPROVE_SANCTION = "ApproveSanction";
    public static final String APPROVAL_GATEWAY = "ApprovalGateway";
    public static final String NOTIFY_SANCTION_REJECTED = "NotifySanctionRejected";
    public static final String NOTIFY_SANCTION_DECIDED = "NotifySanctionDecided";
    public static final String APPEAL_WINDOW_GATEWAY = "AppealWindowGateway";
    public static final String APPEAL_WINDOW_CLOSED = "AppealWindowClosed";
    public static final String SANCTION_APPEALED = "SanctionAppealed";
    public static final String DECIDE_APPEAL = "DecideAppeal";
    public static final String APPEAL_OUTCOME_GATEWAY = "AppealOutcomeGateway";
    public static final String APPLY_MERGE = "ApplyMerge";
    public static final String APPLY_SANCTION = "ApplySanction";
    public static final String EXIT_GATEWAY = "ExitGateway";
    public static final String PROGRAMME_EXITED = "ProgrammeExited";
    public static final String SANCTION_FORK = "SanctionFork";
    public static final String SANCTION_RUNNING_GATEWAY = "SanctionRunningGateway";
    public static final String SANCTION_PERIOD_ENDED = "SanctionPeriodEnded";
    public static final String COMPLIANCE_RENEWED = "ComplianceRenewed";
    public static final String RESTORE_MERGE = "RestoreMerge";
    public static final String NOTIFY_SANCTION_ENDED = "NotifySanctionEnded";
    public static final String SANCTION_ENDED = "SanctionEnded";
    public static final String EPISODE_CLOSED_MERGE = "EpisodeClosedMerge";
    public static final String REFERRAL_ENDED = "ReferralEnded";
    public static final String SANCTION_RUNNING_AT_END_GATEWAY = "SanctionRunningAtEndGateway";
    public static final String NOTIFY_SANCTION_ENDED_WITH_REFERRAL = "NotifySanctionEndedWithReferral";
    public static final String MONITORING_ENDED = "MonitoringEnded";
    public static final String SANCTION_LIFTED_AT_END = "SanctionLiftedAtEnd";
    public static final String MONITORING_ENDED_AFTER_EXIT = "MonitoringEndedAfterExit";
    public static final String EVIDENCE_ARRIVES = "EvidenceArrives";
    public static final String EVIDENCE_RECEIVED = "EvidenceReceived";
    public static final String EVIDENCE_RECORDED = "EvidenceRecorded";
    public static final String REQUEST_ARRIVES = "RequestArrives";
    public static final String COMPLIANCE_REQUEST_RECEIVED = "ComplianceRequestReceived";
    public static final String COMPLIANCE_REQUEST_RECORDED = "ComplianceRequestRecorded";

    // ---- external-task topics and purpose ------------------------------------------------------------
    public static final String TOPIC_NOTIFY_SA = "sa.notify-outcome";
    public static final String TOPIC_NOTIFY_PES = "pes.notify-outcome";
    /** The purpose of every exchange of this process (agreement sa-pes-activation-compliance). */
    public static final String PURPOSE_ACTIVATION_COMPLIANCE = "ACTIVATION_COMPLIANCE";

    // ---- messages (correlated by business key: the referral's reference_id) ---------------------------
    /** Evidence about an obligation (agency event or API call); accepted at any time while monitoring. */
    public static final String MESSAGE_EVIDENCE = "ComplianceEvidence";
    /**
     * SA's compliance request (POST /compliance/monitor): the areas to monitor ({@link #VAR_COMPLIANCE_AREAS})
     * and, if asked, an assessment now ({@link #VAR_REQUESTED_ASSESSMENT}); accepted at any time while monitoring.
     */
    public static final String MESSAGE_COMPLIANCE_REQUESTED = "ComplianceRequested";
    /** SA passes on the reasons the person gave for not meeting an obligation. */
    public static final String MESSAGE_REASONS_GIVEN = "ComplianceReasonsGiven";
    /** SA reports that the person appealed a sanction; waited for only while the appeal window is open. */
    public static final String MESSAGE_SANCTION_APPEALED = "SanctionAppealed";
    /** PES reports that the person meets the obligations again: a running sanction ends early. */
    public static final String MESSAGE_COMPLIANCE_RENEWED = "ComplianceRenewed";
    /** The obligations ended: the referral ended, or the person was placed in a verified job. */
    public static final String MESSAGE_OBLIGATIONS_ENDED = "ActivationObligationsEnded";

    // ---- candidate groups --------------------------------------------------------------------------
    public static final String GROUP_PES_CASEWORKERS = "pes-caseworkers";
    public static final String GROUP_SA_CASEWORKERS = "sa-caseworkers";

    // ---- process variables: supplied by the starter -------------------------------------------------
    public static final String VAR_REFERENCE_ID = "referenceId";
    public static final String VAR_PERSON_ID = "personId";
    public static final String VAR_CORRELATION_ID = "correlationId";
    public static final String VAR_GIVEN_NAME = "givenName";
    public static final String VAR_FAMILY_NAME = "familyName";
    /** Optional obligation: job applications expected per monitoring period (default in the settings). */
    public static final String VAR_MINIMUM_APPLICATIONS = "minimumApplications";
    /** Optional obligation: whether income must be reported each period (default in the settings). */
    public static final String VAR_INCOME_REPORT_REQUIRED = "incomeReportRequired";

    // ---- process variables: SA's compliance requests (kept by engine.ComplianceLedger) --------------
    /** Variable of a ComplianceRequested message: the annex's compliance_areas, comma separated (AREA_*). */
    public static final String VAR_COMPLIANCE_AREAS = "complianceAreas";
    /** Variable of a ComplianceRequested message: the annex's requested_assessment, or null for none now. */
    public static final String VAR_REQUESTED_ASSESSMENT = "requestedAssessment";
    /** The areas SA asked to be monitored so far, comma separated, in the order first asked. */
    public static final String VAR_MONITORED_AREAS = "monitoredAreas";
    public static final String AREA_WORK_SEARCH = "WORK_SEARCH";
    public static final String AREA_PROGRAM_PARTICIPATION = "PROGRAM_PARTICIPATION";
    public static final String AREA_APPOINTMENT_ATTENDANCE = "APPOINTMENT_ATTENDANCE";
    public static final String AREA_JOB_ACCEPTANCE = "JOB_ACCEPTANCE";
    /** The annex's compliance areas, each judged by rules of compliance-assessment. */
    public static final List<String> AREAS = List.of(AREA_WORK_SEARCH, AREA_PROGRAM_PARTICIPATION,
            AREA_APPOINTMENT_ATTENDANCE, AREA_JOB_ACCEPTANCE);

    // ---- process variables: the evidence ledger (kept by engine.ComplianceLedger) ------------------
    /** Variable of a ComplianceEvidence message: one of the EVIDENCE_* codes. */
    public static final String VAR_EVIDENCE_TYPE = "evidenceType";
    public static final String EVIDENCE_APPOINTMENT_ATTENDED = "APPOINTMENT_ATTENDED";
    public static final String EVIDENCE_APPOINTMENT_MISSED_WITH_NOTICE = "APPOINTMENT_MISSED_WITH_NOTICE";
    public static final String EVIDENCE_APPOINTMENT_MISSED_WITHOUT_NOTICE = "APPOINTMENT_MISSED_WITHOUT_NOTICE";
    public static final String EVIDENCE_JOB_APPLICATION = "JOB_APPLICATION";
    public static final String EVIDENCE_INCOME_REPORTED = "INCOME_REPORTED";
    public static final String EVIDENCE_OFFER_REFUSED = "OFFER_REFUSED";
    public static final String EVIDENCE_TRAINING_ATTENDED = "TRAINING_ATTENDED";
    public static final String EVIDENCE_TRAINING_MISSED = "TRAINING_MISSED";
    public static final List<String> EVIDENCE_TYPES = List.of(EVIDENCE_APPOINTMENT_ATTENDED,
            EVIDENCE_APPOINTMENT_MISSED_WITH_NOTICE, EVIDENCE_APPOINTMENT_MISSED_WITHOUT_NOTICE,
            EVIDENCE_JOB_APPLICATION, EVIDENCE_INCOME_REPORTED, EVIDENCE_OFFER_REFUSED, EVIDENCE_TRAINING_ATTENDED,
            EVIDENCE_TRAINING_MISSED);

    /** Appointments missed without notice since the last episode closed. */
    public static final String VAR_MISSED_APPOINTMENTS = "missedAppointments";
    /** Suitable offers refused since the last episode closed. */
    public static final String VAR_REFUSED_OFFERS = "refusedOffers";
    /** Job applications in the current monitoring period. */
    public static final String VAR_APPLICATIONS_IN_PERIOD = "applicationsInPeriod";
    /** Training sessions missed in the current monitoring period. */
    public static final String VAR_TRAINING_ABSENCES = "trainingAbsences";
    /** Whether income was reported in the current monitoring period. */
    public static final String VAR_INCOME_REPORTED = "incomeReported";
    /** True when evidence calls for a check now (a missed appointment, a refused offer). */
    public static final String VAR_CHECK_DUE = "checkDue";
    /** Misses and refusals counted when the current episode opened; what closing it spends. */
    public static final String VAR_EPISODE_MISSED_AT_OPEN = "episodeMissedAtOpen";
    public static final String VAR_EPISODE_REFUSED_AT_OPEN = "episodeRefusedAtOpen";
    /** When the current monitoring period ends (Date): the periodic review's timer. */
    public static final String VAR_PERIOD_ENDS_AT = "periodEndsAt";
    /** {@link #CHECK_EVENT} or {@link #CHECK_PERIODIC}: which kind of check is being assessed. */
    public static final String VAR_CHECK_TYPE = "checkType";
    public static final String CHECK_EVENT = "EVENT";
    public static final String CHECK_PERIODIC = "PERIODIC";
    /** Steps that stood (warnings and applied sanctions), ISO instants separated by commas. */
    public static final String VAR_SANCTION_HISTORY = "sanctionHistory";
    /** Steps of the history within the rolling window (whole number), set before each decision. */
    public static final String VAR_PRIOR_STEPS_IN_WINDOW = "priorStepsInWindow";

    // ---- process variables: set by AssessCompliance (DMN compliance-assessment) ------------------
    public static final String VAR_ASSESSMENT_RESULT = "assessmentResult";
    public static final String VAR_NON_COMPLIANCE_REASON = "nonComplianceReason";
    public static final String VAR_ASSESSMENT_RULE_ID = "assessmentRuleId";
    public static final String VAR_ASSESSMENT_RULE_REASON = "assessmentRuleReason";
    public static final String RESULT_COMPLIANT = "COMPLIANT";
    public static final String RESULT_NON_COMPLIANT = "NON_COMPLIANT";
    public static final String REASON_OFFER_REFUSED = "OFFER_REFUSED";
    public static final String REASON_MISSED_APPOINTMENTS = "MISSED_APPOINTMENTS";
    public static final String REASON_INSUFFICIENT_JOB_SEARCH = "INSUFFICIENT_JOB_SEARCH";
    public static final String REASON_TRAINING_NON_ATTENDANCE = "TRAINING_NON_ATTENDANCE";
    public static final String REASON_INCOME_NOT_REPORTED = "INCOME_NOT_REPORTED";

    public static final String RULE_OFFER_REFUSED = "Rule_OfferRefused";
    public static final String RULE_REPEATED_MISSED_APPOINTMENTS = "Rule_RepeatedMissedAppointments";
    public static final String RULE_MISSED_APPOINTMENT_AFTER_STEP = "Rule_MissedAppointmentAfterStep";
    public static final String RULE_TOO_FEW_APPLICATIONS = "Rule_TooFewApplications";
    public static final String RULE_TRAINING_ABSENCES = "Rule_TrainingAbsences";
    public static final String RULE_INCOME_NOT_REPORTED = "Rule_IncomeNotReported";
    public static final String RULE_COMPLIANT = "Rule_Compliant";

    // ---- process variables: reasons and good cause ---------------------------------------------------
    /** When the person's time to give reasons ends (Date). */
    public static final String VAR_REASONS_DUE_AT = "reasonsDueAt";
    /** Set by the ComplianceReasonsGiven message: the reasons in the person's words. */
    public static final String VAR_STATED_REASONS = "statedReasons";
    /** Set by RecordGoodCause: {@link #GOOD_CAUSE_FOUND} or {@link #NO_GOOD_CAUSE}. */
    public static final String VAR_GOOD_CAUSE = "goodCause";
    public static final String GOOD_CAUSE_FOUND = "GOOD_CAUSE";
    public static final String NO_GOOD_CAUSE = "NO_GOOD_CAUSE";
    /** Set by RecordGoodCause when there was good cause: one of the GOOD_CAUSE_CATEGORY_* codes. */
    public static final String VAR_GOOD_CAUSE_CATEGORY = "goodCauseCategory";
    /** The PES caseworker's note; stays in the hub. */
    public static final String VAR_GOOD_CAUSE_NOTE = "goodCauseNote";
    public static final String VAR_GOOD_CAUSE_RECORDED_BY = "goodCauseRecordedBy";

    // ---- process variables: set by ProposeSanction (DMN sanction-ladder) ----------------------------
    /** A CD.EMPL.11 SanctionType code (SANCTION_*). */
    public static final String VAR_SANCTION_TYPE = "sanctionType";
    /** Benefit reduction in % of the benefit (whole number); 0 for a warning, 100 for a suspension. */
    public static final String VAR_REDUCTION_PERCENT = "reductionPercent";
    public static final String VAR_LADDER_RULE_ID = "ladderRuleId";
    public static final String VAR_LADDER_RULE_REASON = "ladderRuleReason";
    public static final String SANCTION_WARNING = "warning";
    public static final String SANCTION_BENEFIT_REDUCTION = "benefit_reduction";
    public static final String SANCTION_BENEFIT_SUSPENSION = "benefit_suspension";
    public static final String SANCTION_PROGRAM_EXIT = "program_exit";
    public static final String RULE_FIRST_STEP_WARNING = "Rule_FirstStepWarning";
    public static final String RULE_SECOND_STEP_REDUCTION = "Rule_SecondStepReduction";
    public static final String RULE_THIRD_STEP_SUSPENSION = "Rule_ThirdStepSuspension";
    public static final String RULE_FOURTH_STEP_EXIT = "Rule_FourthStepExit";

    // ---- process variables: set by ApproveSanction (form compliance-sanction-approval) ---------------
    /** One of the APPROVAL_* codes. */
    public static final String VAR_APPROVAL_DECISION = "sanctionApproval";
    public static final String APPROVAL_APPROVED = "APPROVED";
    public static final String APPROVAL_CHANGED = "CHANGED";
    public static final String APPROVAL_REJECTED = "REJECTED";
    /** Task-local inputs of the approval, starting as the proposal; taken over only when CHANGED. */
    public static final String VAR_CHANGED_SANCTION_TYPE = "changedSanctionType";
    public static final String VAR_CHANGED_REDUCTION_PERCENT = "changedReductionPercent";
    public static final String VAR_REJECTION_REASON = "sanctionRejectionReason";
    public static final String VAR_SANCTION_DECIDED_BY = "sanctionDecidedBy";
    public static final String VAR_SANCTION_DECIDED_AT = "sanctionDecidedAt";

    // ---- notice, appeal, application ------------------------------------------------------------------
    public static final String INPUT_APPEAL_DEADLINE = "appealDeadline";
    public static final String VAR_APPEAL_WINDOW_CLOSES_AT = "sanctionAppealWindowClosesAt";
    public static final String VAR_APPEAL_GROUNDS = "appealGrounds";
    /** The decision type the appeal's decision record carries for this process. */
    public static final String DECISION_TYPE = "ACTIVATION_SANCTION";
    /** When the applied sanction ends (Date); null for a programme exit. */
    public static final String VAR_SANCTION_ENDS_AT = "sanctionEndsAt";
    /** The type of the sanction running at SA, null when none runs. */
    public static final String VAR_ACTIVE_SANCTION_TYPE = "activeSanctionType";

    // ---- follow-up of enhanced support --------------------------------------------------------------
    public static final String VAR_SUPPORT_ARRANGED = "supportArranged";

    // ---- local inputs of the notices (sa.notify-outcome, pes.notify-outcome) ------------------------
    public static final String INPUT_OUTCOME = "outcome";
    public static final String INPUT_REASON = "reason";
    public static final String OUTCOME_ENHANCED_SUPPORT_REQUESTED = "ENHANCED_SUPPORT_REQUESTED";
    public static final String OUTCOME_REASONS_REQUESTED = "COMPLIANCE_REASONS_REQUESTED";
    public static final String OUTCOME_GOOD_CAUSE_ACCEPTED = "COMPLIANCE_GOOD_CAUSE_ACCEPTED";
    public static final String OUTCOME_WARNING = "COMPLIANCE_WARNING";
    public static final String OUTCOME_SANCTION_REJECTED = "SANCTION_REJECTED";
    public static final String OUTCOME_SANCTION_DECIDED = "SANCTION_DECIDED";
    public static final String OUTCOME_SANCTION_APPLIED = "SANCTION_APPLIED";
    public static final String OUTCOME_SANCTION_ENDED = "SANCTION_ENDED";

    private ActivationCompliance() {
    }
}
