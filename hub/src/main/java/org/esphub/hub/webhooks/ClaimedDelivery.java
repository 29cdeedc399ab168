package org.esphub.hub.webhooks;

/** A due delivery this hub instance has claimed, with what it needs to send it. */
public record ClaimedDelivery(String id, String subscriptionId, String eventType, String payload, int attempts,
        String url, String secret) {
}
