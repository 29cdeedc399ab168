package org.esphub.hub.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.esphub.dci.DciReasonCode;
import org.esphub.dci.DciRejection;
import org.esphub.governance.storage.StoredField;
import org.esphub.hub.agencies.AgencySenders;
import org.esphub.hub.outbound.ForbiddenTarget;
import org.esphub.hub.outbound.OutboundTargets;
import org.esphub.hub.signatures.MessageSignatures;
import org.esphub.processes.AgencyKind;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who may send a DCI envelope to an API operation, checked before anything is written: the
 * authenticated client may send as the envelope's sender_id, that sender is a kind of agency the
 * operation takes, the message is addressed to this hub, fresh, signed as the client's policy asks,
 * its header ids fit the hub's columns and its sender_uri is a URL the hub may call back. One
 * admission for the operations that take envelopes from agencies (placements, training benefits,
 * notifications), so none of them checks less than another. Intakes that check in an order of
 * their own (referrals from both channels, status verifications) use its single checks, so each
 * check is refused in the same words everywhere.
 */
@Component
public class EnvelopeAdmission {

    /** The ledger's channel of every message taken through the DCI API. */
    public static final String CHANNEL_API = "HTTP";

    private final AgencySenders agencySenders;
    private final MessageWindow messageWindow;
    private final MessageSignatures signatures;
    private final OutboundTargets callbackTargets;
    private final String hubId;

    public EnvelopeAdmission(AgencySenders agencySenders, MessageWindow messageWindow, MessageSignatures signatures,
            OutboundTargets callbackTargets, @Value("${esp.hub.sender-id}") String hubId) {
        this.agencySenders = agencySenders;
        this.messageWindow = messageWindow;
        this.signatures = signatures;
        this.callbackTargets = callbackTargets;
        this.hubId = hubId;
    }

    /**
     * @param senders the kinds of agency the operation takes messages from
     * @param refusal what the refusal of any other sender says, e.g. "only the Public Employment
     *        Service reports and updates placements"
     * @return the kind of agency the sender is
     * @throws DciRejection naming the first check that failed; nothing was written
     */
    public AgencyKind admit(JsonNode envelope, String clientId, String correlationId, Set<AgencyKind> senders,
            String refusal) {
        JsonNode header = envelope.path("header");
        List<String> problems = new ArrayList<>();
        addProblem(problems, StoredField.CORRELATION_ID, "X-Correlation-ID", correlationId);
        addProblem(problems, StoredField.MESSAGE_ID, "$.header.message_id", header.path("message_id").asText(null));
        addProblem(problems, StoredField.SENDER_ID, "$.header.sender_id", header.path("sender_id").asText(null));
        addProblem(problems, StoredField.SENDER_URI, "$.header.sender_uri", header.path("sender_uri").asText(null));
        addProblem(problems, StoredField.TRANSACTION_ID, "$.message.transaction_id",
                envelope.at("/message/transaction_id").asText(null));
        if (!problems.isEmpty()) {
            throw new DciRejection(DciReasonCode.REQUEST_BAD,
                    "the request has values the hub cannot store; nothing was stored or started", problems);
        }
        String senderId = header.get("sender_id").asText();
        checkSenderBinding(clientId, senderId);
        AgencyKind kind = agencySenders.kindOf(senderId).filter(senders::contains)
                .orElseThrow(() -> new DciRejection(DciReasonCode.REQUEST_FORBIDDEN,
                        refusal + "; '" + senderId + "' is not it"));
        checkReceiver(header);
        messageWindow.check(header);
        signatures.checkApiRequest(envelope, clientId);
        checkCallbackTarget(header);
        return kind;
    }

    /** The authenticated client may send as {@code senderId}. */
    public void checkSenderBinding(String clientId, String senderId) {
        if (!agencySenders.mayUse(clientId, senderId)) {
            throw new DciRejection(DciReasonCode.SENDER_ID_INVALID,
                    "client '" + clientId + "' may not send as sender_id '" + senderId + "'");
        }
    }

    /** A message addressed to anyone else is not the hub's to take; one addressed to no one is. */
    public void checkReceiver(JsonNode header) {
        String receiverId = header.path("receiver_id").asText(null);
        if (receiverId != null && !hubId.equals(receiverId)) {
            throw new DciRejection(DciReasonCode.RECEIVER_ID_INVALID, "header.receiver_id names another receiver;"
                    + " this hub is '" + hubId + "'");
        }
    }

    /** The header's sender_uri, if it has one: see {@link #checkCallbackTarget(String)}. */
    public void checkCallbackTarget(JsonNode header) {
        JsonNode senderUri = header.path("sender_uri");
        checkCallbackTarget(senderUri.isMissingNode() || senderUri.isNull() ? null : senderUri.asText());
    }

    /** Outcomes are called back to sender_uri, so it must be a URL the hub may call; null: no callback. */
    public void checkCallbackTarget(String senderUri) {
        if (senderUri == null) {
            return;
        }
        try {
            callbackTargets.checkForRegistration(senderUri);
        } catch (ForbiddenTarget forbidden) {
            throw new DciRejection(DciReasonCode.REQUEST_BAD, "header.sender_uri is not a URL the hub may call"
                    + " back; nothing was stored or started", List.of("$.header.sender_uri: " + forbidden.getMessage()));
        }
    }

    /** Adds the problem of a value that does not fit its column, if it does not. */
    public static void addProblem(List<String> problems, StoredField field, String name, String value) {
        String problem = field.problem(name, value);
        if (problem != null) {
            problems.add(problem);
        }
    }
}
