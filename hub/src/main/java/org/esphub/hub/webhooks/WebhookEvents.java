package org.esphub.hub.webhooks;

import java.util.List;
import java.util.Map;

/** The event types of the DCI companion document's webhooks, as subscribers name them. */
public final class WebhookEvents {

    public static final String REFERRAL_CREATED = "referral_created";
    public static final String REFERRAL_UPDATED = "referral_updated";

    /**
     * Why each event's data goes to the subscriber: the purpose the data-sharing gate checks the
     * delivery (exchange {@code webhook.<event>}) against. An event the hub raises needs one here.
     */
    public static final Map<String, String> PURPOSES = Map.of(
            REFERRAL_CREATED, "REFERRAL_STATUS_REPORTING",
            REFERRAL_UPDATED, "REFERRAL_STATUS_REPORTING");

    /** Every type a subscription may ask for, including those the hub does not raise yet. */
    public static final List<String> ALL = List.of(REFERRAL_CREATED, REFERRAL_UPDATED, "employment_status_changed",
            "benefit_enrolled", "benefit_completed", "placement_created", "placement_updated", "compliance_alert");

    private WebhookEvents() {
    }
}
