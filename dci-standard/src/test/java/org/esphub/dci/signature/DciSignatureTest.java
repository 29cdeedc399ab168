package org.esphub.dci.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Base64;
import org.esphub.dci.DciReasonCode;
import org.esphub.dci.DciRejection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DciSignatureTest {

    private static final String SIGNATURE = Base64.getEncoder().encodeToString(new byte[64]);

    private static String header(String kid, String created, String expires, String headers, String signature) {
        return "Signature: namespace=\"spdci\", kidId=\"" + kid + "\", algorithm=\"ed25519\", created=\"" + created
                + "\", expires=\"" + expires + "\", headers=\"" + headers + "\", signature=\"" + signature + "\"";
    }

    private static DciRejection rejectionOf(String text) {
        return catchThrowableOfType(DciRejection.class, () -> DciSignature.parse(text));
    }

    @Test
    void the_standards_example_layout_is_read_with_its_kid_parts_and_times() {
        DciSignature signature = DciSignature.parse("Signature: \n    namespace=\"spdci\",\n"
                + "    kidId=\"sa.gov.example|demo-2026|ed25519\",\n    algorithm=\"ed25519\",\n"
                + "    created=\"1606970629\",\n    expires=\"1607030629\",\n"
                + "    headers=\"(created) (expires) digest\",\n    signature=\"" + SIGNATURE + "\"");

        assertThat(signature.senderId()).isEqualTo("sa.gov.example");
        assertThat(signature.keyId()).isEqualTo("demo-2026");
        assertThat(signature.created()).isEqualTo(1606970629L);
        assertThat(signature.expires()).isEqualTo(1607030629L);
        assertThat(signature.signature()).hasSize(64);
    }

    @Test
    void becknstyle_keyid_bare_numbers_and_no_prefix_are_read_too() {
        DciSignature signature = DciSignature.parse("keyId=\"pes.gov.example|k1|ed25519\",algorithm=\"ed25519\","
                + "created=1700000000,expires=1700003600,headers=\"(created)  (expires) digest\",signature=\""
                + SIGNATURE + "\"");

        assertThat(signature.kidId()).isEqualTo("pes.gov.example|k1|ed25519");
        assertThat(signature.expires()).isEqualTo(1700003600L);
    }

    @Test
    void format_writes_what_parse_reads() {
        DciSignature original = new DciSignature("sa.gov.example", "demo-2026", 1700000000L, 1700000300L,
                new byte[64]);

        DciSignature read = DciSignature.parse(original.format());

        assertThat(read.kidId()).isEqualTo(original.kidId());
        assertThat(read.created()).isEqualTo(original.created());
        assertThat(read.expires()).isEqualTo(original.expires());
        assertThat(read.signature()).isEqualTo(original.signature());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "not name=value pairs; garbage without pairs; expected name=\"value\"",
            "no kidId; algorithm=\"ed25519\", created=\"1\", expires=\"2\", headers=\"(created) (expires) digest\", "
                    + "signature=\"AA==\"; no kidId parameter",
            "unterminated quote; kidId=\"a|b|ed25519, algorithm=\"ed25519\"; expected name=\"value\""
    })
    void text_that_is_not_a_signature_string_is_malformed(String why, String text, String problem) {
        DciRejection rejection = rejectionOf(text);

        assertThat(rejection.getReasonCode()).isEqualTo(DciReasonCode.SIGNATURE_INVALID);
        assertThat(rejection.getMessage()).startsWith("signature is malformed").contains(problem);
    }

    @Test
    void a_kid_that_is_not_three_parts_is_malformed() {
        assertThat(rejectionOf(header("sa.gov.example|demo-2026", "1", "2", "(created) (expires) digest", SIGNATURE))
                .getMessage()).contains("kidId 'sa.gov.example|demo-2026' is not {sender_id}|{key_id}|{algorithm}");
    }

    @Test
    void another_algorithm_is_refused() {
        assertThat(rejectionOf(header("sa.gov.example|k|rsa-sha256", "1", "2", "(created) (expires) digest",
                SIGNATURE)).getMessage()).contains("kidId names algorithm 'rsa-sha256'");
        assertThat(rejectionOf(header("sa.gov.example|k|ed25519", "1", "2", "(created) (expires) digest", SIGNATURE)
                .replace("algorithm=\"ed25519\"", "algorithm=\"hmac-sha256\"")).getMessage())
                .contains("algorithm is 'hmac-sha256'");
    }

    @Test
    void a_header_list_without_the_digest_is_refused_because_it_would_not_cover_the_message() {
        assertThat(rejectionOf(header("sa.gov.example|k|ed25519", "1", "2", "(created) (expires)", SIGNATURE))
                .getMessage()).contains("headers is '(created) (expires)'");
    }

    @Test
    void times_must_be_unix_seconds() {
        assertThat(rejectionOf(header("sa.gov.example|k|ed25519", "2026-11-25T09:00:00Z", "2",
                "(created) (expires) digest", SIGNATURE)).getMessage())
                .contains("created is '2026-11-25T09:00:00Z'; it must be Unix time in seconds");
    }

    @Test
    void the_signature_value_must_be_64_bytes_of_base64() {
        assertThat(rejectionOf(header("sa.gov.example|k|ed25519", "1", "2", "(created) (expires) digest",
                "Base64(signing content)")).getMessage()).contains("not base64");
        assertThat(rejectionOf(header("sa.gov.example|k|ed25519", "1", "2", "(created) (expires) digest",
                "AAAA")).getMessage()).contains("holds 3 bytes");
    }

    @Test
    void a_parameter_given_twice_is_refused() {
        assertThat(rejectionOf(header("a|b|ed25519", "1", "2", "(created) (expires) digest", SIGNATURE)
                + ", created=\"5\"").getMessage()).contains("parameter created is given twice");
    }
}
