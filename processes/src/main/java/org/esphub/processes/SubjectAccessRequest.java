package org.esphub.processes;

/**
 * Names fixed by {@code processes/subject-access-request.bpmn} and its form (DG.EMPL.05, right of
 * access): an agency asks, on the person's behalf or for the person's legal representative, for all
 * the data the hub holds about the person; the hub compiles the export when the request arrives, a
 * data-protection officer reviews it before it is released, and the requesting agency is told the
 * outcome through the data-sharing gate. The agency then fetches the released export from the API.
 *
 * <p>Contract with the starter: business key = the request id ({@link #VAR_REFERENCE_ID}); the variables below up to
 * {@link #VAR_EXPORT_SUMMARY}, all set ({@link #VAR_REPRESENTATION_KIND} and
 * {@link #VAR_REPRESENTATION_REFERENCE} null unless a representative asked).
 */
public final class SubjectAccessRequest {

    public static final String PROCESS_KEY = "subject-access-request";
    public static final String BPMN_RESOURCE = "processes/subject-access-request.bpmn";
    public static final String FORM_REVIEW_EXPORT = "subject-access-review";
    public static final String FORM_REVIEW_EXPORT_RESOURCE = "forms/subject-access-review.form";

    /** The purpose of every exchange of a data subject's rights (agreement data-subject-rights). */
    public static final String PURPOSE_DATA_SUBJECT_RIGHTS = "DATA_SUBJECT_RIGHTS";
    /** The candidate group of the review: the hub operator's data-protection officers. */
    public static final String GROUP_DATA_PROTECTION_OFFICERS = "data-protection-officers";

    // ---- flow nodes ------------------------------------------------------------------------------
    public static final String REQUEST_RECEIVED = "AccessRequestReceived";
    public static final String REVIEW_EXPORT = "ReviewExport";
    public static final String DEADLINE_NEAR = "DeadlineNear";
    public static final String REVIEW_EXPORT_URGENTLY = "ReviewExportUrgently";
    public static final String NOTIFY_SA = "NotifySaOfAnswer";
    public static final String NOTIFY_PES = "NotifyPesOfAnswer";
    public static final String AGENCY_TOLD = "AgencyTold";
    public static final String EXPORT_RELEASED = "ExportReleased";
    public static final String REQUEST_REFUSED = "RequestRefused";

    // ---- process variables: supplied by the starter ------------------------------------------------
    /** The request's id, which the hub gives it: also the business key and the notices' reference_id. */
    public static final String VAR_REFERENCE_ID = "referenceId";
    public static final String VAR_PERSON_ID = "personId";
    public static final String VAR_GIVEN_NAME = "givenName";
    public static final String VAR_FAMILY_NAME = "familyName";
    public static final String VAR_CORRELATION_ID = "correlationId";
    /** The sender_id of the agency that asked and is answered. */
    public static final String VAR_REQUESTER_ID = "requesterId";
    /** {@link AgencyKind#SA} or {@link AgencyKind#PES}: which agency's notice route answers it. */
    public static final String VAR_REQUESTER_KIND = "requesterKind";
    /** {@link #ON_BEHALF_OF_PERSON} or {@link #ON_BEHALF_OF_REPRESENTATIVE}. */
    public static final String VAR_ON_BEHALF_OF = "onBehalfOf";
    /** The proof of representation the agency holds, e.g. {@code power_of_attorney}, {@code court_order}. */
    public static final String VAR_REPRESENTATION_KIND = "representationKind";
    public static final String VAR_REPRESENTATION_REFERENCE = "representationReference";
    /** When the answer is due (ISO-8601 instant): received + the configured answer period. */
    public static final String VAR_DUE_AT = "dueAt";
    /** When an unreviewed export is escalated (ISO-8601 instant), some days before {@link #VAR_DUE_AT}. */
    public static final String VAR_ESCALATE_AT = "escalateAt";
    /** What the export holds, one line per section, for the reviewer. */
    public static final String VAR_EXPORT_SUMMARY = "exportSummary";

    // ---- process variables: set by the form ----------------------------------------------------------
    /** {@link #DECISION_RELEASE} or {@link #DECISION_REFUSE}. */
    public static final String VAR_RELEASE_DECISION = "releaseDecision";
    public static final String VAR_REVIEW_NOTES = "reviewNotes";

    public static final String ON_BEHALF_OF_PERSON = "PERSON";
    public static final String ON_BEHALF_OF_REPRESENTATIVE = "LEGAL_REPRESENTATIVE";
    public static final String DECISION_RELEASE = "RELEASE";
    /** E.g. the representation could not be confirmed; the notes say why and reach the agency. */
    public static final String DECISION_REFUSE = "REFUSE";

    // ---- outcomes told to the requesting agency (notify-outcome) -----------------------------------
    public static final String OUTCOME_EXPORT_RELEASED = "ACCESS_EXPORT_RELEASED";
    public static final String OUTCOME_REQUEST_REFUSED = "ACCESS_REQUEST_REFUSED";

    private SubjectAccessRequest() {
    }
}
