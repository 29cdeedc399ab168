package org.esphub.hub.webhooks;

import java.util.Map;

/**
 * The DCI callbacks the hub sends to a message's {@code header.sender_uri}: per callback action,
 * the field of {@code message} that lists its items and the purpose each item is released for
 * (exchange {@code callback.<action>}). One table, so a new callback is a new row.
 */
public final class CallbackItems {

    public static final String ON_CREATE_REFERRAL = "on-create-referral";
    public static final String ON_ASSESS_COMPLIANCE = "on-assess-compliance";
    public static final String STATUS_RESPONSE = "status_response";
    public static final String ON_CREATE_PLACEMENT = "on-create-placement";
    public static final String ON_ENROLL_TRAINING = "on-enroll-training";
    public static final String ON_SEND_NOTIFICATION = "on-send-notification";
    public static final String ON_APPLY_SUBSIDY = "on-apply-subsidy";

    private record Items(String field, String purpose) {
    }

    // referral outcomes tell the sender what became of its referrals, as the referral webhooks do;
    // a verified status serves the administration of the person's benefit
    private static final Map<String, Items> ACTIONS = Map.of(
            ON_APPLY_SUBSIDY, new Items("subsidy_application_response", "EMPLOYMENT_SUBSIDY"),
            ON_CREATE_REFERRAL, new Items("referral_response", "REFERRAL_STATUS_REPORTING"),
            ON_ASSESS_COMPLIANCE, new Items("compliance_response", "ACTIVATION_COMPLIANCE"),
            STATUS_RESPONSE, new Items("employment_status_response", "BENEFIT_ADMINISTRATION"),
            ON_CREATE_PLACEMENT, new Items("placement_response", "PLACEMENT_REPORTING"),
            ON_ENROLL_TRAINING, new Items("training_response", "TRAINING_ENROLMENT"),
            // the companion's answer field, so a callback reads like the synchronous answer
            ON_SEND_NOTIFICATION, new Items("notification_responses", "CASE_NOTIFICATION"));

    private CallbackItems() {
    }

    /** The field of the callback's {@code message} holding its items, e.g. {@code referral_response}. */
    public static String itemsField(String action) {
        return known(action).field();
    }

    /** What each item is told to the sender for, as its agreement names the purpose. */
    public static String purpose(String action) {
        return known(action).purpose();
    }

    private static Items known(String action) {
        Items known = ACTIONS.get(action);
        if (known == null) {
            throw new IllegalArgumentException("no DCI callback '" + action + "'");
        }
        return known;
    }
}
