package org.esphub.hub.placements;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.esphub.hub.webhooks.CallbackItems;
import org.esphub.hub.webhooks.RetrySchedule;
import org.esphub.hub.webhooks.WebhookDeliveries;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The DCI callback of a create-placement message ({@code on-create-placement}): each item's
 * outcome at intake (verification started, or refused and why), POSTed to the message's
 * {@code header.sender_uri}. Queued in the webhook outbox in the intake's transaction, so it gets
 * the outbox's retries, the data-sharing gate (exchange {@code callback.on-create-placement}) and
 * the hub's signature; a message without sender_uri gets none. A resent item (reference_id known)
 * is not reported again.
 */
@Component
class PlacementCallbacks {

    static final String ACTION = CallbackItems.ON_CREATE_PLACEMENT;
    /** The item is taken: its job-placement instance waits for the employer's confirmation and the record. */
    static final String ACCEPTED = "succ";
    static final String REJECTED = "rjct";
    static final String DUPLICATE = "known";
    /** The outcome of a taken item, as the sender's systems read it. */
    static final String OUTCOME_VERIFICATION_STARTED = "VERIFICATION_STARTED";

    private final WebhookDeliveries deliveries;
    private final RetrySchedule retrySchedule;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final String hubSenderId;

    PlacementCallbacks(WebhookDeliveries deliveries, RetrySchedule retrySchedule, ObjectMapper mapper, Clock clock,
            @Value("${esp.hub.sender-id}") String hubSenderId) {
        this.deliveries = deliveries;
        this.retrySchedule = retrySchedule;
        this.mapper = mapper;
        this.clock = clock;
        this.hubSenderId = hubSenderId;
    }

    void queue(JsonNode request, String correlationId, List<PlacementIntake.Item> items) {
        String senderUri = request.at("/header/sender_uri").asText(null);
        List<Map<String, Object>> reported = new ArrayList<>();
        Instant now = clock.instant();
        for (int i = 0; i < items.size(); i++) {
            PlacementIntake.Item item = items.get(i);
            if (DUPLICATE.equals(item.status())) {
                continue;
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("reference_id", item.referenceId());
            entry.put("person_id", request.at("/message/placement_request/" + i + "/person_id").asText());
            entry.put("timestamp", now.toString());
            entry.put("status", item.status());
            if (item.reasonCode() != null) {
                entry.put("status_reason_code", item.reasonCode());
            } else {
                entry.put("outcome", OUTCOME_VERIFICATION_STARTED);
            }
            reported.add(entry);
        }
        if (senderUri == null || reported.isEmpty()) {
            return;
        }
        String id = UUID.randomUUID().toString();
        deliveries.insertCallback(id, senderUri, ACTION, envelope(id, now, request, correlationId, reported),
                retrySchedule.firstAttempt(now), now);
    }

    private String envelope(String messageId, Instant now, JsonNode request, String correlationId,
            List<Map<String, Object>> items) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("version", "1.0.0");
        header.put("message_id", messageId);
        header.put("message_ts", now.toString());
        header.put("action", ACTION);
        header.put("status", "succ");
        header.put("total_count", items.size());
        header.put("completed_count", items.size());
        header.put("sender_id", hubSenderId);
        header.put("receiver_id", request.at("/header/sender_id").asText());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("transaction_id", request.at("/message/transaction_id").asText());
        body.put("correlation_id", correlationId);
        body.put(CallbackItems.itemsField(ACTION), items);
        try {
            return mapper.writeValueAsString(Map.of("header", header, "message", body));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("callback of " + messageId + " is not serialisable", e);
        }
    }
}
