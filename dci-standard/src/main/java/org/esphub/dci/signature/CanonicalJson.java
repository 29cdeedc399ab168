package org.esphub.dci.signature;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The JSON Canonicalization Scheme (JCS, RFC 8785): one byte sequence per JSON value, whatever
 * whitespace, key order or number spelling the sender or any relay used.
 *
 * <p>Signatures are made over these bytes rather than over the text as received, so a message
 * stays verifiable after a gateway, a broker bridge or a store-and-forward hop re-serialises it.
 * JCS has libraries in every mainstream language, so agencies need not copy this class.
 *
 * <p>Rules: object members sorted by their names' UTF-16 code units, no whitespace, strings
 * escaped as ECMAScript's {@code JSON.stringify} does, numbers as IEEE-754 doubles written as
 * ECMAScript's {@code Number.prototype.toString} does. Values JCS cannot represent (numbers
 * outside the double range, strings with lone surrogates) are refused.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    /** The UTF-8 bytes of {@code value} in canonical form. */
    public static byte[] bytes(JsonNode value) {
        return text(value).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The canonical form as text.
     *
     * @throws IllegalArgumentException naming the JSON path of a value JCS cannot represent
     */
    public static String text(JsonNode value) {
        StringBuilder out = new StringBuilder();
        write(value, "$", out);
        return out.toString();
    }

    private static void write(JsonNode value, String path, StringBuilder out) {
        switch (value.getNodeType()) {
            case OBJECT -> writeObject(value, path, out);
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < value.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(value.get(i), path + "[" + i + "]", out);
                }
                out.append(']');
            }
            case STRING -> writeString(value.textValue(), path, out);
            case NUMBER -> out.append(number(value.doubleValue(), path));
            case BOOLEAN -> out.append(value.booleanValue());
            case NULL -> out.append("null");
            default -> throw new IllegalArgumentException(path + " is a " + value.getNodeType()
                    + " value, which JSON cannot carry");
        }
    }

    private static void writeObject(JsonNode object, String path, StringBuilder out) {
        List<Map.Entry<String, JsonNode>> members = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        fields.forEachRemaining(members::add);
        // String.compareTo compares UTF-16 code units, exactly the order RFC 8785 prescribes
        members.sort(Map.Entry.comparingByKey());
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, JsonNode> member : members) {
            if (!first) {
                out.append(',');
            }
            first = false;
            String memberPath = path + "." + member.getKey();
            writeString(member.getKey(), memberPath, out);
            out.append(':');
            write(member.getValue(), memberPath, out);
        }
        out.append('}');
    }

    private static void writeString(String text, String path, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        throw new IllegalArgumentException(path + " holds a lone UTF-16 surrogate, which RFC 8785 "
                                + "cannot canonicalise");
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** ECMAScript's Number::toString for a finite double (ECMA-262, 6.1.6.1.20). */
    static String number(double value, String path) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(path + " is a number outside the IEEE-754 double range, which "
                    + "RFC 8785 cannot canonicalise; send it as a string");
        }
        if (value == 0) {
            return "0"; // also for -0
        }
        BigDecimal shortest = shortestRoundTrip(Math.abs(value)).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        int n = k - shortest.scale(); // value = 0.digits × 10^n
        StringBuilder out = new StringBuilder(value < 0 ? "-" : "");
        if (k <= n && n <= 21) {
            out.append(digits).append("0".repeat(n - k));
        } else if (0 < n && n <= 21) {
            out.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            out.append("0.").append("0".repeat(-n)).append(digits);
        } else {
            int exponent = n - 1;
            out.append(digits.charAt(0));
            if (k > 1) {
                out.append('.').append(digits, 1, k);
            }
            out.append('e').append(exponent < 0 ? '-' : '+').append(Math.abs(exponent));
        }
        return out.toString();
    }

    /**
     * The decimal with the fewest significant digits that reads back as {@code value}; among
     * several with that many digits, the one closest to {@code value}. (Java 17's
     * {@code Double.toString} is not always the shortest, so it cannot be used here.)
     */
    private static BigDecimal shortestRoundTrip(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal best = null;
            for (RoundingMode mode : new RoundingMode[] {RoundingMode.HALF_EVEN, RoundingMode.FLOOR,
                    RoundingMode.CEILING}) {
                BigDecimal candidate = exact.round(new MathContext(precision, mode));
                if (candidate.doubleValue() == value && (best == null
                        || candidate.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0)) {
                    best = candidate;
                }
            }
            if (best != null) {
                return best;
            }
        }
        return exact.round(MathContext.DECIMAL64); // 17 digits always round-trip; not reached
    }
}
