package org.esphub.hub.verification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.esphub.dci.DciReasonCode;
import org.esphub.dci.DciRejection;
import org.esphub.hub.intake.EnvelopeAdmission;
import org.esphub.hub.intake.IntakeLedger;
import org.esphub.hub.intake.MessageWindow;
import org.esphub.hub.intake.ReceivedMessage;
import org.esphub.hub.signatures.MessageSignatures;
import org.esphub.processes.EmploymentStatusVerification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Entry point of {@code POST /dci/employment/v1.0.0/status/verifications}: SA asks the hub to verify the
 * employment status of up to 100 persons. The same checks as the referral intake (sender_id bound to the
 * client, message window, signature policy, a sender_uri the hub may call), idempotent on message_id
 * (the message is recorded in the same ledger; a repeat is refused and starts nothing), and one
 * employment-status-verification per person not verified under its reference_id before, all in one
 * transaction. The outcomes are called back to sender_uri ({@link VerificationOutcomes}).
 */
@Service
public class StatusVerificationIntake {

    private static final Logger LOG = LoggerFactory.getLogger(StatusVerificationIntake.class);
    private static final String CHANNEL_API = "API";

    private final ObjectMapper mapper;
    private final IntakeLedger messages;
    private final VerificationLedger verifications;
    private final VerificationStarts starts;
    private final EnvelopeAdmission admission;
    private final MessageWindow messageWindow;
    private final MessageSignatures signatures;
    private final Clock clock;

    public StatusVerificationIntake(ObjectMapper mapper, IntakeLedger messages, VerificationLedger verifications,
            VerificationStarts starts, EnvelopeAdmission admission, MessageWindow messageWindow,
            MessageSignatures signatures, Clock clock) {
        this.mapper = mapper;
        this.messages = messages;
        this.verifications = verifications;
        this.starts = starts;
        this.admission = admission;
        this.messageWindow = messageWindow;
        this.signatures = signatures;
        this.clock = clock;
    }

    /** @return how many verifications started (items verified before under their reference_id are not) */
    @Transactional
    public int accept(String body, String clientId, String correlationId) {
        JsonNode envelope = parse(body);
        List<VerificationItem> items = VerificationRequest.items(envelope);
        JsonNode header = envelope.get("header");
        String senderId = header.get("sender_id").asText();
        String messageId = header.get("message_id").asText();
        admission.checkSenderBinding(clientId, senderId);
        admission.checkReceiver(header);
        messageWindow.check(header);
        signatures.checkApiRequest(envelope, clientId);
        String senderUri = header.path("sender_uri").isTextual() ? header.get("sender_uri").asText() : null;
        admission.checkCallbackTarget(senderUri);
        Instant now = clock.instant();
        messages.recordOrRefuseDuplicate(new ReceivedMessage(senderId, messageId, VerificationRequest.ACTION,
                CHANNEL_API, correlationId, envelope.path("message").path("transaction_id").asText(null), senderUri,
                items.size(), now), "nothing new was started");
        int started = 0;
        for (VerificationItem item : items) {
            if (verifications.exists(item.referenceId())) {
                LOG.info("verification {}: taken before; nothing new starts", item.referenceId());
                continue;
            }
            starts.start(item, EmploymentStatusVerification.TRIGGER_SA_REQUEST, senderId, messageId, clientId,
                    correlationId, now);
            started++;
        }
        return started;
    }

    private JsonNode parse(String body) {
        try {
            JsonNode envelope = mapper.readTree(body);
            if (envelope == null || !envelope.isObject()) {
                throw new DciRejection(DciReasonCode.REQUEST_BAD, "the request must be a JSON object");
            }
            return envelope;
        } catch (JsonProcessingException e) {
            throw new DciRejection(DciReasonCode.REQUEST_BAD, "the request is not JSON: " + e.getOriginalMessage());
        }
    }
}
