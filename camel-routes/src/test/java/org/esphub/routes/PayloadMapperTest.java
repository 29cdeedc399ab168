package org.esphub.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PayloadMapperTest {

    private final PayloadMapper mapper = new PayloadMapper();

    @Test
    void a_payload_holds_every_variable_in_snake_case_for_the_gate_to_cut_down() {
        Map<String, Object> variables = Map.of("referenceId", "REF-1", "personId", "P-1", "pesCaseNumber", "PES-9");

        Map<String, Object> payload = mapper.toPayload(variables);

        assertThat(payload).containsOnly(entry("pes_case_number", "PES-9"), entry("person_id", "P-1"),
                entry("reference_id", "REF-1"));
    }

    @Test
    void a_payload_leaves_out_fields_without_a_value() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("referenceId", "REF-1");
        variables.put("notes", null);

        Map<String, Object> payload = mapper.toPayload(variables);

        assertThat(payload).containsOnly(entry("reference_id", "REF-1"));
    }

    @Test
    void variables_are_read_only_for_the_named_fields_in_camel_case() {
        Map<String, Object> payload = Map.of("given_name", "Ana", "benefit_end_date", "2026-12-31", "household_size", 4);

        Map<String, Object> variables = mapper.toVariables(payload, "given_name,benefit_end_date");

        assertThat(variables).containsOnly(entry("givenName", "Ana"), entry("benefitEndDate", "2026-12-31"));
    }

    @Test
    void a_named_field_the_agency_did_not_send_becomes_a_null_variable_so_no_stale_value_survives() {
        Map<String, Object> variables = mapper.toVariables(Map.of("given_name", "Ana"), "given_name,work_able");

        assertThat(variables).containsOnly(entry("givenName", "Ana"), entry("workAble", null));
    }

    @Test
    void no_payload_at_all_yields_null_for_every_named_variable() {
        assertThat(mapper.toVariables(null, "given_name")).containsOnly(entry("givenName", null));
        assertThat(mapper.renameToVariables(null, "case_number:pesCaseNumber")).containsOnly(entry("pesCaseNumber", null));
    }

    @Test
    void renamed_fields_land_in_the_variable_named_after_the_colon_and_others_in_camel_case() {
        Map<String, Object> payload = Map.of("case_number", "PES-77", "office_id", "O-3", "registered_at", "2026-03-02");

        Map<String, Object> variables = mapper.renameToVariables(payload, "case_number:pesCaseNumber, office_id");

        assertThat(variables).containsOnly(entry("pesCaseNumber", "PES-77"), entry("officeId", "O-3"));
    }

    @Test
    void a_date_leaves_as_an_iso_8601_instant_in_utc_not_as_epoch_milliseconds() {
        Map<String, Object> variables = Map.of("appealDeadline", Date.from(Instant.parse("2026-04-01T09:15:00Z")));

        Map<String, Object> payload = mapper.toPayload(variables);

        assertThat(payload).containsOnly(entry("appeal_deadline", "2026-04-01T09:15:00Z"));
    }

    @Test
    void a_json_variable_leaves_as_the_json_it_holds_not_as_a_string_or_a_tree_object() throws Exception {
        JsonNode checklist = new ObjectMapper().readTree("[\"TRAINING_ALLOWANCE\",\"CHILDCARE\"]");
        JsonNode record = new ObjectMapper().readTree("{\"months\":[75,50],\"taper\":true}");

        Map<String, Object> payload = mapper.toPayload(Map.of("requestedBenefits", checklist, "schedule", record));

        assertThat(payload).containsOnly(
                entry("requested_benefits", List.of("TRAINING_ALLOWANCE", "CHILDCARE")),
                entry("schedule", Map.of("months", List.of(75, 50), "taper", true)));
    }

    @Test
    void other_values_leave_as_they_are() {
        Map<String, Object> variables = Map.of("hoursPerWeek", 38L, "workAble", true, "monthlyWage", 1450.5, "outcome", "PLACED");

        Map<String, Object> payload = mapper.toPayload(variables);

        assertThat(payload).containsOnly(entry("hours_per_week", 38L), entry("work_able", true),
                entry("monthly_wage", 1450.5), entry("outcome", "PLACED"));
    }

    @Test
    void a_flag_told_by_the_answers_status_is_added_to_a_copy_of_the_reply() {
        Map<String, Object> reply = Map.of("slotId", "SLOT-7");

        Map<String, Object> variables = mapper.withFlag(reply, "slotReserved", true);

        assertThat(variables).containsOnly(entry("slotId", "SLOT-7"), entry("slotReserved", true));
        assertThat(reply).containsOnlyKeys("slotId");
    }

    @Test
    void a_dci_amount_becomes_a_number_the_rules_can_compute_with() {
        Map<String, Object> noBenefit = new HashMap<>();
        noBenefit.put("monthlyBenefitAmount", null);

        assertThat(mapper.withAmountAsNumber(Map.of("monthlyBenefitAmount", "245.00"), "monthlyBenefitAmount"))
                .containsOnly(entry("monthlyBenefitAmount", 245.0));
        assertThat(mapper.withAmountAsNumber(noBenefit, "monthlyBenefitAmount"))
                .containsOnly(entry("monthlyBenefitAmount", null));
        assertThatThrownBy(() -> mapper.withAmountAsNumber(Map.of("monthlyBenefitAmount", "a lot"), "monthlyBenefitAmount"))
                .isInstanceOf(AgencyCallFailed.class).hasMessageContaining("a lot");
    }
}
