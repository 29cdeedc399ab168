package org.esphub.dci.signature;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/**
 * What an Ed25519 DCI signature signs, the same for signer and verifier.
 *
 * <p>The signed content is {@code {"header": <header>, "message": <message>}} in RFC 8785
 * canonical form (see {@link CanonicalJson}): the standard's "{header}+{message}", without the
 * {@code signature} field that will hold the result. The signing string then follows the
 * Beckn/HTTP-signature layout, lines joined by {@code \n}, no trailing newline, ASCII:
 *
 * <pre>
 * (created): 1606970629
 * (expires): 1607030629
 * digest: BLAKE-512=&lt;base64 BLAKE2b-512 of the signed content&gt;
 * </pre>
 *
 * ({@code SHA-256=} instead of {@code BLAKE-512=} is accepted too; see {@link SignatureDigest}).
 */
public final class SigningString {

    private SigningString() {
    }

    /** The canonical bytes of the envelope's header and message. */
    public static byte[] signedContent(JsonNode envelope) {
        ObjectNode content = JsonNodeFactory.instance.objectNode();
        content.set("header", envelope.path("header"));
        content.set("message", envelope.path("message"));
        return CanonicalJson.bytes(content);
    }

    /** The bytes the Ed25519 signature is made over. */
    public static byte[] of(long created, long expires, SignatureDigest digest, byte[] signedContent) {
        return ("(created): " + created + "\n(expires): " + expires + "\ndigest: "
                + digest.digestValue(signedContent)).getBytes(StandardCharsets.US_ASCII);
    }
}
