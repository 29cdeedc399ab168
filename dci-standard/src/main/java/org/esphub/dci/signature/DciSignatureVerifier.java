package org.esphub.dci.signature;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.esphub.dci.DciReasonCode;
import org.esphub.dci.DciRejection;

/**
 * Verifies the {@code signature} of a DCI envelope against the sender's registered Ed25519 keys.
 *
 * <p>Runs after schema validation: the envelope has a {@code header.sender_id} and a
 * {@code message}. A signature must name the envelope's own sender in its kidId (one agency's
 * key cannot vouch for a message sent in another's name), use a key registered for that sender,
 * be inside its {@code created}..{@code expires} window (with the configured clock skew either
 * side) and verify over the signing string of {@link SigningString}. Whether an unsigned message
 * is acceptable is the caller's policy, so an absent signature is reported, not refused.
 * Thread-safe.
 */
public class DciSignatureVerifier {

    private final SenderKeys keys;
    private final Clock clock;
    private final Duration allowedSkew;
    private final Duration maxValidity;

    /** A verifier that accepts signatures valid for up to a day ({@code expires - created}). */
    public DciSignatureVerifier(SenderKeys keys, Clock clock, Duration allowedSkew) {
        this(keys, clock, allowedSkew, Duration.ofDays(1));
    }

    /**
     * @param maxValidity the longest {@code expires - created} accepted: a signature meant to last
     *     for years could be replayed for years
     */
    public DciSignatureVerifier(SenderKeys keys, Clock clock, Duration allowedSkew, Duration maxValidity) {
        if (allowedSkew.isNegative()) {
            throw new IllegalArgumentException("the allowed clock skew must not be negative: " + allowedSkew);
        }
        if (maxValidity.isNegative() || maxValidity.isZero()) {
            throw new IllegalArgumentException("the longest signature validity must be positive: " + maxValidity);
        }
        this.keys = keys;
        this.clock = clock;
        this.allowedSkew = allowedSkew;
        this.maxValidity = maxValidity;
    }

    /** True when the envelope carries a signature (a blank string counts as none). */
    public static boolean isSigned(JsonNode envelope) {
        JsonNode signature = envelope.path("signature");
        return signature.isTextual() && !signature.asText().isBlank();
    }

    /**
     * @return the verified signature, or empty when the envelope is not signed
     * @throws DciRejection {@code err.signature.invalid} naming why the signature is not accepted
     */
    public Optional<VerifiedSignature> verifyIfSigned(JsonNode envelope) {
        if (!isSigned(envelope)) {
            return Optional.empty();
        }
        DciSignature signature = DciSignature.parse(envelope.get("signature").asText());
        String senderId = envelope.path("header").path("sender_id").asText();
        if (!senderId.equals(signature.senderId())) {
            throw invalid("kidId names sender '" + signature.senderId() + "' but header.sender_id is '" + senderId
                    + "'; a message must be signed with a key of its own sender");
        }
        PublicKey key = keys.find(senderId, signature.keyId()).orElseThrow(() -> invalid(
                keys.hasKeysFor(senderId)
                        ? "key '" + signature.keyId() + "' is not registered for sender '" + senderId + "'"
                        : "sender '" + senderId + "' has no registered signing keys"));
        checkValidity(signature);
        byte[] content = signedContent(envelope);
        for (SignatureDigest digest : SignatureDigest.values()) {
            if (verifies(key, signature, SigningString.of(signature.created(), signature.expires(), digest, content))) {
                return Optional.of(new VerifiedSignature(senderId, signature.keyId(), digest,
                        Instant.ofEpochSecond(signature.created()), Instant.ofEpochSecond(signature.expires())));
            }
        }
        throw invalid("signature does not verify with key '" + signature.keyId() + "' of sender '" + senderId
                + "' over header and message (changed after signing, signed with another key, or not signed over "
                + "the RFC 8785 canonical JSON of {header, message} with a BLAKE-512 or SHA-256 digest line)");
    }

    private void checkValidity(DciSignature signature) {
        Instant now = clock.instant();
        Instant created = Instant.ofEpochSecond(signature.created());
        Instant expires = Instant.ofEpochSecond(signature.expires());
        if (!expires.isAfter(created)) {
            throw invalid("signature expires (" + expires + ") is not after its created time (" + created + ")");
        }
        if (Duration.between(created, expires).compareTo(maxValidity) > 0) {
            throw invalid("signature is valid for " + Duration.between(created, expires).toSeconds()
                    + " s (created " + created + ", expires " + expires + "); the hub accepts at most "
                    + maxValidity.toSeconds() + " s");
        }
        if (created.isAfter(now.plus(allowedSkew))) {
            throw invalid("signature was created in the future (" + created + "; the hub's time is " + now
                    + ", allowed clock skew " + allowedSkew.toSeconds() + " s)");
        }
        if (expires.isBefore(now.minus(allowedSkew))) {
            throw invalid("signature expired at " + expires + " (the hub's time is " + now + ", allowed clock skew "
                    + allowedSkew.toSeconds() + " s)");
        }
    }

    private static byte[] signedContent(JsonNode envelope) {
        try {
            return SigningString.signedContent(envelope);
        } catch (IllegalArgumentException e) {
            throw invalid("header and message cannot be canonicalised for verification: " + e.getMessage());
        }
    }

    private static boolean verifies(PublicKey key, DciSignature signature, byte[] signingString) {
        try {
            Signature ed25519 = Signature.getInstance(Ed25519Keys.ALGORITHM);
            ed25519.initVerify(key);
            ed25519.update(signingString);
            return ed25519.verify(signature.signature());
        } catch (GeneralSecurityException e) {
            // a registered key was checked at start-up, so this is a malformed signature value
            return false;
        }
    }

    private static DciRejection invalid(String message) {
        return new DciRejection(DciReasonCode.SIGNATURE_INVALID, message);
    }
}
