package org.esphub.hub.webhooks;

import java.util.List;

/** The event types of the DCI companion document's webhooks, as subscribers name them. */
public final class WebhookEvents {

    public static final String REFERRAL_CREATED = "referral_created";
    public static final String REFERRAL_UPDATED = "referral_updated";

    /** Every type a subscription may ask for, including those the hub does not raise yet. */
    public static final List<String> ALL = List.of(REFERRAL_CREATED, REFERRAL_UPDATED, "employment_status_changed",
            "benefit_enrolled", "benefit_completed", "placement_created", "placement_updated", "compliance_alert");

    private WebhookEvents() {
    }
}
