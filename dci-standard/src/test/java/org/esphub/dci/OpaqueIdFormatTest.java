package org.esphub.dci;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpaqueIdFormatTest {

    @ParameterizedTest
    @ValueSource(strings = {"10000000001", "P-1001", "SLOT_7", "a.b", "x", "...a", "-1",
            "0123456789012345678901234567890123456789012345678901234567890123"})
    void national_sp_and_provider_ids_are_usable(String id) {
        assertThat(OpaqueIdFormat.isUsable(id)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {".", "..", "...", "-", "_.-", "", " ", "a/b", "../admin", "%2e%2e", "{{env:HOME}}",
            "1?httpMethod=DELETE", "1#x", "a b", "a\nb", "ä", "1;x", "a:b", "a\\b",
            "01234567890123456789012345678901234567890123456789012345678901234"})
    void ids_that_could_steer_an_agency_url_or_name_nothing_are_refused(String id) {
        assertThat(OpaqueIdFormat.isUsable(id)).isFalse();
    }

    @Test
    void no_id_is_refused() {
        assertThat(OpaqueIdFormat.isUsable(null)).isFalse();
    }
}
