package org.esphub.hub.webhooks;

/**
 * A due delivery this hub instance has claimed, with what it needs to send it. A DCI callback has
 * no subscription and no secret: it is not HMAC-signed.
 */
public record ClaimedDelivery(String id, String subscriptionId, String eventType, String payload, int attempts,
        String url, String secret) {
}
