package org.esphub.hub.signatures;

import java.security.PublicKey;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.esphub.dci.signature.Ed25519Keys;
import org.esphub.dci.signature.SenderKeys;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code esp.signatures}: the agencies' registered signing keys and who must sign.
 *
 * <p>Checked while binding, so a key that does not decode, a key registered twice or a sender
 * required to sign without any key stops the hub at start-up with the offending entry named,
 * rather than refusing every message of that agency later.
 *
 * @param clockSkew how far an agency's clock may be off when checking created/expires
 * @param maxValidity the longest a signature may be valid ({@code expires - created}): a signature
 *     cannot be made to last for years and be replayed all that time
 * @param requiredForAll every sender must sign on every channel, except the {@code exemptSenders}
 *     (the production profile sets it)
 * @param exemptSenders DCI sender_ids that need not sign although {@code requiredForAll} is set
 * @param requiredClients OAuth2 clients whose API requests must be signed
 * @param requiredSenders DCI sender_ids whose messages must be signed on every channel (API and queues)
 * @param keys the registered public keys, each under its sender and key id
 */
@ConfigurationProperties("esp.signatures")
public record SignatureProperties(
        @DefaultValue("60s") Duration clockSkew,
        @DefaultValue("24h") Duration maxValidity,
        @DefaultValue("false") boolean requiredForAll,
        @DefaultValue List<String> exemptSenders,
        @DefaultValue List<String> requiredClients,
        @DefaultValue List<String> requiredSenders,
        @DefaultValue List<RegisteredKey> keys) {

    private static final String PREFIX = "esp.signatures.";

    public SignatureProperties {
        if (clockSkew.isNegative()) {
            throw new IllegalArgumentException(PREFIX + "clock-skew must not be negative: " + clockSkew);
        }
        if (maxValidity.isNegative() || maxValidity.isZero()) {
            throw new IllegalArgumentException(PREFIX + "max-validity must be positive: " + maxValidity);
        }
        if (!requiredForAll && !exemptSenders.isEmpty()) {
            throw new IllegalArgumentException(PREFIX + "exempt-senders " + exemptSenders + " only means something"
                    + " with " + PREFIX + "required-for-all: true");
        }
        for (String exempt : exemptSenders) {
            if (requiredSenders.contains(exempt)) {
                throw new IllegalArgumentException(PREFIX + "'" + exempt + "' is both in required-senders and in"
                        + " exempt-senders");
            }
        }
        Set<String> registered = new HashSet<>();
        for (int i = 0; i < keys.size(); i++) {
            RegisteredKey key = keys.get(i);
            String where = PREFIX + "keys[" + i + "]";
            if (isBlank(key.senderId()) || isBlank(key.keyId())) {
                throw new IllegalArgumentException(where + " needs a sender-id and a key-id");
            }
            if (key.keyId().contains("|")) {
                throw new IllegalArgumentException(where + ": key-id '" + key.keyId()
                        + "' may not contain '|', the kidId separator");
            }
            if (!registered.add(key.senderId() + "|" + key.keyId())) {
                throw new IllegalArgumentException(where + ": key '" + key.keyId() + "' of sender '"
                        + key.senderId() + "' is registered twice");
            }
            try {
                Ed25519Keys.publicKey(key.publicKey());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": public-key of key '" + key.keyId() + "' of sender '"
                        + key.senderId() + "' is " + e.getMessage());
            }
        }
        for (String sender : requiredSenders) {
            if (keys.stream().noneMatch(key -> sender.equals(key.senderId()))) {
                throw new IllegalArgumentException(PREFIX + "required-senders names '" + sender
                        + "' but no key is registered for it under " + PREFIX + "keys; none of its messages could pass");
            }
        }
        exemptSenders = List.copyOf(exemptSenders);
        requiredClients = List.copyOf(requiredClients);
        requiredSenders = List.copyOf(requiredSenders);
        keys = List.copyOf(keys);
    }

    /** The registered keys, decoded (they were checked when bound). */
    public SenderKeys senderKeys() {
        Map<String, Map<String, PublicKey>> bySender = new HashMap<>();
        for (RegisteredKey key : keys) {
            bySender.computeIfAbsent(key.senderId(), sender -> new HashMap<>())
                    .put(key.keyId(), Ed25519Keys.publicKey(key.publicKey()));
        }
        return SenderKeys.of(bySender);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /**
     * @param senderId the DCI header.sender_id the key signs for
     * @param keyId the second part of the kidId the sender puts in its signatures
     * @param publicKey Ed25519 public key: base64 X.509 SubjectPublicKeyInfo, PEM, or base64 of the raw 32 bytes
     */
    public record RegisteredKey(String senderId, String keyId, String publicKey) {
    }
}
