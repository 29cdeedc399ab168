package org.esphub.hub.signing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.esphub.dci.signature.DciSignature;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The hub's public signing keys, for anyone who receives its callbacks and webhooks: a JWK set
 * (RFC 7517, Ed25519 as OKP per RFC 8037) whose entries also carry what a DCI verifier needs —
 * the sender_id, the kidId the signatures name, and the key as base64 SubjectPublicKeyInfo.
 * Not {@code /.well-known/jwks.json}: those are the OAuth2 issuer's token keys.
 */
@RestController
public class HubKeysController {

    public static final String PATH = "/.well-known/dci-keys";

    private final HubSigningKey key;

    public HubKeysController(HubSigningKey key) {
        this.key = key;
    }

    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> keys() {
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "OKP");
        jwk.put("crv", "Ed25519");
        jwk.put("x", key.rawPublicKeyBase64Url());
        jwk.put("kid", key.keyId());
        jwk.put("use", "sig");
        jwk.put("alg", "EdDSA");
        jwk.put("sender_id", key.senderId());
        jwk.put("kid_id", key.senderId() + "|" + key.keyId() + "|" + DciSignature.ALGORITHM);
        jwk.put("public_key", key.publicKeyBase64());
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(Map.of("keys", List.of(jwk)));
    }
}
