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

    /** action → [items field, purpose] */
    private static final Map<String, String[]> ACTIONS = Map.of(
            ON_CREATE_REFERRAL, new String[] {"referral_response", "REFERRAL_STATUS_REPORTING"},
            ON_ASSESS_COMPLIANCE, new String[] {"compliance_response", "ACTIVATION_COMPLIANCE"});

    private CallbackItems() {
    }

    /** The field of the callback's {@code message} holding its items, e.g. {@code referral_response}. */
    public static String itemsField(String action) {
        return known(action)[0];
    }

    /** What each item is told to the sender for, as its agreement names the purpose. */
    public static String purpose(String action) {
        return known(action)[1];
    }

    private static String[] known(String action) {
        String[] known = ACTIONS.get(action);
        if (known == null) {
            throw new IllegalArgumentException("no DCI callback '" + action + "'");
        }
        return known;
    }
}
