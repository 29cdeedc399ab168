package org.esphub.hub.webhooks;

import java.util.Locale;

/**
 * What an attempt came to, as a subscriber is shown it: a class, never the receiver's own status
 * code or error text, so a subscription cannot be used to probe what answers where.
 */
public enum DeliveryClass {
    /** the receiver answered 2xx */
    DELIVERED(true),
    /** the receiver answered, but not 2xx or 5xx (4xx; also 3xx, since redirects are not followed) */
    REFUSED_BY_RECEIVER(true),
    /** the receiver answered 5xx */
    RECEIVER_ERROR(true),
    /** no answer: the name did not resolve, the connection failed or timed out */
    UNREACHABLE(true),
    /** the URL now leads to an address the hub does not send to (e.g. its name resolves to loopback); not retried */
    BLOCKED_TARGET(false),
    /** the hub did not send it: its data-sharing gate refused, or it could not be prepared */
    WITHHELD(true);

    private final boolean retried;

    DeliveryClass(boolean retried) {
        this.retried = retried;
    }

    /** Whether a failed attempt of this class is tried again by the schedule. */
    public boolean retried() {
        return retried;
    }

    /** As stored and shown: lower case, e.g. {@code refused_by_receiver}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static DeliveryClass ofStatus(int statusCode) {
        if (statusCode >= 200 && statusCode < 300) {
            return DELIVERED;
        }
        return statusCode >= 500 ? RECEIVER_ERROR : REFUSED_BY_RECEIVER;
    }
}
