package org.esphub.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InsuredEmploymentCheckTest {

    private final InsuredEmploymentCheck check = new InsuredEmploymentCheck();

    @Test
    void a_spell_without_end_date_is_open_from_its_start_date_on() {
        Map<String, Object> record = record(spell("2026-05-04", null));

        assertThat(check.onDate(record, "2026-05-03")).containsEntry("insuredEmploymentFound", false);
        assertThat(check.onDate(record, "2026-05-04")).containsEntry("insuredEmploymentFound", true);
        assertThat(check.onDate(record, "2030-01-01")).containsEntry("insuredEmploymentFound", true);
    }

    @Test
    void an_ended_spell_counts_up_to_and_including_its_end_date() {
        Map<String, Object> record = record(spell("2025-01-01", "2025-06-30"));

        assertThat(check.onDate(record, "2025-06-30")).containsEntry("insuredEmploymentFound", true);
        assertThat(check.onDate(record, "2025-07-01")).containsEntry("insuredEmploymentFound", false);
    }

    @Test
    void no_spells_and_no_record_both_mean_no_insured_employment() {
        assertThat(check.onDate(record(), "2026-05-04")).containsEntry("insuredEmploymentFound", false);
        assertThat(check.onDate(null, "2026-05-04")).containsEntry("insuredEmploymentFound", false);
    }

    @Test
    void a_missing_or_malformed_check_date_is_refused() {
        assertThatThrownBy(() -> check.onDate(record(), null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> check.onDate(record(), "4 May 2026")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4 May 2026");
    }

    @Test
    void an_unreadable_answer_is_an_agency_fault() {
        assertThatThrownBy(() -> check.onDate(Map.of("employments", "none"), "2026-05-04"))
                .isInstanceOf(AgencyCallFailed.class);
        assertThatThrownBy(() -> check.onDate(record(spell(null, null)), "2026-05-04"))
                .isInstanceOf(AgencyCallFailed.class).hasMessageContaining("start_date");
        assertThatThrownBy(() -> check.onDate(record(spell("2026-05-04", "soon")), "2026-05-04"))
                .isInstanceOf(AgencyCallFailed.class).hasMessageContaining("end_date");
    }

    @SafeVarargs
    private static Map<String, Object> record(Map<String, Object>... spells) {
        return Map.of("person_id", "10000000001", "employments", List.of(spells));
    }

    private static Map<String, Object> spell(String start, String end) {
        Map<String, Object> spell = new HashMap<>();
        spell.put("employer_name", "EMP-4");
        spell.put("start_date", start);
        spell.put("end_date", end);
        return spell;
    }
}
