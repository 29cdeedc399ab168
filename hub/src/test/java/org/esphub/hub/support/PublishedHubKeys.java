package org.esphub.hub.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.esphub.dci.signature.DciSignature;
import org.esphub.dci.signature.DciSignatureVerifier;
import org.esphub.dci.signature.Ed25519Keys;
import org.esphub.dci.signature.SenderKeys;
import org.esphub.dci.signature.SignatureDigest;
import org.esphub.dci.signature.SigningString;
import org.esphub.hub.signing.HubKeysController;

/**
 * The hub's signing keys as a receiver learns them, from {@code GET /.well-known/dci-keys} without
 * credentials, and the checks a receiver makes with them and nothing else: a DCI callback's
 * envelope {@code signature}, a webhook's {@code X-DCI-Signature} over the raw body.
 */
public final class PublishedHubKeys {

    private final Map<String, Map<String, PublicKey>> keys;

    private PublishedHubKeys(Map<String, Map<String, PublicKey>> keys) {
        this.keys = keys;
    }

    public static PublishedHubKeys fetch(HubClient hub) {
        JsonNode document = hub.raw().get().uri(HubKeysController.PATH).retrieve().body(JsonNode.class);
        Map<String, Map<String, PublicKey>> keys = new HashMap<>();
        for (JsonNode key : document.path("keys")) {
            keys.computeIfAbsent(key.path("sender_id").asText(), sender -> new HashMap<>())
                    .put(key.path("kid").asText(), Ed25519Keys.publicKey(key.path("public_key").asText()));
        }
        if (keys.isEmpty()) {
            throw new AssertionError("the hub publishes no signing keys: " + document);
        }
        return new PublishedHubKeys(keys);
    }

    /** @throws AssertionError unless the envelope carries a signature by a published key that verifies */
    public void verifyCallback(JsonNode envelope) {
        DciSignatureVerifier verifier = new DciSignatureVerifier(SenderKeys.of(keys), Clock.systemUTC(),
                Duration.ofSeconds(5));
        try {
            if (verifier.verifyIfSigned(envelope).isEmpty()) {
                throw new AssertionError("the callback is not signed: " + envelope);
            }
        } catch (RuntimeException e) {
            throw new AssertionError("the callback's signature does not verify: " + e.getMessage(), e);
        }
    }

    /** @throws AssertionError unless the header is a signature of exactly these bytes by a published key */
    public void verifyWebhook(byte[] body, String signatureHeader) {
        if (signatureHeader == null) {
            throw new AssertionError("the webhook carries no X-DCI-Signature");
        }
        DciSignature signature = DciSignature.parse(signatureHeader);
        PublicKey key = keys.getOrDefault(signature.senderId(), Map.of()).get(signature.keyId());
        if (key == null) {
            throw new AssertionError("the webhook is signed with " + signature.kidId() + ", which is not published");
        }
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(key);
            ed25519.update(SigningString.of(signature.created(), signature.expires(), SignatureDigest.BLAKE_512, body));
            if (!ed25519.verify(signature.signature())) {
                throw new AssertionError("the webhook's X-DCI-Signature does not verify over its body");
            }
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
