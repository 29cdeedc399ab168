package org.esphub.routes;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Wraps an outbound payload in the DCI three-part envelope (header and message; the signature is
 * added by the signing step when an agreement asks for it), so every agency receives the same
 * shape it sends.
 */
public class OutboundEnvelope {

    private final String senderId;
    private final Clock clock;

    public OutboundEnvelope(String senderId, Clock clock) {
        this.senderId = senderId;
        this.clock = clock;
    }

    /**
     * @param action DCI action, e.g. {@code notify-outcome}
     * @param receiverId the agency the message is for
     * @param correlationId the id that travels with the referral through every exchange
     * @param idempotencyKey the process step the message comes from (the hand-off's idempotency
     *        key), or null for a message that is not a step's
     * @param message the payload, already cut down to the fields the receiver may see
     */
    public Map<String, Object> wrap(String action, String receiverId, String correlationId, String idempotencyKey,
                                    Map<String, Object> message) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("version", "1.0.0");
        header.put("message_id", messageId(action, idempotencyKey));
        header.put("message_ts", Instant.now(clock).toString());
        header.put("action", action);
        header.put("sender_id", senderId);
        header.put("receiver_id", receiverId);
        header.put("total_count", 1);
        header.put("is_msg_encrypted", false);
        if (correlationId != null) {
            header.put("meta", Map.of("correlation_id", correlationId));
        }
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("header", header);
        envelope.put("message", message);
        return envelope;
    }

    /**
     * The same for every retry of one step, new for every other message. A worker that dies after
     * the send but before it reported the task sends the message again when another worker takes
     * the task over; DCI receivers are idempotent on {@code message_id}, so they take it once.
     */
    static String messageId(String action, String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return UUID.randomUUID().toString();
        }
        return UUID.nameUUIDFromBytes((action + "|" + idempotencyKey).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
