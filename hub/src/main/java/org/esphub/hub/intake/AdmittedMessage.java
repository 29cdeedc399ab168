package org.esphub.hub.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.esphub.processes.AgencyKind;

/**
 * A message {@link ApiItemIntake} admitted and recorded in the ledger: what each of its items is
 * taken with.
 *
 * @param senderKind the kind of agency its sender is
 * @param clientId the OAuth2 client that sent it
 * @param receivedAt when the hub took it; every row the message writes carries this time
 */
public record AdmittedMessage(JsonNode envelope, AgencyKind senderKind, String senderId, String messageId,
        String clientId, String correlationId, Instant receivedAt) {

    public String transactionId() {
        return envelope.at("/message/transaction_id").asText(null);
    }
}
