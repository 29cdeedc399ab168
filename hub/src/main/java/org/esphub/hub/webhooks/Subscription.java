package org.esphub.hub.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One client's webhook subscription as stored. */
public record Subscription(String id, String clientId, String url, List<String> events, String secret,
        SubscriptionStatus status, Instant createdAt, Instant updatedAt, SubscriptionFilters filters) {

    public Subscription {
        filters = filters == null ? SubscriptionFilters.NONE : filters;
    }

    public boolean wants(String eventType) {
        return status == SubscriptionStatus.ACTIVE && events.contains(eventType);
    }

    /** Whether this event, with this data, goes to the subscriber: its type and its filters. */
    public boolean wants(String eventType, Map<String, Object> data) {
        return wants(eventType) && filters.admit(data);
    }
}
