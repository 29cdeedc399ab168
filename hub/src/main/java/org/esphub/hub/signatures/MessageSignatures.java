package org.esphub.hub.signatures;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.esphub.dci.DciReasonCode;
import org.esphub.dci.DciRejection;
import org.esphub.dci.signature.DciSignatureVerifier;
import org.esphub.dci.signature.VerifiedSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The hub's signature policy for inbound DCI envelopes, applied after schema validation and
 * before anything is stored or started: a signature that is present must verify; an absent one
 * is refused ({@code err.signature.missing}) only where signing is required — for the calling
 * OAuth2 client ({@code esp.signatures.required-clients}, API only, where the caller is known)
 * or for the envelope's sender ({@code esp.signatures.required-senders}, every channel), or for
 * every sender not explicitly exempted ({@code esp.signatures.required-for-all} with
 * {@code exempt-senders}, the production setting).
 */
@Service
public class MessageSignatures {

    private static final Logger LOG = LoggerFactory.getLogger(MessageSignatures.class);

    private final DciSignatureVerifier verifier;
    private final SignatureProperties properties;

    public MessageSignatures(DciSignatureVerifier verifier, SignatureProperties properties) {
        this.verifier = verifier;
        this.properties = properties;
    }

    /**
     * An envelope posted to the API by {@code clientId}.
     *
     * @throws DciRejection {@code err.signature.invalid} or {@code err.signature.missing}
     */
    public void checkApiRequest(JsonNode envelope, String clientId) {
        check(envelope, properties.requiredClients().contains(clientId)
                ? "client '" + clientId + "' must sign its requests (esp.signatures.required-clients)"
                : requirementOf(senderOf(envelope)));
    }

    /**
     * An envelope taken from a queue, where only the sender_id says who sent it.
     *
     * @throws DciRejection {@code err.signature.invalid} or {@code err.signature.missing}
     */
    public void checkQueueMessage(JsonNode envelope) {
        check(envelope, requirementOf(senderOf(envelope)));
    }

    /** Why a signature is required, or null when it is not. */
    private String requirementOf(String senderId) {
        if (properties.requiredSenders().contains(senderId)) {
            return "sender '" + senderId + "' must sign its messages (esp.signatures.required-senders)";
        }
        if (properties.requiredForAll() && !properties.exemptSenders().contains(senderId)) {
            return "every sender must sign its messages (esp.signatures.required-for-all) and sender '" + senderId
                    + "' is not exempted (esp.signatures.exempt-senders)";
        }
        return null;
    }

    private void check(JsonNode envelope, String requiredBecause) {
        Optional<VerifiedSignature> verified = verifier.verifyIfSigned(envelope);
        if (verified.isPresent()) {
            LOG.debug("Message {} signed by {} with key {} ({})", envelope.path("header").path("message_id").asText(),
                    verified.get().senderId(), verified.get().keyId(), verified.get().digest().label());
        } else if (requiredBecause != null) {
            throw new DciRejection(DciReasonCode.SIGNATURE_MISSING,
                    "the envelope has no signature, but " + requiredBecause);
        }
    }

    private static String senderOf(JsonNode envelope) {
        return envelope.path("header").path("sender_id").asText();
    }
}
