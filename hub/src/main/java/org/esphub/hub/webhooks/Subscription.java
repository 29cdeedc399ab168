package org.esphub.hub.webhooks;

import java.time.Instant;
import java.util.List;

/** One client's webhook subscription as stored. */
public record Subscription(String id, String clientId, String url, List<String> events, String secret,
        SubscriptionStatus status, Instant createdAt, Instant updatedAt) {

    public boolean wants(String eventType) {
        return status == SubscriptionStatus.ACTIVE && events.contains(eventType);
    }
}
