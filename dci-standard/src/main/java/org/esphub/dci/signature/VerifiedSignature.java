package org.esphub.dci.signature;

import java.time.Instant;

/** A signature that verified: whose key signed, with which digest, and for how long it is valid. */
public record VerifiedSignature(String senderId, String keyId, SignatureDigest digest, Instant created,
        Instant expires) {
}
