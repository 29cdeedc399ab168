package org.esphub.hub.signatures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
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
import java.util.Base64;
import java.util.List;
import org.esphub.dci.DciReasonCode;
import org.esphub.dci.DciRejection;
import org.esphub.dci.signature.DciSignatureVerifier;
import org.esphub.dci.signature.DciSigner;
import org.esphub.dci.signature.SignatureDigest;
import org.esphub.hub.signatures.SignatureProperties.RegisteredKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who must sign: the calling client (API) or the sender (every channel); a signature that is
 * present is checked whoever sent it.
 */
class MessageSignaturesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SA = "sa.gov.example";
    private static final String PES = "pes.gov.example";

    private static KeyPair pesKey;
    private static MessageSignatures signatures;

    @BeforeAll
    static void configure() throws Exception {
        pesKey = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        SignatureProperties properties = new SignatureProperties(Duration.ofSeconds(60), Duration.ofHours(24), false,
                List.of(), List.of("sa-signing-system"),
                List.of(PES), List.of(new RegisteredKey(PES, "p1",
                        Base64.getEncoder().encodeToString(pesKey.getPublic().getEncoded()))));
        signatures = new MessageSignatures(new DciSignatureVerifier(properties.senderKeys(), Clock.systemUTC(),
                properties.clockSkew()), properties);
    }

    private static ObjectNode referralFrom(String senderId) throws Exception {
        ObjectNode envelope = (ObjectNode) MAPPER.readTree(Files.readString(Path.of("../samples/referral.json")));
        ((ObjectNode) envelope.get("header")).put("sender_id", senderId);
        return envelope;
    }

    private static DciRejection rejection(Runnable check) {
        DciRejection rejection = catchThrowableOfType(DciRejection.class, check::run);
        assertThat(rejection).as("rejected").isNotNull();
        return rejection;
    }

    @Test
    void an_unsigned_envelope_passes_where_nobody_requires_a_signature() throws Exception {
        ObjectNode envelope = referralFrom(SA);

        assertThatCode(() -> signatures.checkApiRequest(envelope, "sa-system")).doesNotThrowAnyException();
        assertThatCode(() -> signatures.checkQueueMessage(envelope)).doesNotThrowAnyException();
    }

    @Test
    void a_client_that_must_sign_is_refused_without_a_signature_naming_the_setting() throws Exception {
        ObjectNode envelope = referralFrom(SA);

        DciRejection rejection = rejection(() -> signatures.checkApiRequest(envelope, "sa-signing-system"));

        assertThat(rejection.getReasonCode()).isEqualTo(DciReasonCode.SIGNATURE_MISSING);
        assertThat(rejection.getMessage()).isEqualTo("the envelope has no signature, but client 'sa-signing-system' "
                + "must sign its requests (esp.signatures.required-clients)");
    }

    @Test
    void a_sender_that_must_sign_is_refused_without_a_signature_on_the_queue_and_the_api() throws Exception {
        ObjectNode envelope = referralFrom(PES);

        for (DciRejection rejection : List.of(rejection(() -> signatures.checkQueueMessage(envelope)),
                rejection(() -> signatures.checkApiRequest(envelope, "pes-system")))) {
            assertThat(rejection.getReasonCode()).isEqualTo(DciReasonCode.SIGNATURE_MISSING);
            assertThat(rejection.getMessage()).contains("sender 'pes.gov.example' must sign its messages");
        }
    }

    @Test
    void a_sender_that_must_sign_passes_with_a_valid_signature() throws Exception {
        ObjectNode signed = new DciSigner(PES, "p1", pesKey.getPrivate(), SignatureDigest.BLAKE_512)
                .signed(referralFrom(PES), Instant.now(), Duration.ofMinutes(5));

        assertThatCode(() -> signatures.checkQueueMessage(signed)).doesNotThrowAnyException();
    }

    @Test
    void a_signature_that_does_not_verify_is_refused_even_where_signing_is_optional() throws Exception {
        ObjectNode signed = new DciSigner(SA, "unknown", pesKey.getPrivate(), SignatureDigest.BLAKE_512)
                .signed(referralFrom(SA), Instant.now(), Duration.ofMinutes(5));

        DciRejection rejection = rejection(() -> signatures.checkApiRequest(signed, "sa-system"));

        assertThat(rejection.getReasonCode()).isEqualTo(DciReasonCode.SIGNATURE_INVALID);
        assertThat(rejection.getMessage()).isEqualTo("sender 'sa.gov.example' has no registered signing keys");
    }

    /** The production setting: everyone signs unless exempted. */
    private static MessageSignatures requiredForAllExcept(String... exempt) {
        SignatureProperties properties = new SignatureProperties(Duration.ofSeconds(60), Duration.ofMinutes(10), true,
                List.of(exempt), List.of(), List.of(), List.of(new RegisteredKey(PES, "p1",
                        Base64.getEncoder().encodeToString(pesKey.getPublic().getEncoded()))));
        return new MessageSignatures(new DciSignatureVerifier(properties.senderKeys(), Clock.systemUTC(),
                properties.clockSkew(), properties.maxValidity()), properties);
    }

    @Test
    void where_every_sender_must_sign_an_unsigned_message_is_refused_unless_its_sender_is_exempted() throws Exception {
        MessageSignatures production = requiredForAllExcept("legacy.gov.example");

        ObjectNode unsigned = referralFrom(SA);
        DciRejection queue = rejection(() -> production.checkQueueMessage(unsigned));
        DciRejection api = rejection(() -> production.checkApiRequest(unsigned, "sa-system"));

        assertThat(queue.getReasonCode()).isEqualTo(DciReasonCode.SIGNATURE_MISSING);
        assertThat(api.getReasonCode()).isEqualTo(DciReasonCode.SIGNATURE_MISSING);
        assertThat(queue.getMessage()).contains("esp.signatures.required-for-all", "'sa.gov.example'");
        ObjectNode exempted = referralFrom("legacy.gov.example");
        assertThatCode(() -> production.checkQueueMessage(exempted)).doesNotThrowAnyException();
        ObjectNode signed = new DciSigner(PES, "p1", pesKey.getPrivate(), SignatureDigest.SHA_256)
                .signed(referralFrom(PES), Instant.now(), Duration.ofMinutes(5));
        assertThatCode(() -> production.checkQueueMessage(signed)).doesNotThrowAnyException();
    }

    @Test
    void a_signature_valid_for_longer_than_the_hub_accepts_is_refused() throws Exception {
        ObjectNode longLived = new DciSigner(PES, "p1", pesKey.getPrivate(), SignatureDigest.SHA_256)
                .signed(referralFrom(PES), Instant.now(), Duration.ofDays(3650));

        DciRejection rejection = rejection(() -> requiredForAllExcept().checkQueueMessage(longLived));

        assertThat(rejection.getReasonCode()).isEqualTo(DciReasonCode.SIGNATURE_INVALID);
        assertThat(rejection.getMessage()).contains("at most 600 s");
    }

    @Test
    void exempting_a_sender_without_requiring_everyone_is_a_start_up_error() {
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> new SignatureProperties(
                Duration.ofSeconds(60), Duration.ofHours(1), false, List.of("x"), List.of(), List.of(), List.of())))
                .hasMessageContaining("required-for-all");
    }
}
