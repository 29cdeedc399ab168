package org.esphub.routes;

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
     * @param message the payload, already cut down to the fields the receiver may see
     */
    public Map<String, Object> wrap(String action, String receiverId, String correlationId, Map<String, Object> message) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("version", "1.0.0");
        header.put("message_id", UUID.randomUUID().toString());
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
}
