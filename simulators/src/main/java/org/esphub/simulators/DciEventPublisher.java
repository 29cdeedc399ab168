package org.esphub.simulators;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.lang.Nullable;

/**
 * Sends an agency's events to the hub on one of its event queues, wrapped in a DCI-style envelope
 * ({@code header} + {@code message}) as the agency's real integration would send them.
 *
 * <p>Event type and reference id are copied into the JMS properties {@code esp_eventType} and
 * {@code esp_referenceId}, so the hub can route and correlate without parsing the body.
 */
public class DciEventPublisher {

    static final String RECEIVER_ID = "esp-hub";

    private final JsonMessageSender sender;
    private final ObjectMapper objectMapper;
    private final Clock clock;
    private final String queue;
    private final String senderId;
    private final String action;

    /**
     * @param queue    the hub's event queue the agency sends on
     * @param senderId the agency's {@code header.sender_id}
     * @param action   the envelope's {@code header.action}
     */
    public DciEventPublisher(JsonMessageSender sender, ObjectMapper objectMapper, Clock clock,
                             String queue, String senderId, String action) {
        this.sender = sender;
        this.objectMapper = objectMapper;
        this.clock = clock;
        this.queue = queue;
        this.senderId = senderId;
        this.action = action;
    }

    /**
     * @param event         the {@code message} part; must hold {@code event_type} and
     *                      {@code reference_id}; gets {@code occurred_at} = now if it has none
     * @param correlationId JMS correlation id, omitted when {@code null}
     * @return the envelope's {@code header.message_id}
     */
    public String publish(ObjectNode event, @Nullable String correlationId) {
        String now = clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
        String messageId = UUID.randomUUID().toString();

        ObjectNode envelope = objectMapper.createObjectNode();
        envelope.putObject("header")
                .put("message_id", messageId)
                .put("message_ts", now)
                .put("action", action)
                .put("sender_id", senderId)
                .put("receiver_id", RECEIVER_ID)
                .put("total_count", 1);
        ObjectNode message = envelope.putObject("message").setAll(event);
        if (!message.hasNonNull("occurred_at")) {
            message.put("occurred_at", now);
        }

        sender.send(queue, toJson(envelope), correlationId, Map.of(
                "esp_eventType", event.path("event_type").asText(),
                "esp_referenceId", event.path("reference_id").asText()));
        return messageId;
    }

    /** What this agency sends with: its own broker login. */
    public JsonMessageSender sender() {
        return sender;
    }

    /** The queue this agency's events go to. */
    public String queue() {
        return queue;
    }

    private String toJson(ObjectNode envelope) {
        try {
            return objectMapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree must always serialise", e);
        }
    }
}
