package org.esphub.simulators.inbox;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A notification a simulated agency received from the hub, kept as evidence of what the hub sent.
 *
 * @param body      the parsed JSON body; {@code null} when the message was not JSON
 * @param validJson {@code false} when the body could not be parsed; {@code rawBody} then holds it
 * @param rawBody   the body as received, present only when it is not JSON
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReceivedNotification(
        Instant receivedAt,
        String jmsMessageId,
        String correlationId,
        Map<String, Object> properties,
        boolean validJson,
        JsonNode body,
        String rawBody) {

    /**
     * True if the body names this reference id: normally {@code message.reference_id}, but any
     * {@code reference_id} field counts, as batch envelopes nest items one level deeper.
     */
    public boolean concernsReference(String referenceId) {
        return mentions("reference_id", referenceId);
    }

    /** True if the body names this person id anywhere (envelopes nest it differently per action). */
    public boolean concernsPerson(String personId) {
        return mentions("person_id", personId);
    }

    /**
     * What the notification tells its receiver, to recognise one told twice: the referral and the
     * outcome it reports ({@code message.reference_id} and {@code message.outcome}); otherwise
     * the envelope's {@code header.message_id}, which a redelivery repeats; otherwise the JMS
     * message id. The hub gives every envelope a new message id, so an outcome sent twice (a
     * worker that died before its task was marked done, then the task run again) differs there
     * and is recognised by the first rule.
     */
    public String whatItTells() {
        if (body != null) {
            JsonNode message = body.path("message");
            String referenceId = message.path("reference_id").asText("");
            String outcome = message.path("outcome").asText("");
            if (!referenceId.isEmpty() && !outcome.isEmpty()) {
                return "outcome:" + referenceId + ":" + outcome;
            }
            String messageId = body.path("header").path("message_id").asText("");
            if (!messageId.isEmpty()) {
                return "message:" + messageId;
            }
        }
        return "jms:" + jmsMessageId;
    }

    private boolean mentions(String field, String value) {
        if (body == null) {
            return false;
        }
        return body.findValues(field).stream()
                .anyMatch(node -> node.isValueNode() && Objects.equals(node.asText(), value));
    }
}
