package org.esphub.processes;

import java.util.List;

/**
 * Names fixed by {@code processes/integrated-case.bpmn} and its forms: one shared case per person across
 * SA, PES and their partners (UC5). The hub opens it when the first process about a person starts
 * (a referral, a youth or return-to-work referral, a subsidy, ...) or a caseworker of either agency opens
 * it from Tasklist; the two agencies agree a joint plan in turn (PES proposes, SA agrees or sends it
 * back), each agreed version is kept; each agency's action becomes a task in its own inbox with a due
 * date and a supervisor's follow-up when it is late; a case conference is held on schedule or when
 * either side asks; the case closes when the last process about the person ends, or when both agencies
 * agree at a conference to close it.
 *
 * <p>Element ids, messages, forms and variable names live here once; the hub and the tests refer to them
 * only through this class. Changing a value means changing the model in the same commit.
 */
public final class IntegratedCase {

    // ---- process and forms ------------------------------------------------------------------------
    public static final String PROCESS_KEY = "integrated-case";
    public static final String BPMN_RESOURCE = "processes/integrated-case.bpmn";
    /** Either agency's caseworker opens a case from Tasklist. */
    public static final String FORM_OPENING = "integrated-case-opening";
    public static final String FORM_OPENING_RESOURCE = "forms/integrated-case-opening.form";
    /** PES proposes the joint plan (and its own case notes, which SA never sees). */
    public static final String FORM_PLAN_PES = "integrated-case-plan-pes";
    public static final String FORM_PLAN_PES_RESOURCE = "forms/integrated-case-plan-pes.form";
    /** SA agrees to the plan PES proposed or sends it back. */
    public static final String FORM_PLAN_SA = "integrated-case-plan-sa";
    public static final String FORM_PLAN_SA_RESOURCE = "forms/integrated-case-plan-sa.form";
    /** An agency's action of the plan, done. */
    public static final String FORM_ACTION = "integrated-case-action";
    public static final String FORM_ACTION_RESOURCE = "forms/integrated-case-action.form";
    /** A supervisor follows up an action past its due date. */
    public static final String FORM_OVERDUE_ACTION = "integrated-case-overdue-action";
    public static final String FORM_OVERDUE_ACTION_RESOURCE = "forms/integrated-case-overdue-action.form";
    /** Each agency records the conference's outcome and whether it agrees to close the case. */
    public static final String FORM_CONFERENCE = "integrated-case-conference";
    public static final String FORM_CONFERENCE_RESOURCE = "forms/integrated-case-conference.form";
    public static final List<String> RESOURCES = List.of(BPMN_RESOURCE, FORM_OPENING_RESOURCE,
            FORM_PLAN_PES_RESOURCE, FORM_PLAN_SA_RESOURCE, FORM_ACTION_RESOURCE, FORM_OVERDUE_ACTION_RESOURCE,
            FORM_CONFERENCE_RESOURCE);

    // ---- flow nodes, in diagram order --------------------------------------------------------------
    /** Message start {@link #MESSAGE_OPENED}: the hub opens the case for the first process about the person. */
    public static final String OPENED_BY_THE_HUB = "CaseOpenedByTheHub";
    /** None start with the form {@link #FORM_OPENING}: a caseworker of SA or PES opens the case. */
    public static final String OPENED_BY_A_CASEWORKER = "CaseOpenedByCaseworker";
    public static final String OPENING_MERGE = "OpeningMerge";
    /** Sub-process: the open case; it ends at {@link #CLOSURE_AGREED_AT_CONFERENCE} or through {@link #LINKED_PROCESSES_ENDED}. */
    public static final String CASE = "Case";
    public static final String CASE_STARTED = "CaseStarted";
    public static final String CASE_WORK_SPLIT = "CaseWorkSplit";
    public static final String PLAN_MERGE = "PlanMerge";
    /** PES proposes the (next version of the) joint plan. */
    public static final String PROPOSE_PLAN = "ProposePlan";
    /** SA agrees to the proposal or sends it back. */
    public static final String AGREE_PLAN = "AgreePlan";
    public static final String PLAN_DECISION_GATEWAY = "PlanDecisionGateway";
    /** The agreed version: the hub keeps it (version number, both agencies' caseworkers, when). */
    public static final String PLAN_AGREED = "PlanAgreed";
    public static final String ACTIONS_SPLIT = "ActionsSplit";
    public static final String SA_ACTION = "SaAction";
    /** Non-interrupting timer on {@link #SA_ACTION} at its due date. */
    public static final String SA_ACTION_OVERDUE = "SaActionOverdue";
    public static final String FOLLOW_UP_SA_ACTION = "FollowUpSaAction";
    public static final String SA_ACTION_FOLLOWED_UP = "SaActionFollowedUp";
    public static final String PES_ACTION = "PesAction";
    /** Non-interrupting timer on {@link #PES_ACTION} at its due date. */
    public static final String PES_ACTION_OVERDUE = "PesActionOverdue";
    public static final String FOLLOW_UP_PES_ACTION = "FollowUpPesAction";
    public static final String PES_ACTION_FOLLOWED_UP = "PesActionFollowedUp";
    public static final String ACTIONS_JOIN = "ActionsJoin";
    public static final String CONFERENCE_MERGE = "ConferenceMerge";
    /** Event-based gateway: the next conference comes on schedule or when either side asks. */
    public static final String CONFERENCE_WAIT = "ConferenceWait";
    /** Timer: {@link #CONFERENCE_INTERVAL} after the last conference (or the opening). */
    public static final String CONFERENCE_DUE = "ConferenceDue";
    /** Message catch {@link #MESSAGE_CONFERENCE_REQUESTED}. */
    public static final String CONFERENCE_REQUESTED = "ConferenceRequested";
    public static final String CONFERENCE_CALLED = "ConferenceCalled";
    public static final String CONFERENCE_SPLIT = "ConferenceSplit";
    public static final String SA_CONFERENCE = "SaAttendsConference";
    public static final String PES_CONFERENCE = "PesAttendsConference";
    public static final String CONFERENCE_JOIN = "ConferenceJoin";
    public static final String CLOSURE_GATEWAY = "ClosureGateway";
    /** Terminate end (of {@link #CASE} only): both agencies agreed to close. */
    public static final String CLOSURE_AGREED_AT_CONFERENCE = "ClosureAgreedAtConference";
    public static final String CLOSED_BY_JOINT_DECISION = "CaseClosedByJointDecision";
    /** Interrupting message boundary on {@link #CASE}: {@link #MESSAGE_LINKED_PROCESSES_ENDED}. */
    public static final String LINKED_PROCESSES_ENDED = "LinkedProcessesEnded";
    public static final String CLOSED_WITH_THE_LAST_PROCESS = "CaseClosedWithTheLastProcess";

    // ---- messages (correlated by process instance id) -----------------------------------------------
    /** Starts the case for the person the first process about them names. */
    public static final String MESSAGE_OPENED = "IntegratedCaseOpened";
    /** Either side asks for a case conference (the case view's button). */
    public static final String MESSAGE_CONFERENCE_REQUESTED = "IntegratedCaseConferenceRequested";
    /** The hub saw the last process linked to the case end. */
    public static final String MESSAGE_LINKED_PROCESSES_ENDED = "IntegratedCaseLinkedProcessesEnded";
    /** Time between scheduled conferences (ISO-8601 duration in the model). */
    public static final String CONFERENCE_INTERVAL = "P28D";

    // ---- candidate groups ---------------------------------------------------------------------------
    public static final String GROUP_SA_CASEWORKERS = ActivationCompliance.GROUP_SA_CASEWORKERS;
    public static final String GROUP_PES_CASEWORKERS = ActivationCompliance.GROUP_PES_CASEWORKERS;
    public static final String GROUP_PES_SUPERVISORS = ReferralToPes.GROUP_PES_SUPERVISORS;
    /** SA's supervisors: an SA action of a joint plan past its due date. */
    public static final String GROUP_SA_SUPERVISORS = "sa-supervisors";

    // ---- process variables: whom the case is about ----------------------------------------------------
    /** The case's reference: {@code CASE-<personId>}, also its business key. */
    public static final String VAR_REFERENCE_ID = "referenceId";
    public static final String REFERENCE_PREFIX = "CASE-";
    public static final String VAR_PERSON_ID = "personId";
    public static final String VAR_CORRELATION_ID = "correlationId";
    public static final String VAR_GIVEN_NAME = "givenName";
    public static final String VAR_FAMILY_NAME = "familyName";
    /** Who opened the case: {@link #OPENED_BY_HUB} or the caseworker's user id. */
    public static final String VAR_OPENED_BY = "openedBy";
    public static final String OPENED_BY_HUB = "esp-hub";
    /** The first process the hub linked (its process key), for a case the hub opened. */
    public static final String VAR_OPENED_FOR = "openedFor";

    // ---- process variables: the joint plan (forms integrated-case-plan-pes, -sa) ----------------------
    public static final String VAR_PLAN_GOAL = "planGoal";
    public static final String VAR_SA_ACTION = "saAction";
    /** ISO date (YYYY-MM-DD): when SA's action is due; its task's due date and escalation. */
    public static final String VAR_SA_ACTION_DUE_DATE = "saActionDueDate";
    public static final String VAR_PES_ACTION = "pesAction";
    public static final String VAR_PES_ACTION_DUE_DATE = "pesActionDueDate";
    /** PES's own notes on the person (assessment details): PES-restricted, never shown to SA. */
    public static final String VAR_PES_CASE_NOTES = "pesCaseNotes";
    public static final String VAR_PLAN_PROPOSED_BY = "planProposedBy";
    /** {@link #PLAN_AGREE} or {@link #PLAN_CHANGES_REQUESTED}. */
    public static final String VAR_SA_PLAN_DECISION = "saPlanDecision";
    public static final String PLAN_AGREE = "AGREE";
    public static final String PLAN_CHANGES_REQUESTED = "CHANGES_REQUESTED";
    public static final String VAR_SA_PLAN_COMMENT = "saPlanComment";
    public static final String VAR_PLAN_AGREED_BY = "planAgreedBy";
    /** The number of the plan version in force (1, 2, ...); set by the hub when a version is agreed. */
    public static final String VAR_PLAN_VERSION = "planVersion";

    // ---- process variables: actions and follow-ups ------------------------------------------------------
    public static final String VAR_SA_ACTION_RESULT = "saActionResult";
    public static final String VAR_PES_ACTION_RESULT = "pesActionResult";
    public static final String VAR_FOLLOW_UP_NOTES = "followUpNotes";

    // ---- process variables: conferences -----------------------------------------------------------------
    /** Who asked for the conference (user id), or null for a scheduled one. */
    public static final String VAR_CONFERENCE_REQUESTED_BY = "conferenceRequestedBy";
    public static final String VAR_SA_CONFERENCE_OUTCOME = "saConferenceOutcome";
    public static final String VAR_PES_CONFERENCE_OUTCOME = "pesConferenceOutcome";
    public static final String VAR_SA_AGREES_TO_CLOSE = "saAgreesToClose";
    public static final String VAR_PES_AGREES_TO_CLOSE = "pesAgreesToClose";

    /**
     * The processes about a person that the case links (and that open it when none is open): every
     * lifecycle process that names the person with {@code personId}.
     */
    public static final List<String> LINKED_PROCESS_KEYS = List.of(ReferralToPes.PROCESS_KEY,
            TrainingEnrolment.PROCESS_KEY, JobPlacement.PROCESS_KEY, PesReportedPlacement.PROCESS_KEY,
            BenefitAdjustment.PROCESS_KEY, Appeal.PROCESS_KEY, ActivationCompliance.PROCESS_KEY,
            EmploymentSubsidy.PROCESS_KEY, YouthTransition.PROCESS_KEY, ReturnToWork.PROCESS_KEY,
            PesClientSaAccess.PROCESS_KEY);

    private IntegratedCase() {
    }
}
