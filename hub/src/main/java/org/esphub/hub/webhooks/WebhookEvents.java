package org.esphub.hub.webhooks;

import java.util.List;
import java.util.Map;
import org.esphub.processes.EmploymentSubsidy;

/** The event types of the DCI companion document's webhooks, as subscribers name them. */
public final class WebhookEvents {

    public static final String REFERRAL_CREATED = "referral_created";
    public static final String REFERRAL_UPDATED = "referral_updated";
    public static final String EMPLOYMENT_STATUS_CHANGED = "employment_status_changed";
    public static final String BENEFIT_ENROLLED = "benefit_enrolled";
    public static final String BENEFIT_COMPLETED = "benefit_completed";
    public static final String PLACEMENT_CREATED = "placement_created";
    public static final String PLACEMENT_UPDATED = "placement_updated";
    public static final String COMPLIANCE_ALERT = "compliance_alert";
    /**
     * Not in the companion's list, which has no event for its own POST /notifications: what became of a
     * notification (reached a process, became a task, refused), to the sender's subscriptions (ADR 0037).
     */
    public static final String NOTIFICATION_PROCESSED = "notification_processed";
    /**
     * Not in the companion's list either, which knows no wage subsidies: an employer's subsidy application was
     * taken in, and each later milestone of the subsidy (decision, payments, suspension, retention checks,
     * clawback, recovery), to the employer's subscriptions (ADR 0042).
     */
    public static final String SUBSIDY_CREATED = "subsidy_created";
    public static final String SUBSIDY_UPDATED = "subsidy_updated";

    /**
     * Why each event's data goes to the subscriber: the purpose the data-sharing gate checks the
     * delivery (exchange {@code webhook.<event>}) against. An event the hub raises needs one here.
     */
    public static final Map<String, String> PURPOSES = Map.ofEntries(
            Map.entry(REFERRAL_CREATED, "REFERRAL_STATUS_REPORTING"),
            Map.entry(REFERRAL_UPDATED, "REFERRAL_STATUS_REPORTING"),
            Map.entry(EMPLOYMENT_STATUS_CHANGED, "REFERRAL_STATUS_REPORTING"),
            Map.entry(BENEFIT_ENROLLED, "REFERRAL_STATUS_REPORTING"),
            Map.entry(BENEFIT_COMPLETED, "REFERRAL_STATUS_REPORTING"),
            Map.entry(PLACEMENT_CREATED, "REFERRAL_STATUS_REPORTING"),
            Map.entry(PLACEMENT_UPDATED, "REFERRAL_STATUS_REPORTING"),
            Map.entry(COMPLIANCE_ALERT, "REFERRAL_STATUS_REPORTING"),
            Map.entry(NOTIFICATION_PROCESSED, "CASE_NOTIFICATION"),
            Map.entry(SUBSIDY_CREATED, EmploymentSubsidy.PURPOSE_EMPLOYMENT_SUBSIDY),
            Map.entry(SUBSIDY_UPDATED, EmploymentSubsidy.PURPOSE_EMPLOYMENT_SUBSIDY));

    /** Every type a subscription may ask for. */
    public static final List<String> ALL = List.of(REFERRAL_CREATED, REFERRAL_UPDATED, EMPLOYMENT_STATUS_CHANGED,
            BENEFIT_ENROLLED, BENEFIT_COMPLETED, PLACEMENT_CREATED, PLACEMENT_UPDATED, COMPLIANCE_ALERT,
            NOTIFICATION_PROCESSED, SUBSIDY_CREATED, SUBSIDY_UPDATED);

    private WebhookEvents() {
    }
}
