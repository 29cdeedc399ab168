package org.esphub.hub.signing;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code esp.hub.signing}: the hub's own Ed25519 key, with which it signs every DCI callback and
 * webhook it sends (README "Message signatures", ADR 0024).
 *
 * @param privateKey the key: base64 or PEM of PKCS#8, or base64 of the raw 32-byte seed. Production
 *        takes it from the environment and cannot start without it.
 * @param generateInto where a hub without {@code private-key} keeps a key it generated on its first
 *        start (the demo profile: under ./data); never set in production
 * @param keyId the key id published and put in each signature's kidId; empty: derived from the
 *        public key, so a new key gets a new id
 * @param validity how long a signature is valid after it is made (expires = created + validity)
 */
@ConfigurationProperties("esp.hub.signing")
public record HubSigningProperties(
        String privateKey,
        Path generateInto,
        String keyId,
        @DefaultValue("5m") Duration validity) {

    public HubSigningProperties {
        boolean hasKey = privateKey != null && !privateKey.isBlank();
        if (!hasKey && generateInto == null) {
            throw new IllegalArgumentException("esp.hub.signing.private-key is required (the hub signs what it sends;"
                    + " in production set ESP_HUB_SIGNING_PRIVATE_KEY to a PKCS#8 Ed25519 key)");
        }
        if (keyId != null && (keyId.contains("|") || keyId.isBlank() && !keyId.isEmpty())) {
            throw new IllegalArgumentException("esp.hub.signing.key-id '" + keyId
                    + "' may not be blank or contain '|', the kidId separator");
        }
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("esp.hub.signing.validity must be positive: " + validity);
        }
    }

    boolean hasPrivateKey() {
        return privateKey != null && !privateKey.isBlank();
    }
}
