package org.esphub.dci.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * RFC 8785 canonical JSON. Expected values are the RFC's own examples and, for numbers, what
 * ECMAScript's {@code String(Number(x))} gives (checked with Node.js), which JCS prescribes.
 */
class CanonicalJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static String canonical(String json) throws Exception {
        return CanonicalJson.text(MAPPER.readTree(json));
    }

    @Test
    void the_rfc_8785_example_canonicalises_as_the_rfc_shows() throws Exception {
        String input = """
                {
                  "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
                  "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
                  "literals": [null, true, false]
                }""";

        assertThat(canonical(input)).isEqualTo(
                "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                        + "\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
    }

    @Test
    void members_are_sorted_by_utf16_code_units_as_in_the_rfc_example() throws Exception {
        String input = """
                {"\\u20ac": "Euro Sign", "\\r": "Carriage Return", "\\ufb33": "Hebrew Letter Dalet With Dagesh",
                 "1": "One", "\\ud83d\\ude00": "Emoji: Grinning Face", "\\u0080": "Control",
                 "\\u00f6": "Latin Small Letter O With Diaeresis"}""";

        assertThat(MAPPER.readTree(canonical(input)).properties().stream().map(e -> e.getValue().asText()))
                .containsExactly("Carriage Return", "One", "Control", "Latin Small Letter O With Diaeresis",
                        "Euro Sign", "Emoji: Grinning Face", "Hebrew Letter Dalet With Dagesh");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "0, 0",
            "-0, 0",
            "5e-324, 5e-324",
            "-5e-324, -5e-324",
            "1.7976931348623157e308, 1.7976931348623157e+308",
            "9007199254740992, 9007199254740992",
            "-9007199254740992, -9007199254740992",
            "295147905179352830000, 295147905179352830000",
            "9.999999999999997e22, 9.999999999999997e+22",
            "1e23, 1e+23",
            "1.0000000000000001e23, 1.0000000000000001e+23",
            "999999999999999700000, 999999999999999700000",
            "1e21, 1e+21",
            "0.000001, 0.000001",
            "0.0000001, 1e-7",
            "4.50, 4.5",
            "100, 100",
            "-1.5, -1.5",
            "0.1, 0.1",
            "2.82879384806159e17, 282879384806159000",
            "1.2345e-5, 0.000012345",
            "123e18, 123000000000000000000",
            "1234567e15, 1.234567e+21"
    })
    void numbers_are_written_as_ecmascript_writes_doubles(String json, String expected) throws Exception {
        assertThat(canonical(json)).isEqualTo(expected);
    }

    @Test
    void whitespace_member_order_and_number_spelling_do_not_change_the_bytes() throws Exception {
        String compact = "{\"b\":[1,2.5,\"x\"],\"a\":{\"d\":true,\"c\":null}}";
        String spread = """
                {
                    "a": { "c": null,  "d": true },
                    "b": [ 1.0, 25e-1, "x" ]
                }""";

        assertThat(CanonicalJson.bytes(MAPPER.readTree(spread))).isEqualTo(CanonicalJson.bytes(MAPPER.readTree(compact)));
        assertThat(canonical(spread)).isEqualTo("{\"a\":{\"c\":null,\"d\":true},\"b\":[1,2.5,\"x\"]}");
    }

    @Test
    void control_characters_are_escaped_in_lowercase_hex_and_other_text_is_kept_as_utf8() throws Exception {
        assertThat(canonical("\"tab\\there \\u0001 \\u001F Zo\\u00eb\"")).isEqualTo("\"tab\\there \\u0001 \\u001f Zoë\"");
    }

    @Test
    void a_lone_surrogate_is_refused_with_its_path() {
        ObjectNode value = MAPPER.createObjectNode();
        value.putObject("header").put("note", "broken \ud800 text");

        assertThatThrownBy(() -> CanonicalJson.text(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("$.header.note").hasMessageContaining("surrogate");
    }

    @Test
    void a_number_beyond_the_double_range_is_refused_with_its_path() {
        assertThatThrownBy(() -> canonical("{\"total\": [1e400]}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("$.total[0]");
    }
}
