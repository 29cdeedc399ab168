package org.esphub.dci.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.esphub.dci.DciReasonCode;
import org.esphub.dci.DciRejection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The verifier against envelopes signed as an agency signs them (with {@link DciSigner}). */
class DciSignatureVerifierTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    private static final Duration SKEW = Duration.ofSeconds(60);
    private static final Duration VALIDITY = Duration.ofMinutes(5);
    private static final String SA = "sa.gov.example";
    private static final String PES = "pes.gov.example";

    private static KeyPair saKey;
    private static KeyPair pesKey;
    private static DciSignatureVerifier verifier;

    @BeforeAll
    static void registerKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        saKey = generator.generateKeyPair();
        pesKey = generator.generateKeyPair();
        verifier = new DciSignatureVerifier(SenderKeys.of(Map.of(
                SA, Map.of("k1", saKey.getPublic()),
                PES, Map.of("p1", pesKey.getPublic()))),
                Clock.fixed(NOW, ZoneOffset.UTC), SKEW);
    }

    private static ObjectNode referral() throws Exception {
        return (ObjectNode) MAPPER.readTree(Files.readString(Path.of("../samples/referral.json")));
    }

    private static ObjectNode signed(ObjectNode envelope, String sender, String keyId, KeyPair key,
            SignatureDigest digest, Instant created, Instant expires) {
        ObjectNode copy = envelope.deepCopy();
        copy.put("signature", new DciSigner(sender, keyId, key.getPrivate(), digest)
                .signature(envelope, created, expires));
        return copy;
    }

    private static ObjectNode signedBySa(ObjectNode envelope) {
        return signed(envelope, SA, "k1", saKey, SignatureDigest.BLAKE_512, NOW, NOW.plus(VALIDITY));
    }

    private static DciRejection rejectionOf(ObjectNode envelope) {
        DciRejection rejection = catchThrowableOfType(DciRejection.class, () -> verifier.verifyIfSigned(envelope));
        assertThat(rejection).as("rejected").isNotNull();
        assertThat(rejection.getReasonCode()).isEqualTo(DciReasonCode.SIGNATURE_INVALID);
        return rejection;
    }

    @Test
    void a_good_blake_512_signature_verifies_and_names_the_key() throws Exception {
        VerifiedSignature verified = verifier.verifyIfSigned(signedBySa(referral())).orElseThrow();

        assertThat(verified.senderId()).isEqualTo(SA);
        assertThat(verified.keyId()).isEqualTo("k1");
        assertThat(verified.digest()).isEqualTo(SignatureDigest.BLAKE_512);
        assertThat(verified.expires()).isEqualTo(NOW.plus(VALIDITY));
    }

    @Test
    void a_good_sha_256_signature_verifies_too() throws Exception {
        ObjectNode envelope = signed(referral(), SA, "k1", saKey, SignatureDigest.SHA_256, NOW, NOW.plus(VALIDITY));

        assertThat(verifier.verifyIfSigned(envelope).orElseThrow().digest()).isEqualTo(SignatureDigest.SHA_256);
    }

    @Test
    void a_signed_message_still_verifies_after_a_relay_reorders_and_reformats_it() throws Exception {
        ObjectNode envelope = signedBySa(referral());
        String reformatted = "{\n  \"message\" : " + MAPPER.writerWithDefaultPrettyPrinter()
                .writeValueAsString(envelope.get("message")) + ",\n  \"signature\" : "
                + MAPPER.writeValueAsString(envelope.get("signature")) + ",\n  \"header\" : "
                + envelope.get("header") + "\n}";

        assertThat(verifier.verifyIfSigned(MAPPER.readTree(reformatted))).isPresent();
    }

    @Test
    void an_unsigned_or_blank_signature_is_reported_as_absent_not_refused() throws Exception {
        ObjectNode blank = referral().put("signature", " ");

        assertThat(verifier.verifyIfSigned(referral())).isEmpty();
        assertThat(verifier.verifyIfSigned(blank)).isEmpty();
    }

    @Test
    void a_message_changed_after_signing_is_refused() throws Exception {
        ObjectNode tamperedItem = signedBySa(referral());
        ((ObjectNode) tamperedItem.at("/message/referral_request/0")).put("person_id", "10000000099");
        ObjectNode tamperedHeader = signedBySa(referral());
        ((ObjectNode) tamperedHeader.get("header")).put("total_count", 2);

        assertThat(rejectionOf(tamperedItem).getMessage())
                .contains("signature does not verify with key 'k1' of sender 'sa.gov.example'");
        assertThat(rejectionOf(tamperedHeader).getMessage()).contains("does not verify");
    }

    @Test
    void a_signature_made_with_another_key_than_the_one_it_names_is_refused() throws Exception {
        ObjectNode envelope = signed(referral(), SA, "k1", pesKey, SignatureDigest.BLAKE_512, NOW,
                NOW.plus(VALIDITY));

        assertThat(rejectionOf(envelope).getMessage()).contains("does not verify with key 'k1'");
    }

    @Test
    void an_expired_signature_is_refused_but_one_within_the_clock_skew_is_accepted() throws Exception {
        Instant created = NOW.minus(Duration.ofMinutes(10));
        ObjectNode expired = signed(referral(), SA, "k1", saKey, SignatureDigest.BLAKE_512, created,
                NOW.minus(SKEW).minusSeconds(1));
        ObjectNode justExpired = signed(referral(), SA, "k1", saKey, SignatureDigest.BLAKE_512, created,
                NOW.minus(SKEW));

        assertThat(rejectionOf(expired).getMessage()).contains("signature expired at 2026-11-25T08:58:59Z");
        assertThat(verifier.verifyIfSigned(justExpired)).isPresent();
    }

    @Test
    void a_signature_created_in_the_future_is_refused_but_a_clock_slightly_ahead_is_accepted() throws Exception {
        ObjectNode future = signed(referral(), SA, "k1", saKey, SignatureDigest.BLAKE_512,
                NOW.plus(SKEW).plusSeconds(1), NOW.plus(Duration.ofHours(1)));
        ObjectNode slightlyAhead = signed(referral(), SA, "k1", saKey, SignatureDigest.BLAKE_512,
                NOW.plus(SKEW), NOW.plus(Duration.ofHours(1)));

        assertThat(rejectionOf(future).getMessage()).contains("signature was created in the future");
        assertThat(verifier.verifyIfSigned(slightlyAhead)).isPresent();
    }

    @Test
    void expires_must_come_after_created() throws Exception {
        ObjectNode envelope = signed(referral(), SA, "k1", saKey, SignatureDigest.BLAKE_512, NOW, NOW);

        assertThat(rejectionOf(envelope).getMessage()).contains("is not after its created time");
    }

    @Test
    void a_key_id_not_registered_for_the_sender_is_refused() throws Exception {
        ObjectNode envelope = signed(referral(), SA, "k9", saKey, SignatureDigest.BLAKE_512, NOW, NOW.plus(VALIDITY));

        assertThat(rejectionOf(envelope).getMessage()).isEqualTo("key 'k9' is not registered for sender 'sa.gov.example'");
    }

    @Test
    void a_sender_without_registered_keys_is_refused() throws Exception {
        ObjectNode envelope = referral();
        ((ObjectNode) envelope.get("header")).put("sender_id", "tvet.example.org");
        ObjectNode signed = signed(envelope, "tvet.example.org", "t1", saKey, SignatureDigest.BLAKE_512, NOW,
                NOW.plus(VALIDITY));

        assertThat(rejectionOf(signed).getMessage()).isEqualTo("sender 'tvet.example.org' has no registered signing keys");
    }

    @Test
    void a_kid_naming_another_sender_is_refused_even_with_that_senders_valid_key() throws Exception {
        ObjectNode envelope = signed(referral(), PES, "p1", pesKey, SignatureDigest.BLAKE_512, NOW,
                NOW.plus(VALIDITY));

        assertThat(rejectionOf(envelope).getMessage())
                .contains("kidId names sender 'pes.gov.example' but header.sender_id is 'sa.gov.example'");
    }

    @Test
    void a_malformed_signature_string_is_refused_as_invalid() throws Exception {
        ObjectNode envelope = referral().put("signature", "Signature: namespace=\"spdci\", kidId=");

        assertThat(rejectionOf(envelope).getMessage()).startsWith("signature is malformed");
    }
}
