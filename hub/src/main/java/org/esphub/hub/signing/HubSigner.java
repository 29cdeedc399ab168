package org.esphub.hub.signing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.esphub.dci.signature.DciSignature;
import org.esphub.dci.signature.DciSigner;
import org.esphub.dci.signature.Ed25519Keys;
import org.esphub.dci.signature.SignatureDigest;
import org.esphub.dci.signature.SigningString;

/**
 * Signs what the hub sends with its own key, in the standard's {@code MsgSignature} format, so a
 * receiver can check that a callback or webhook comes from the hub and was not changed on the way,
 * with the key published at {@code /.well-known/dci-keys}.
 *
 * <ul>
 *   <li>A DCI envelope (callbacks): its {@code signature} field, over the RFC 8785 canonical JSON of
 *       {@code {header, message}}, exactly as agencies sign what they send the hub (ADR 0015).</li>
 *   <li>Any other body (webhook events, which are not envelopes): the same signature string, in the
 *       header {@link #BODY_SIGNATURE_HEADER}, with the exact body bytes as signed content.</li>
 * </ul>
 * The digest line is {@code BLAKE-512}, what DCI tooling expects. Thread-safe.
 */
public class HubSigner {

    /** Carries the hub's signature of a webhook body. */
    public static final String BODY_SIGNATURE_HEADER = "X-DCI-Signature";
    private static final SignatureDigest DIGEST = SignatureDigest.BLAKE_512;

    private final HubSigningKey key;
    private final DciSigner envelopeSigner;
    private final Duration validity;
    private final Clock clock;

    public HubSigner(HubSigningKey key, Duration validity, Clock clock) {
        this.key = key;
        this.envelopeSigner = new DciSigner(key.senderId(), key.keyId(), key.privateKey(), DIGEST);
        this.validity = validity;
        this.clock = clock;
    }

    /** A copy of the envelope with the hub's signature in {@code signature}. */
    public ObjectNode signedEnvelope(ObjectNode envelope) {
        ObjectNode unsigned = envelope.deepCopy();
        unsigned.remove("signature");
        return envelopeSigner.signed(unsigned, clock.instant(), validity);
    }

    /** The value of {@link #BODY_SIGNATURE_HEADER} for exactly these body bytes. */
    public String bodySignature(byte[] body) {
        Instant created = clock.instant();
        long from = created.getEpochSecond();
        long until = created.plus(validity).getEpochSecond();
        try {
            Signature ed25519 = Signature.getInstance(Ed25519Keys.ALGORITHM);
            ed25519.initSign(key.privateKey());
            ed25519.update(SigningString.of(from, until, DIGEST, body));
            return new DciSignature(key.senderId(), key.keyId(), from, until, ed25519.sign()).format();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the hub could not sign with " + key, e);
        }
    }

    public HubSigningKey key() {
        return key;
    }
}
