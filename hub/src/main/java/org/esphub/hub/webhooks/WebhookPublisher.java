package org.esphub.hub.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Raises a webhook event: one PENDING delivery per ACTIVE subscription of the client that asked
 * for the event type. Joins the caller's transaction (and insists on one), so the event exists
 * exactly when the change that caused it commits; the dispatcher sends it afterwards.
 */
@Service
public class WebhookPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookPublisher.class);

    private final WebhookSubscriptions subscriptions;
    private final WebhookDeliveries deliveries;
    private final RetrySchedule retrySchedule;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final String hubId;

    public WebhookPublisher(WebhookSubscriptions subscriptions, WebhookDeliveries deliveries,
            RetrySchedule retrySchedule, ObjectMapper mapper, Clock clock,
            @Value("${esp.hub.sender-id}") String hubId) {
        this.hubId = hubId;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.retrySchedule = retrySchedule;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void publish(String clientId, String eventType, Map<String, Object> data) {
        Instant occurredAt = clock.instant();
        for (Subscription subscription : subscriptions.activeOf(clientId)) {
            if (!subscription.wants(eventType, data)) {
                continue;
            }
            String deliveryId = UUID.randomUUID().toString();
            String payload = payload(eventType, deliveryId, subscription.id(), occurredAt, data);
            deliveries.insert(deliveryId, subscription.id(), eventType, payload, retrySchedule.firstAttempt(occurredAt),
                    occurredAt);
            LOG.debug("Webhook event {} queued as delivery {} for subscription {}", eventType, deliveryId,
                    subscription.id());
        }
    }

    /**
     * The companion's payload ({@code event_id}, {@code event_type}, {@code timestamp},
     * {@code source_system}, {@code subscription_id}, {@code data}, {@code metadata}) and, for the
     * subscribers written against the hub's first payload, {@code event}, {@code delivery_id} and
     * {@code occurred_at} with the same values. {@code metadata.retry_count} is set per attempt
     * by the sender.
     */
    private String payload(String eventType, String deliveryId, String subscriptionId, Instant occurredAt,
            Map<String, Object> data) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put(WebhookPayload.CORRELATION_ID, data.get("correlation_id"));
        metadata.put(WebhookPayload.RETRY_COUNT, 0);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("event_id", deliveryId);
        payload.put("event_type", eventType);
        payload.put("timestamp", occurredAt.toString());
        payload.put("source_system", hubId);
        payload.put("subscription_id", subscriptionId);
        payload.put("event", eventType);
        payload.put("delivery_id", deliveryId);
        payload.put("occurred_at", occurredAt.toString());
        payload.put(WebhookPayload.DATA, data);
        payload.put(WebhookPayload.METADATA, metadata);
        try {
            return mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("webhook data of " + eventType + " is not serialisable", e);
        }
    }
}
