package org.esphub.processes;

/**
 * Names fixed by {@code processes/rectification.bpmn} and its form (DG.EMPL.05, right to rectification):
 * an agency asks, on the person's behalf, that one field of the person's data be corrected. The agency
 * that is the field's source checks it: its caseworkers confirm the corrected value or refuse saying why.
 * Corrected, every agency that received the old value, and each employer that did (a candidate's name), is
 * told the new one through the gate; refused, the requesting agency is told the reason. A check still open
 * shortly before it is due becomes urgent.
 *
 * <p>Contract with the starter: business key = the rectification's id ({@link #VAR_REFERENCE_ID}); the
 * variables below up to {@link #VAR_ESCALATE_AT}, all set. The bean {@link RectificationRecord#BEAN} records
 * the decision as the flow leaving the check is taken and, for a correction, names who is told.
 */
public final class Rectification {

    public static final String PROCESS_KEY = "rectification";
    public static final String BPMN_RESOURCE = "processes/rectification.bpmn";
    public static final String FORM_CHECK = "rectification-check";
    public static final String FORM_CHECK_RESOURCE = "forms/rectification-check.form";

    // ---- flow nodes ------------------------------------------------------------------------------
    public static final String REQUEST_RECEIVED = "RectificationRequested";
    public static final String CHECK_FIELD = "CheckAndCorrect";
    public static final String DEADLINE_NEAR = "CheckDeadlineNear";
    public static final String CHECK_FIELD_URGENTLY = "CheckAndCorrectUrgently";
    public static final String NOTIFY_SA_OF_CORRECTION = "NotifySaOfCorrection";
    public static final String NOTIFY_PES_OF_CORRECTION = "NotifyPesOfCorrection";
    /** Multi-instance, one notice per employer in {@link #VAR_EMPLOYER_RECEIVERS}. */
    public static final String NOTIFY_EMPLOYERS_OF_CORRECTION = "NotifyEmployersOfCorrection";
    public static final String NOTIFY_SA_OF_REFUSAL = "NotifySaOfRefusal";
    public static final String NOTIFY_PES_OF_REFUSAL = "NotifyPesOfRefusal";
    public static final String CORRECTED = "DataCorrected";
    public static final String REFUSED = "RectificationRefused";

    // ---- process variables: supplied by the starter ------------------------------------------------
    /** The rectification's id, which the hub gives it: also the business key and the notices' reference_id. */
    public static final String VAR_REFERENCE_ID = "referenceId";
    public static final String VAR_PERSON_ID = "personId";
    public static final String VAR_GIVEN_NAME = "givenName";
    public static final String VAR_FAMILY_NAME = "familyName";
    public static final String VAR_CORRELATION_ID = "correlationId";
    /** The field to correct, as the agreements name it (e.g. {@code birth_date}). */
    public static final String VAR_FIELD = "field";
    /** The sender_id of the agency the field comes from, whose caseworkers check it. */
    public static final String VAR_SOURCE_AGENCY = "sourceAgency";
    /** The candidate group of the check: the source agency's caseworkers. */
    public static final String VAR_SOURCE_GROUP = "sourceGroup";
    /** The value the person says is correct. */
    public static final String VAR_CLAIMED_VALUE = "claimedValue";
    /** The person's statement, as the requesting agency took it. */
    public static final String VAR_STATEMENT = "statement";
    /** The sender_id of the agency that asked and is told a refusal. */
    public static final String VAR_REQUESTER_ID = "requesterId";
    /** {@link AgencyKind#SA} or {@link AgencyKind#PES}: which agency's notice route answers a refusal. */
    public static final String VAR_REQUESTER_KIND = "requesterKind";
    /** When the check is due (ISO-8601 instant). */
    public static final String VAR_DUE_AT = "dueAt";
    /** When an unchecked request becomes urgent (ISO-8601 instant), some days before {@link #VAR_DUE_AT}. */
    public static final String VAR_ESCALATE_AT = "escalateAt";

    // ---- process variables: set by the form and the model ---------------------------------------------
    /** {@link #DECISION_CORRECT} or {@link #DECISION_REFUSE}. */
    public static final String VAR_DECISION = "rectificationDecision";
    /** The value the source agency confirms: the one every receiver of the old value is told. */
    public static final String VAR_CORRECTED_VALUE = "correctedValue";
    public static final String VAR_REFUSAL_REASON = "refusalReason";
    /** Who completed the check (set when it completes). */
    public static final String VAR_CHECKED_BY = "checkedBy";
    /** The field's version once corrected: one more than its last correction for this person (from {@link RectificationRecord}). */
    public static final String VAR_VERSION = "version";
    /** The kinds of agency ({@link AgencyKind} names) that received the old value, from {@link RectificationRecord}. */
    public static final String VAR_RECEIVER_KINDS = "receiverKinds";
    /**
     * The employers (their {@code employer_id}s, each once) that received the old value, as the audit log
     * recorded the partner of each release to {@code employers}; from {@link RectificationRecord}. May be empty.
     */
    public static final String VAR_EMPLOYER_RECEIVERS = "employerReceivers";
    /** The element variable of {@link #NOTIFY_EMPLOYERS_OF_CORRECTION}: the employer one notice goes to. */
    public static final String VAR_EMPLOYER_ID = JobPlacement.VAR_EMPLOYER_ID;

    // ---- topics -----------------------------------------------------------------------------------------
    /** To one employer, through the employers' gateway: the field, its new value, version and effective date. */
    public static final String TOPIC_NOTIFY_EMPLOYER = "employer.notify-rectification";

    public static final String DECISION_CORRECT = "CORRECT";
    public static final String DECISION_REFUSE = "REFUSE";

    // ---- outcomes in the notices (notify-outcome) ----------------------------------------------------
    /** To each receiver of the old value: the field, its new value, version and effective date. */
    public static final String OUTCOME_DATA_RECTIFIED = "PERSON_DATA_RECTIFIED";
    /** To the requesting agency: the source agency refused, the reason says why. */
    public static final String OUTCOME_RECTIFICATION_REFUSED = "RECTIFICATION_REFUSED";

    private Rectification() {
    }
}
