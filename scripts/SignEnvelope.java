import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Signs a DCI envelope the way the hub verifies it, with nothing but a JDK (17+):
 *
 *   java scripts/SendReferral.java --print > /tmp/referral.json          # a fresh referral, not sent
 *   java scripts/SignEnvelope.java --key scripts/demo-keys/sa.gov.example-demo-2026.pem \
 *        --key-id demo-2026 /tmp/referral.json > /tmp/signed.json
 *   java scripts/SendReferral.java --file /tmp/signed.json --as-is      # to the queue, or POST it to the API
 *
 * What is signed (README, "Message signatures"; ADR 0015): the RFC 8785 canonical JSON of
 * {"header": ..., "message": ...}; its SHA-256 goes into the signing string
 *   (created): <unix seconds>\n(expires): <unix seconds>\ndigest: SHA-256=<base64>
 * which is signed with Ed25519. The kidId is <header.sender_id>|<key id>|ed25519. (The hub also
 * accepts BLAKE-512 digests, which need a library the JDK does not have.)
 *
 * Options: --key FILE (PKCS#8 PEM or base64, or base64 of the raw 32-byte seed), --key-id ID
 * (the id the hub registered the public key under), --valid SECONDS (300), the envelope file
 * (or - for standard input). The signed envelope goes to standard output; change nothing in it
 * afterwards, or the hub refuses it with err.signature.invalid.
 */
public class SignEnvelope {

    public static void main(String[] args) throws IOException, GeneralSecurityException {
        String keyFile = null;
        String keyId = null;
        long validSeconds = 300;
        String input = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--key" -> keyFile = args[++i];
                case "--key-id" -> keyId = args[++i];
                case "--valid" -> validSeconds = Long.parseLong(args[++i]);
                default -> input = args[i];
            }
        }
        if (keyFile == null || keyId == null || input == null) {
            System.err.println("usage: java scripts/SignEnvelope.java --key FILE --key-id ID [--valid SECONDS] "
                    + "ENVELOPE.json|-");
            System.exit(2);
        }
        String text = "-".equals(input) ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                : Files.readString(Path.of(input));
        Object parsed = new Json(text).document();
        if (!(parsed instanceof Map<?, ?> envelope) || !(envelope.get("header") instanceof Map<?, ?> header)
                || !(envelope.get("message") instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(input + " is not a DCI envelope with a header and a message object");
        }
        Object senderId = header.get("sender_id");
        if (!(senderId instanceof String)) {
            throw new IllegalArgumentException(input + " has no header.sender_id");
        }
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("header", envelope.get("header"));
        content.put("message", envelope.get("message"));
        byte[] canonical = Canonical.of(content).getBytes(StandardCharsets.UTF_8);

        long created = Instant.now().getEpochSecond();
        long expires = created + validSeconds;
        String signingString = "(created): " + created + "\n(expires): " + expires + "\ndigest: SHA-256="
                + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(canonical));
        Signature ed25519 = Signature.getInstance("Ed25519");
        ed25519.initSign(privateKey(Files.readString(Path.of(keyFile))));
        ed25519.update(signingString.getBytes(StandardCharsets.US_ASCII));
        String signature = "Signature: namespace=\"spdci\", kidId=\"" + senderId + "|" + keyId
                + "|ed25519\", algorithm=\"ed25519\", created=\"" + created + "\", expires=\"" + expires
                + "\", headers=\"(created) (expires) digest\", signature=\""
                + Base64.getEncoder().encodeToString(ed25519.sign()) + "\"";

        Map<String, Object> signed = new LinkedHashMap<>();
        envelope.forEach((name, value) -> signed.put((String) name, value));
        signed.put("signature", signature);
        // written canonically too: compact, and equal to what was signed whatever reads it next
        System.out.println(Canonical.of(signed));
    }

    /** PKCS#8 (PEM or base64 DER) or the raw 32-byte seed, as base64. */
    private static PrivateKey privateKey(String text) throws GeneralSecurityException {
        String base64 = text.replaceAll("(?s)^.*?-----BEGIN [A-Z ]+-----", "")
                .replaceAll("(?s)-----END [A-Z ]+-----.*$", "").replaceAll("\\s", "");
        byte[] bytes = Base64.getDecoder().decode(base64);
        if (bytes.length == 32) {
            byte[] prefix = HexFormat.of().parseHex("302e020100300506032b657004220420");
            byte[] der = Arrays.copyOf(prefix, prefix.length + 32);
            System.arraycopy(bytes, 0, der, prefix.length, 32);
            bytes = der;
        }
        return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(bytes));
    }

    /** A small JSON reader: objects as LinkedHashMap, arrays as List, numbers as BigDecimal. */
    static final class Json {
        private final String text;
        private int at;

        Json(String text) {
            this.text = text;
        }

        Object document() {
            Object value = value();
            space();
            if (at != text.length()) {
                throw error("text after the JSON value");
            }
            return value;
        }

        private Object value() {
            space();
            if (at >= text.length()) {
                throw error("unexpected end");
            }
            char c = text.charAt(at);
            if (c == '{') {
                Map<String, Object> object = new LinkedHashMap<>();
                at++;
                space();
                if (peek('}')) {
                    return object;
                }
                do {
                    space();
                    String name = string();
                    space();
                    expect(':');
                    if (object.containsKey(name)) {
                        throw error("member " + name + " given twice");
                    }
                    object.put(name, value());
                    space();
                } while (peek(','));
                expect('}');
                return object;
            }
            if (c == '[') {
                List<Object> array = new ArrayList<>();
                at++;
                space();
                if (peek(']')) {
                    return array;
                }
                do {
                    array.add(value());
                    space();
                } while (peek(','));
                expect(']');
                return array;
            }
            if (c == '"') {
                return string();
            }
            for (String literal : new String[] {"true", "false", "null"}) {
                if (text.startsWith(literal, at)) {
                    at += literal.length();
                    return literal.equals("null") ? null : Boolean.valueOf(literal);
                }
            }
            int start = at;
            while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            try {
                return new BigDecimal(text.substring(start, at));
            } catch (NumberFormatException e) {
                throw error("not a JSON value");
            }
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (at < text.length() && text.charAt(at) != '"') {
                char c = text.charAt(at++);
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = text.charAt(at++);
                switch (e) {
                    case 'b' -> out.append('\b');
                    case 't' -> out.append('\t');
                    case 'n' -> out.append('\n');
                    case 'f' -> out.append('\f');
                    case 'r' -> out.append('\r');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        at += 4;
                    }
                    default -> out.append(e); // \" \\ \/
                }
            }
            expect('"');
            return out.toString();
        }

        private void space() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private boolean peek(char c) {
            if (at < text.length() && text.charAt(at) == c) {
                at++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!peek(c)) {
                throw error("expected '" + c + "'");
            }
        }

        private IllegalArgumentException error(String problem) {
            return new IllegalArgumentException("not JSON at character " + at + ": " + problem);
        }
    }

    /** RFC 8785: sorted members, no whitespace, ECMAScript string escapes and number format. */
    static final class Canonical {

        static String of(Object value) {
            StringBuilder out = new StringBuilder();
            write(value, out);
            return out.toString();
        }

        private static void write(Object value, StringBuilder out) {
            if (value instanceof Map<?, ?> object) {
                // TreeMap orders String keys by UTF-16 code units, as RFC 8785 requires
                Map<String, Object> sorted = new TreeMap<>();
                object.forEach((name, member) -> sorted.put((String) name, member));
                out.append('{');
                String separator = "";
                for (Map.Entry<String, Object> member : sorted.entrySet()) {
                    out.append(separator);
                    string(member.getKey(), out);
                    out.append(':');
                    write(member.getValue(), out);
                    separator = ",";
                }
                out.append('}');
            } else if (value instanceof List<?> array) {
                out.append('[');
                for (int i = 0; i < array.size(); i++) {
                    out.append(i == 0 ? "" : ",");
                    write(array.get(i), out);
                }
                out.append(']');
            } else if (value instanceof String text) {
                string(text, out);
            } else if (value instanceof BigDecimal number) {
                out.append(number(number.doubleValue()));
            } else {
                out.append(value); // true, false, null
            }
        }

        private static void string(String text, StringBuilder out) {
            out.append('"');
            for (char c : text.toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\b' -> out.append("\\b");
                    case '\t' -> out.append("\\t");
                    case '\n' -> out.append("\\n");
                    case '\f' -> out.append("\\f");
                    case '\r' -> out.append("\\r");
                    default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
                }
            }
            out.append('"');
        }

        /** ECMAScript Number::toString of a double. */
        private static String number(double value) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("a number outside the double range cannot be signed");
            }
            if (value == 0) {
                return "0";
            }
            BigDecimal exact = new BigDecimal(Math.abs(value));
            BigDecimal shortest = null;
            for (int precision = 1; precision <= 17 && shortest == null; precision++) {
                for (RoundingMode mode : new RoundingMode[] {RoundingMode.HALF_EVEN, RoundingMode.FLOOR,
                        RoundingMode.CEILING}) {
                    BigDecimal candidate = exact.round(new MathContext(precision, mode));
                    if (candidate.doubleValue() == Math.abs(value) && (shortest == null
                            || candidate.subtract(exact).abs().compareTo(shortest.subtract(exact).abs()) < 0)) {
                        shortest = candidate;
                    }
                }
            }
            shortest = shortest.stripTrailingZeros();
            String digits = shortest.unscaledValue().toString();
            int k = digits.length();
            int n = k - shortest.scale();
            String sign = value < 0 ? "-" : "";
            if (k <= n && n <= 21) {
                return sign + digits + "0".repeat(n - k);
            }
            if (0 < n && n <= 21) {
                return sign + digits.substring(0, n) + "." + digits.substring(n);
            }
            if (-6 < n && n <= 0) {
                return sign + "0." + "0".repeat(-n) + digits;
            }
            String mantissa = k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mantissa + "e" + (n - 1 < 0 ? "-" : "+") + Math.abs(n - 1);
        }
    }
}
