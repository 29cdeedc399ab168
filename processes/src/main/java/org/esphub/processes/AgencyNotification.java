package org.esphub.processes;

/**
 * Names fixed by {@code processes/agency-notification.bpmn} and its form: a notification an agency
 * sent about a case (POST /notifications) that no process waits for becomes a task for the
 * caseworkers who own the case, who read it and record what they did.
 *
 * <p>Contract with the starter: business key = the case's reference_id; the variables below up to
 * {@link #VAR_NOTIFICATION_DATA}, all set. The bean {@code workingCalendar} must be resolvable.
 */
public final class AgencyNotification {

    public static final String PROCESS_KEY = "agency-notification";
    public static final String BPMN_RESOURCE = "processes/agency-notification.bpmn";
    public static final String FORM_READ_NOTIFICATION = "agency-notification";
    public static final String FORM_READ_NOTIFICATION_RESOURCE = "forms/agency-notification.form";

    // ---- flow nodes ------------------------------------------------------------------------------
    public static final String NOTIFICATION_RECEIVED = "NotificationReceived";
    public static final String READ_NOTIFICATION = "ReadNotification";
    public static final String NOTIFICATION_READ = "NotificationRead";

    // ---- process variables: supplied by the starter ------------------------------------------------
    public static final String VAR_REFERENCE_ID = "referenceId";
    public static final String VAR_PERSON_ID = "personId";
    public static final String VAR_GIVEN_NAME = "givenName";
    public static final String VAR_FAMILY_NAME = "familyName";
    public static final String VAR_CORRELATION_ID = "correlationId";
    /** The candidate group of the task: the caseworkers of the agency that owns the case. */
    public static final String VAR_CASEWORKER_GROUP = "caseworkerGroup";
    /** The sender_id of the agency that sent the notification. */
    public static final String VAR_SENDER_ID = "senderId";
    public static final String VAR_NOTIFICATION_TYPE = "notificationType";
    /** {@code low}, {@code normal}, {@code high} or {@code urgent}, as the sender gave it. */
    public static final String VAR_NOTIFICATION_PRIORITY = "notificationPriority";
    /** The notification's data as the sender wrote it, pretty-printed JSON text for the form. */
    public static final String VAR_NOTIFICATION_DATA = "notificationData";

    // ---- process variables: set by the form ----------------------------------------------------------
    /** What the caseworker did about it: {@link #ACTION_NOTED}, {@link #ACTION_CASE_UPDATED} or {@link #ACTION_AGENCY_CONTACTED}. */
    public static final String VAR_ACTION_TAKEN = "actionTaken";
    public static final String VAR_READ_NOTES = "readNotes";

    public static final String ACTION_NOTED = "NOTED";
    public static final String ACTION_CASE_UPDATED = "CASE_UPDATED";
    public static final String ACTION_AGENCY_CONTACTED = "AGENCY_CONTACTED";

    private AgencyNotification() {
    }
}
