package org.esphub.hub.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import org.esphub.dci.signature.DciSignature;
import org.esphub.dci.signature.DciSignatureVerifier;
import org.esphub.dci.signature.Ed25519Keys;
import org.esphub.dci.signature.SenderKeys;
import org.esphub.dci.signature.SignatureDigest;
import org.esphub.dci.signature.SigningString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hub's own signatures, checked as a receiver checks them: with the published public key only. */
class HubSignerTest {

    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    @Test
    void a_callback_envelope_signed_by_the_hub_verifies_with_its_public_key_as_the_standard_says() throws Exception {
        HubSigner signer = signerWith(generatedKey());
        ObjectNode envelope = (ObjectNode) JSON.readTree("""
                {"header": {"sender_id": "esp-hub", "action": "on-create-referral"},
                 "message": {"referral_response": [{"reference_id": "REF-1", "status": "succ"}]}}""");

        ObjectNode signed = signer.signedEnvelope(envelope);

        DciSignatureVerifier receiver = new DciSignatureVerifier(SenderKeys.of(Map.of("esp-hub",
                Map.of(signer.key().keyId(), Ed25519Keys.publicKey(signer.key().publicKeyBase64())))),
                Clock.fixed(NOW.plusSeconds(30), ZoneOffset.UTC), Duration.ZERO);
        assertThat(receiver.verifyIfSigned(signed)).get().satisfies(v -> {
            assertThat(v.digest()).isEqualTo(SignatureDigest.BLAKE_512);
            assertThat(v.keyId()).isEqualTo(signer.key().keyId());
        });
        ObjectNode tampered = signed.deepCopy();
        ((ObjectNode) tampered.at("/message/referral_response/0")).put("status", "rjct");
        assertThatThrownBy(() -> receiver.verifyIfSigned(tampered)).hasMessageContaining("does not verify");
    }

    @Test
    void a_webhook_body_signature_verifies_over_the_exact_bytes() throws Exception {
        HubSigner signer = signerWith(generatedKey());
        byte[] body = "{\"event\":\"referral_created\",\"data\":{}}".getBytes(StandardCharsets.UTF_8);

        DciSignature signature = DciSignature.parse(signer.bodySignature(body));

        assertThat(signature.senderId()).isEqualTo("esp-hub");
        assertThat(signature.expires() - signature.created()).isEqualTo(300);
        PublicKey published = Ed25519Keys.publicKey(signer.key().publicKeyBase64());
        assertThat(verifies(published, signature, body)).isTrue();
        assertThat(verifies(published, signature, "{\"event\":\"referral_updated\",\"data\":{}}"
                .getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    @Test
    void the_demo_key_is_generated_once_and_kept() {
        Path file = data.resolve("keys/hub.pem");
        HubSigningProperties demo = new HubSigningProperties(null, file, null, Duration.ofMinutes(5));

        HubSigningKey first = HubSigningKeyLoader.load(demo, "esp-hub");
        HubSigningKey again = HubSigningKeyLoader.load(demo, "esp-hub");

        assertThat(file).exists();
        assertThat(again.publicKeyBase64()).isEqualTo(first.publicKeyBase64());
        assertThat(again.keyId()).isEqualTo(first.keyId()).startsWith("hub-");
        assertThat(first.toString()).doesNotContain(Base64.getEncoder().encodeToString(first.privateKey().getEncoded()));
    }

    @Test
    void a_configured_key_is_used_and_its_public_half_derived() throws Exception {
        var pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String pkcs8 = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());

        HubSigningKey key = HubSigningKeyLoader.load(new HubSigningProperties(pkcs8, null, "prod-2026",
                Duration.ofMinutes(5)), "esp-hub");

        assertThat(key.keyId()).isEqualTo("prod-2026");
        assertThat(key.publicKey().getEncoded()).isEqualTo(pair.getPublic().getEncoded());
    }

    @Test
    void without_a_key_the_hub_does_not_start() {
        assertThatThrownBy(() -> new HubSigningProperties(" ", null, null, Duration.ofMinutes(5)))
                .hasMessageContaining("esp.hub.signing.private-key is required");
        assertThatThrownBy(() -> HubSigningKeyLoader.load(new HubSigningProperties("bm90IGEga2V5", null, null,
                Duration.ofMinutes(5)), "esp-hub")).hasMessageContaining("esp.hub.signing.private-key");
    }

    private HubSigningKey generatedKey() {
        return HubSigningKeyLoader.load(new HubSigningProperties(null, data.resolve("k.pem"), null,
                Duration.ofMinutes(5)), "esp-hub");
    }

    private static HubSigner signerWith(HubSigningKey key) {
        return new HubSigner(key, Duration.ofMinutes(5), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static boolean verifies(PublicKey key, DciSignature signature, byte[] body) throws Exception {
        Signature ed25519 = Signature.getInstance("Ed25519");
        ed25519.initVerify(key);
        ed25519.update(SigningString.of(signature.created(), signature.expires(), SignatureDigest.BLAKE_512, body));
        return ed25519.verify(signature.signature());
    }
}
