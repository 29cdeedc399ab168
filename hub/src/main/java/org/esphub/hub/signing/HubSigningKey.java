package org.esphub.hub.signing;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;

/**
 * The hub's signing key pair as loaded at start-up.
 *
 * @param senderId the hub's DCI sender_id, the first part of its signatures' kidId
 * @param keyId the second part of the kidId, as published
 */
public record HubSigningKey(String senderId, String keyId, PrivateKey privateKey, PublicKey publicKey) {

    /** base64 of the X.509 SubjectPublicKeyInfo: what {@code esp.signatures.keys[].public-key} takes. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    /** The raw 32 public key bytes, base64url without padding: a JWK's {@code x} (RFC 8037). */
    public String rawPublicKeyBase64Url() {
        byte[] spki = publicKey.getEncoded();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOfRange(spki, spki.length - 32,
                spki.length));
    }

    @Override
    public String toString() {
        // never the private key, not even in a debug log
        return "HubSigningKey[" + senderId + "|" + keyId + "]";
    }
}
