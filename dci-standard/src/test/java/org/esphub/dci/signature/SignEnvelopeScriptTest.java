package org.esphub.dci.signature;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/SignEnvelope.java} (the JDK-only signer the README shows agencies) produces
 * signatures this module's verifier accepts, also for content whose canonical form differs from
 * the input text (escapes, non-ASCII, number spellings, member order).
 */
class SignEnvelopeScriptTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path SCRIPT = Path.of("../scripts/SignEnvelope.java");

    @TempDir
    Path work;

    @Test
    void the_jdk_only_signing_script_signs_what_the_verifier_accepts() throws Exception {
        KeyPair key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path keyFile = work.resolve("agency.pem");
        Files.writeString(keyFile, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(key.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        ObjectNode envelope = (ObjectNode) MAPPER.readTree(Files.readString(Path.of("../samples/referral.json")));
        ((ObjectNode) envelope.get("header")).put("total_count", 1.0);
        ((ObjectNode) envelope.at("/message/referral_request/0")).put("notes", "Zoë \"quoted\"\n\ttab \u0001 € 😀");
        Path input = work.resolve("referral.json");
        Files.writeString(input, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(envelope)
                .replace("\"total_count\" : 1.0", "\"total_count\" : 10E-1"));
        assertThat(Files.readString(input)).as("a number spelled unlike its canonical form").contains("10E-1");

        Process signing = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                SCRIPT.toString(), "--key", keyFile.toString(), "--key-id", "agency-1", input.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(signing.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(signing.waitFor(60, TimeUnit.SECONDS)).as("script finished").isTrue();
        assertThat(signing.exitValue()).isZero();

        JsonNode signed = MAPPER.readTree(output);
        DciSignatureVerifier verifier = new DciSignatureVerifier(
                SenderKeys.of(Map.of("sa.gov.example", Map.of("agency-1", key.getPublic()))),
                Clock.systemUTC(), Duration.ofSeconds(60));
        VerifiedSignature verified = verifier.verifyIfSigned(signed).orElseThrow();
        assertThat(verified.digest()).isEqualTo(SignatureDigest.SHA_256);
        assertThat(verified.keyId()).isEqualTo("agency-1");
        assertThat(signed.at("/message/referral_request/0/notes").asText()).isEqualTo("Zoë \"quoted\"\n\ttab \u0001 € 😀");
    }
}
