package org.esphub.dci.signature;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;

/**
 * Signs DCI envelopes as an agency system does: the counterpart of {@link DciSignatureVerifier},
 * for Java clients of the hub and for tests, and for the hub's own callbacks (its key, ADR 24).
 */
public class DciSigner {

    private final String senderId;
    private final String keyId;
    private final PrivateKey privateKey;
    private final SignatureDigest digest;

    /**
     * @param senderId the header.sender_id the envelopes carry
     * @param keyId the id under which the public key is registered at the hub for that sender
     */
    public DciSigner(String senderId, String keyId, PrivateKey privateKey, SignatureDigest digest) {
        if (keyId.contains("|")) {
            throw new IllegalArgumentException("a key id may not contain '|', the kidId separator: " + keyId);
        }
        this.senderId = senderId;
        this.keyId = keyId;
        this.privateKey = privateKey;
        this.digest = digest;
    }

    /** The signature string for the envelope's header and message, valid from created to expires. */
    public String signature(JsonNode envelope, Instant created, Instant expires) {
        byte[] signingString = SigningString.of(created.getEpochSecond(), expires.getEpochSecond(), digest,
                SigningString.signedContent(envelope));
        try {
            Signature ed25519 = Signature.getInstance(Ed25519Keys.ALGORITHM);
            ed25519.initSign(privateKey);
            ed25519.update(signingString);
            return new DciSignature(senderId, keyId, created.getEpochSecond(), expires.getEpochSecond(),
                    ed25519.sign()).format();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed with key '" + keyId + "'", e);
        }
    }

    /** A copy of the envelope with its signature set, valid from {@code now} for {@code validity}. */
    public ObjectNode signed(ObjectNode envelope, Instant now, Duration validity) {
        ObjectNode copy = envelope.deepCopy();
        copy.put("signature", signature(envelope, now, now.plus(validity)));
        return copy;
    }
}
