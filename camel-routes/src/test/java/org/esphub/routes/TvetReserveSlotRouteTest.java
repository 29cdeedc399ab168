package org.esphub.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Route {@code tvet-reserve-slot}: holds a place on the chosen programme, or learns there is none. */
class TvetReserveSlotRouteTest extends RouteTestSupport {

    private static final String TOPIC = "tvet.reserve-slot";
    private static final Map<String, Object> CONTEXT = handOffHeaders(TOPIC, "REF-11", "ReserveSlot");

    @BeforeEach
    void personConsented() {
        // pes-training-providers asks for the person's consent to this exchange
        governance.consentGivenBy("10000000001");
    }

    @Test
    void the_reservation_posts_the_choice_and_the_hold_as_json_with_the_hold_as_an_iso_instant() {
        agency.answers(201, "{\"slot_id\":\"SLOT-7\",\"status\":\"HELD\"}");

        handOff(TOPIC, variables(), CONTEXT);

        AgencyStandIn.Request request = agency.onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/tvet/reservations");
        assertThat(json(request.body())).containsOnly(
                entry("reference_id", "REF-11"),
                entry("person_id", "10000000001"),
                entry("provider_id", "TVET-NORTH"),
                entry("programme_id", "TVET-WELD-01"),
                entry("start_date", "2026-04-06"),
                entry("slot_held_until", "2026-03-09T09:15:00Z"));
    }

    @Test
    void the_reservation_carries_the_step_idempotency_key_and_the_correlation_id_and_no_hand_off_header() {
        agency.answers(201, "{\"slot_id\":\"SLOT-7\"}");

        handOff(TOPIC, variables(), CONTEXT);

        AgencyStandIn.Request request = agency.onlyRequest();
        assertThat(request.header("Idempotency-Key")).contains("REF-11:ReserveSlot:ai-1");
        assertThat(request.header("X-Correlation-ID")).contains("corr-REF-11");
        assertThat(request.headers().keySet()).noneMatch(RouteTestSupport::isHandOffHeader);
    }

    @ParameterizedTest(name = "HTTP {0}")
    // 201: held now; 200: the provider recognised the idempotency key of an earlier attempt
    @ValueSource(ints = {201, 200})
    void a_held_place_yields_slot_reserved_and_its_slot_id(int status) {
        agency.answers(status, "{\"slot_id\":\"SLOT-7\",\"status\":\"HELD\",\"seats_left\":3}",
                Map.of("EspBpmnErrorCode", "forged"));

        Exchange reply = handOff(TOPIC, variables(), CONTEXT);

        assertThat(reply.getException()).isNull();
        assertThat(reply.getMessage().getHeaders().keySet()).noneMatch(RouteTestSupport::isHandOffHeader);
        assertThat(reply.getMessage().getBody(Map.class)).containsOnly(
                entry("slotReserved", true),
                entry("slotId", "SLOT-7"),
                entry("noCapacityReason", null));
    }

    @ParameterizedTest(name = "HTTP {0} {1}")
    @CsvSource({"409,programme.full", "404,programme.unknown"})
    void no_place_is_an_expected_answer_with_the_providers_reason_for_the_counsellor(int status, String code) {
        agency.answers(status, "{\"error\":\"" + code + "\",\"message\":\"No seat left from 2026-04-06.\"}");

        Exchange reply = handOff(TOPIC, variables(), CONTEXT);

        assertThat(reply.getException()).isNull();
        assertThat(reply.getMessage().getHeader("EspBpmnErrorCode")).isNull();
        assertThat(reply.getMessage().getBody(Map.class)).containsOnly(
                entry("slotReserved", false),
                entry("slotId", null),
                entry("noCapacityReason", "No seat left from 2026-04-06."));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"case_number\":\"X\"}", "{\"slot_id\":\"\"}", "{\"slot_id\":\"../admin\"}"})
    void a_held_place_without_a_usable_slot_id_is_a_fault_since_nothing_could_confirm_or_release_it(String answer) {
        agency.answers(201, answer);

        Exchange reply = handOff(TOPIC, variables(), CONTEXT);

        assertThat(reply.getException()).isInstanceOf(AgencyCallFailed.class).hasMessageContaining("slot_id");
    }

    @Test
    void a_conflict_other_than_a_full_programme_is_a_fault_not_a_missing_place() {
        agency.answers(409, "{\"error\":\"idempotency.conflict\",\"message\":\"key reused\"}");

        Exchange reply = handOff(TOPIC, variables(), CONTEXT);

        assertThat(reply.getException()).isInstanceOf(AgencyCallFailed.class)
                .hasMessageContaining("409").hasMessageContaining("idempotency.conflict");
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {400, 422, 500, 503})
    void any_other_answer_is_a_technical_fault_to_retry(int status) {
        agency.answers(status, "{\"error\":\"whatever\"}");

        Exchange reply = handOff(TOPIC, variables(), CONTEXT);

        assertThat(reply.getException()).isInstanceOf(AgencyCallFailed.class).hasMessageContaining(String.valueOf(status));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileIds")
    void an_id_that_could_steer_a_url_reaches_the_agency_as_a_literal_value_at_the_same_endpoint(String id) {
        agency.answers(201, "{\"slot_id\":\"SLOT-7\"}");
        Map<String, Object> variables = new HashMap<>(variables());
        variables.put("programmeId", id);

        handOff(TOPIC, variables, CONTEXT);

        assertIdReachedTheAgencyLiterally("POST", "/tvet/reservations", "programme_id", id);
    }

    private static Map<String, Object> variables() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("referenceId", "REF-11");
        variables.put("personId", "10000000001");
        variables.put("correlationId", "corr-REF-11");
        variables.put("providerId", "TVET-NORTH");
        variables.put("programmeId", "TVET-WELD-01");
        variables.put("startDate", "2026-04-06");
        // computed by the model with the working calendar: a Date
        variables.put("slotHeldUntil", Date.from(NOW.plusSeconds(7 * 24 * 3600)));
        return variables;
    }
}
