package org.esphub.hub.outcomes;

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
 * Queues one DCI callback, the registry pattern's asynchronous answer: a callback header and the
 * message's items under the action's field ({@link CallbackItems}). Written to the webhook outbox
 * in the caller's transaction, so it survives restarts and gets the webhooks' retries; the sender
 * releases each item through the data-sharing gate and signs the envelope when it goes.
 */
@Component
public class DciCallbacks {

    private final WebhookDeliveries deliveries;
    private final RetrySchedule retrySchedule;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final String hubSenderId;

    public DciCallbacks(WebhookDeliveries deliveries, RetrySchedule retrySchedule, ObjectMapper mapper, Clock clock,
            @Value("${esp.hub.sender-id}") String hubSenderId) {
        this.deliveries = deliveries;
        this.retrySchedule = retrySchedule;
        this.mapper = mapper;
        this.clock = clock;
        this.hubSenderId = hubSenderId;
    }

    /**
     * The callback of an API message's items ({@code ApiItemIntake}'s report): their outcomes to the
     * message's {@code header.sender_uri}, under its transaction_id. A resent item
     * ({@link CallbackItem#KNOWN}) is not told again; a message without sender_uri, or with nothing
     * new to tell, gets none.
     *
     * @param request the message's envelope as it was sent
     */
    public void queueOutcomes(JsonNode request, String action, String correlationId, List<CallbackItem> outcomes) {
        queueItems(request, action, correlationId, outcomes.stream()
                .filter(outcome -> !CallbackItem.KNOWN.equals(outcome.status()))
                .map(CallbackItem::json)
                .toList());
    }

    /**
     * As {@link #queueOutcomes}, for an operation whose callback items are its synchronous answer's
     * items (each as it stands, none left out).
     */
    public void queueItems(JsonNode request, String action, String correlationId, List<Map<String, Object>> items) {
        String senderUri = request.at("/header/sender_uri").asText(null);
        if (senderUri == null || items.isEmpty()) {
            return;
        }
        queue(senderUri, request.at("/header/sender_id").asText(), action,
                request.at("/message/transaction_id").asText(), correlationId, items);
    }

    /**
     * @param senderUri where the message asked its answers to go
     * @param receiverId the message's sender_id
     * @param item one item's outcome, snake_case fields; {@code timestamp} is added
     */
    public void queue(String senderUri, String receiverId, String action, String transactionId, String correlationId,
            Map<String, Object> item) {
        queue(senderUri, receiverId, action, transactionId, correlationId, List.of(item));
    }

    /** One callback for several items of a message (each stamped with {@code timestamp} where it has none). */
    public void queue(String senderUri, String receiverId, String action, String transactionId, String correlationId,
            List<Map<String, Object>> items) {
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("version", "1.0.0");
        header.put("message_id", id);
        header.put("message_ts", now.toString());
        header.put("action", action);
        header.put("status", "succ");
        header.put("total_count", items.size());
        header.put("completed_count", items.size());
        header.put("sender_id", hubSenderId);
        header.put("receiver_id", receiverId);
        List<Map<String, Object>> stamped = new ArrayList<>();
        for (Map<String, Object> item : items) {
            Map<String, Object> copy = new LinkedHashMap<>(item);
            copy.putIfAbsent("timestamp", now.toString());
            stamped.add(copy);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("transaction_id", transactionId);
        body.put("correlation_id", correlationId);
        body.put(CallbackItems.itemsField(action), stamped);
        try {
            deliveries.insertCallback(id, senderUri, action,
                    mapper.writeValueAsString(Map.of("header", header, "message", body)),
                    retrySchedule.firstAttempt(now), now);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(action + " callback is not serialisable", e);
        }
    }
}
