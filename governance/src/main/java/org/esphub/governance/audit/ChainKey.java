package org.esphub.governance.audit;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key that keys the chain head (HMAC-SHA256 over both ends of the chain). It comes from the
 * hub's configuration, never from the database the chain lives in: someone able to rewrite every
 * record and recompute every hash there still cannot make a head MAC that verifies.
 */
public final class ChainKey {

    /** Shorter keys are refused: the MAC is only as strong as the key. */
    public static final int MIN_LENGTH = 32;

    private final SecretKeySpec key;

    private ChainKey(byte[] secret) {
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /**
     * @param secret at least {@value #MIN_LENGTH} characters
     * @throws IllegalArgumentException if it is missing or shorter
     */
    public static ChainKey of(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("esp.governance.audit.chain-key is required (at least " + MIN_LENGTH
                    + " characters, e.g. from ESP_AUDIT_CHAIN_KEY): it keys the audit chain head, so the chain"
                    + " cannot be rewritten by someone who controls only the database");
        }
        if (secret.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("esp.governance.audit.chain-key must have at least " + MIN_LENGTH
                    + " characters");
        }
        return new ChainKey(secret.getBytes(StandardCharsets.UTF_8));
    }

    /** The MAC of the chain's two ends, hex. */
    String mac(ChainState chain) {
        String ends = "esp-audit-chain-head-v1\n" + chain.headSequence() + "\n" + chain.headHash() + "\n"
                + chain.anchorSequence() + "\n" + chain.anchorHash();
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            return HexFormat.of().formatHex(hmac.doFinal(ends.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    /** Whether the chain's recorded MAC is the one this key gives (compared in constant time). */
    boolean verifies(ChainState chain) {
        return chain.headMac() != null && MessageDigest.isEqual(mac(chain).getBytes(StandardCharsets.US_ASCII),
                chain.headMac().getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "ChainKey[hidden]";
    }
}
