package org.esphub.hub.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** A message as the ledger keeps it: whose, which, how it came and how many items it held. */
public record ReceivedMessage(String senderId, String messageId, String action, String channel,
        String correlationId, String transactionId, String senderUri, int itemCount, Instant receivedAt) {

    /** The envelope's sender, ids and callback address, as taken through the API. */
    public static ReceivedMessage ofEnvelope(JsonNode envelope, String action, String correlationId, int itemCount,
            Instant receivedAt) {
        JsonNode header = envelope.path("header");
        return new ReceivedMessage(header.path("sender_id").asText(), header.path("message_id").asText(), action,
                EnvelopeAdmission.CHANNEL_API, correlationId, envelope.at("/message/transaction_id").asText(null),
                header.path("sender_uri").asText(null), itemCount, receivedAt);
    }
}
