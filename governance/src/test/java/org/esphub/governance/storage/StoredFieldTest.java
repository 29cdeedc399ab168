package org.esphub.governance.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Values checked against their columns before they are stored, and the hub's own text fitted to them. */
class StoredFieldTest {

    @Test
    void a_value_fits_when_it_is_within_the_limit_in_utf16_units_and_has_only_allowed_characters() {
        assertThat(StoredField.TRANSACTION_ID.fits("T".repeat(99))).isTrue();
        assertThat(StoredField.TRANSACTION_ID.fits("T".repeat(100))).isFalse();
        // 50 emoji are 50 characters for PostgreSQL but 100 UTF-16 units for H2: refused on both
        assertThat(StoredField.TRANSACTION_ID.fits("\uD83D\uDE00".repeat(50))).isFalse();
        assertThat(StoredField.CONSENT_GIVEN_BY.fits("MSG-\u0000")).as("NUL, which PostgreSQL refuses").isFalse();
        assertThat(StoredField.CONSENT_GIVEN_BY.fits("MSG-\uD83D")).as("a lone surrogate").isFalse();
        assertThat(StoredField.CONSENT_GIVEN_BY.fits("MSG-\u00e9\uD83D\uDE00")).isTrue();
        assertThat(StoredField.CORRELATION_ID.fits("a b")).as("a header id has no spaces").isFalse();
        assertThat(StoredField.WITHDRAWAL_REASON.fits("line one\nline two")).isTrue();
        assertThat(StoredField.MESSAGE_ID.fits(null)).isTrue();
    }

    @Test
    void an_agency_id_is_letters_digits_and_a_few_separators_so_it_reads_as_nothing_else() {
        assertThat(StoredField.MESSAGE_ID.fits("MSG-2026.12:06_1")).isTrue();
        assertThat(StoredField.REFERENCE_ID.fits("5f0c1e9a-7c1b-4c53-9c8e-0d7f1a2b3c4d")).isTrue();
        for (String odd : new String[] {"..", ".", "-1", "{{env:HOME}}", "1?httpMethod=DELETE", "%2e%2e", "a/b",
                "#{7*7}", "${jndi:ldap://x}", "1;DROP TABLE esp_consent", "<script>", "a b", "", "MSG-\u00e9"}) {
            assertThat(StoredField.MESSAGE_ID.fits(odd)).as(odd).isFalse();
        }
    }

    @Test
    void the_problem_names_the_field_and_the_limit_but_never_repeats_a_long_value() {
        String problem = StoredField.CORRELATION_ID.problem("X-Correlation-ID", "c".repeat(300));

        assertThat(problem).isEqualTo("X-Correlation-ID: at most 64 characters, visible ASCII characters (no spaces)"
                + " (300 given)");
        assertThat(StoredField.CORRELATION_ID.problem("X-Correlation-ID", "ok-1")).isNull();
    }

    @Test
    void fitted_text_is_never_longer_than_its_column_keeps_pairs_whole_and_stays_distinct_and_repeatable() {
        String long1 = "\uD83D\uDE00".repeat(200) + "a";
        String long2 = "\uD83D\uDE00".repeat(200) + "b";

        String fitted = StoredField.AUDIT_CORRELATION_ID.fit(long1);

        assertThat(fitted).hasSizeBetween(254, 255).contains("...#");
        assertThat(StoredField.CONSENT_GIVEN_BY.fits(fitted)).as("no lone surrogate left").isTrue();
        assertThat(fitted).isEqualTo(StoredField.AUDIT_CORRELATION_ID.fit(long1));
        assertThat(fitted).isNotEqualTo(StoredField.AUDIT_CORRELATION_ID.fit(long2));
        assertThat(StoredField.AUDIT_REASON.fit("a\u0000b\uD83D")).isEqualTo("a\uFFFDb\uFFFD");
        assertThat(StoredField.AUDIT_REASON.fit("short")).isEqualTo("short");
    }
}
