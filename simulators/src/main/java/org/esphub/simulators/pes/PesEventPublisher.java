package org.esphub.simulators.pes;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.esphub.simulators.JsonMessageSender;
import org.esphub.simulators.SimulatorQueues;
import org.springframework.lang.Nullable;

/**
 * Sends PES events to the hub on {@code esp.pes.events.in}, wrapped in a DCI-style envelope
 * ({@code header} + {@code message}) as the real PES integration would send them.
 *
 * <p>Event type and reference id are copied into the JMS properties {@code esp_eventType} and
 * {@code esp_referenceId}, so the hub can route and correlate without parsing the body.
 */
public class PesEventPublisher {

    static final String ACTION = "pes-event";
    static final String SENDER_ID = "pes.sim";
    static final String RECEIVER_ID = "esp-hub";

    private final JsonMessageSender sender;
    private final ObjectMapper objectMapper;
    private final Clock clock;

    public PesEventPublisher(JsonMessageSender sender, ObjectMapper objectMapper, Clock clock) {
        this.sender = sender;
        this.objectMapper = objectMapper;
        this.clock = clock;
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
                .put("action", ACTION)
                .put("sender_id", SENDER_ID)
                .put("receiver_id", RECEIVER_ID)
                .put("total_count", 1);
        ObjectNode message = envelope.putObject("message").setAll(event);
        if (!message.hasNonNull("occurred_at")) {
            message.put("occurred_at", now);
        }

        sender.send(SimulatorQueues.PES_EVENTS_IN, toJson(envelope), correlationId, Map.of(
                "esp_eventType", event.path("event_type").asText(),
                "esp_referenceId", event.path("reference_id").asText()));
        return messageId;
    }

    private String toJson(ObjectNode envelope) {
        try {
            return objectMapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree must always serialise", e);
        }
    }
}
