package org.esphub.hub.webhooks;

import java.time.Instant;

/**
 * How a subscription's deliveries went: deliveries delivered, given up (FAILED) and still
 * pending; failed attempts include those later retried successfully. The last attempt is shown
 * by its {@link DeliveryClass} label, never by the receiver's status code.
 */
public record DeliveryStatistics(long delivered, long failed, long pending, long failedAttempts,
        Instant lastAttemptAt, String lastOutcome) {

    static final DeliveryStatistics NONE = new DeliveryStatistics(0, 0, 0, 0, null, null);
}
