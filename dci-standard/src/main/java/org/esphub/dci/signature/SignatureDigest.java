package org.esphub.dci.signature;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * The digest of the signed content that the signing string's {@code digest:} line carries,
 * named as in HTTP {@code Digest} headers: {@code BLAKE-512=<base64>} or {@code SHA-256=<base64>}.
 *
 * <p>BLAKE-512 (BLAKE2b with a 64-byte output) is what Beckn-derived DCI tooling sends. SHA-256
 * is accepted as well because the JDK has it built in, so an agency can sign with nothing but a
 * Java runtime (see {@code scripts/SignEnvelope.java}).
 */
public enum SignatureDigest {

    BLAKE_512("BLAKE-512") {
        @Override
        byte[] digest(byte[] content) {
            Blake2bDigest blake = new Blake2bDigest(512);
            blake.update(content, 0, content.length);
            byte[] out = new byte[blake.getDigestSize()];
            blake.doFinal(out, 0);
            return out;
        }
    },
    SHA_256("SHA-256") {
        @Override
        byte[] digest(byte[] content) {
            try {
                return MessageDigest.getInstance("SHA-256").digest(content);
            } catch (NoSuchAlgorithmException e) {
                // every Java runtime must provide SHA-256
                throw new IllegalStateException("SHA-256 is not available", e);
            }
        }
    };

    private final String label;

    SignatureDigest(String label) {
        this.label = label;
    }

    /** The name in the digest line, e.g. {@code BLAKE-512}. */
    public String label() {
        return label;
    }

    abstract byte[] digest(byte[] content);

    /** {@code <label>=<base64 digest of content>}, the value of the signing string's digest line. */
    public String digestValue(byte[] content) {
        return label + "=" + Base64.getEncoder().encodeToString(digest(content));
    }
}
