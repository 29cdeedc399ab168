package org.esphub.dci.signature;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Known answers for the exact bytes an agency must sign, computed independently with Node.js
 * ({@code crypto.createHash('blake2b512' | 'sha256')}), so an implementation in any language can
 * be checked against them.
 */
class SigningStringTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ENVELOPE = """
            {"signature": "ignored: never part of what is signed",
             "message": {"note": "Zo\\u00eb"},
             "header": {"total_count": 1.0, "sender_id": "sa.gov.example"}}""";

    @Test
    void blake_512_is_blake2b_with_a_64_byte_output() {
        assertThat(HexFormat.of().formatHex(SignatureDigest.BLAKE_512.digest("abc".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
                        + "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923");
    }

    @Test
    void the_signed_content_is_the_canonical_header_and_message_without_the_signature() throws Exception {
        assertThat(new String(SigningString.signedContent(MAPPER.readTree(ENVELOPE)), StandardCharsets.UTF_8))
                .isEqualTo("{\"header\":{\"sender_id\":\"sa.gov.example\",\"total_count\":1},\"message\":{\"note\":\"Zoë\"}}");
    }

    @Test
    void the_signing_string_has_created_expires_and_the_digest_line_in_that_order() throws Exception {
        byte[] content = SigningString.signedContent(MAPPER.readTree(ENVELOPE));

        assertThat(new String(SigningString.of(1606970629L, 1607030629L, SignatureDigest.BLAKE_512, content),
                StandardCharsets.US_ASCII)).isEqualTo("(created): 1606970629\n(expires): 1607030629\n"
                + "digest: BLAKE-512=UK4tX3SihFOc2APTPUoiNlVApmsF0nNqzUraBN77P054BnjQoJe3znwI/YyHMj0vQWSZ9SBNdluZgpyW0EDrZQ==");
        assertThat(new String(SigningString.of(1606970629L, 1607030629L, SignatureDigest.SHA_256, content),
                StandardCharsets.US_ASCII)).endsWith("\ndigest: SHA-256=AgoirZ2Th0md/F85VDBWfefYdFmqjO5d++8ZzEIvHGo=");
    }
}
