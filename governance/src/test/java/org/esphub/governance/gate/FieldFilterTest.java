package org.esphub.governance.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Minimisation: only the agreement's field paths survive, and every removed path is reported. */
class FieldFilterTest {

    @Test
    void top_level_fields_outside_the_list_are_removed_and_reported() {
        FieldFilter.Filtered filtered = FieldFilter.apply(
                map("person_id", "P1", "vulnerability_percentile", 30, "household_size", 5, "household_members",
                        List.of(map("name", "A"))),
                List.of("person_id", "vulnerability_percentile"));

        assertThat(filtered.payload()).containsOnly(entry("person_id", "P1"), entry("vulnerability_percentile", 30));
        assertThat(filtered.removed()).containsExactly("household_size", "household_members");
    }

    @Test
    void a_dotted_path_keeps_one_field_of_an_object_and_a_plain_path_keeps_it_whole() {
        FieldFilter.Filtered filtered = FieldFilter.apply(
                map("employment_details", map("employer_name", "ACME", "employment_type", "FULL_TIME"),
                        "program_participation", map("active_programs", List.of("JOB_CLUB"))),
                List.of("employment_details.employment_type", "program_participation"));

        assertThat(filtered.payload()).containsOnly(
                entry("employment_details", map("employment_type", "FULL_TIME")),
                entry("program_participation", map("active_programs", List.of("JOB_CLUB"))));
        assertThat(filtered.removed()).containsExactly("employment_details.employer_name");
    }

    @Test
    void a_dotted_path_applies_to_every_object_of_a_list() {
        FieldFilter.Filtered filtered = FieldFilter.apply(
                map("items", List.of(map("person_id", "P1", "phone", "1"), map("person_id", "P2", "phone", "2"))),
                List.of("items.person_id"));

        assertThat(filtered.payload()).containsOnly(entry("items", List.of(map("person_id", "P1"), map("person_id", "P2"))));
        assertThat(filtered.removed()).containsExactly("items.phone");
    }

    @Test
    void a_star_releases_the_payload_whole() {
        Map<String, Object> payload = map("anything", 1);

        assertThat(FieldFilter.apply(payload, List.of("*")).payload()).isEqualTo(payload);
    }

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
