package org.esphub.dci.signature;

import java.security.PublicKey;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The signing public keys registered per DCI sender_id, each under the key id the sender puts in
 * {@code kidId}. A sender may have several keys at once, so it can roll a key over without a
 * moment in which its messages fail. Immutable.
 */
public final class SenderKeys {

    private final Map<String, Map<String, PublicKey>> keys;

    private SenderKeys(Map<String, Map<String, PublicKey>> keys) {
        this.keys = keys;
    }

    /** @param keys sender_id → key id → public key */
    public static SenderKeys of(Map<String, Map<String, PublicKey>> keys) {
        Map<String, Map<String, PublicKey>> copy = new HashMap<>();
        keys.forEach((sender, senderKeys) -> copy.put(sender, Map.copyOf(senderKeys)));
        return new SenderKeys(Map.copyOf(copy));
    }

    public Optional<PublicKey> find(String senderId, String keyId) {
        return Optional.ofNullable(keys.getOrDefault(senderId, Map.of()).get(keyId));
    }

    public boolean hasKeysFor(String senderId) {
        return !keys.getOrDefault(senderId, Map.of()).isEmpty();
    }
}
