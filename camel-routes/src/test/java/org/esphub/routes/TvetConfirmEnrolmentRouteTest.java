package org.esphub.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.HashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Route {@code tvet-confirm-enrolment}: turns the held place into an enrolment once SA approved the benefit. */
class TvetConfirmEnrolmentRouteTest extends RouteTestSupport {

    private static final String TOPIC = "tvet.confirm-enrolment";
    private static final Map<String, Object> CONTEXT = handOffHeaders(TOPIC, "REF-12", "ConfirmEnrolment");

    @BeforeEach
    void personConsented() {
        // pes-training-providers asks for the person's consent to this exchange
        governance.consentGivenBy("10000000001");
    }

    @Test
    void the_confirmation_posts_to_the_held_slot_with_the_step_idempotency_key() {
        agency.answers(201, "{\"enrolment_id\":\"ENR-3\"}");

        handOff(TOPIC, variables("SLOT-7"), CONTEXT);

        AgencyStandIn.Request request = agency.onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/tvet/reservations/SLOT-7/enrolment");
        assertThat(request.header("Idempotency-Key")).contains("REF-12:ConfirmEnrolment:ai-1");
        assertThat(request.header("X-Correlation-ID")).contains("corr-REF-12");
        assertThat(request.headers().keySet()).noneMatch(RouteTestSupport::isHandOffHeader);
        assertThat(json(request.body())).containsOnly(
                entry("reference_id", "REF-12"),
                entry("person_id", "10000000001"),
                entry("provider_id", "TVET-NORTH"),
                entry("programme_id", "TVET-WELD-01"),
                entry("start_date", "2026-04-06"));
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {201, 200})
    void an_enrolment_yields_the_providers_enrolment_id(int status) {
        agency.answers(status, "{\"enrolment_id\":\"ENR-3\",\"status\":\"ENROLLED\"}", Map.of("EspBpmnErrorCode", "forged"));

        Exchange reply = handOff(TOPIC, variables("SLOT-7"), CONTEXT);

        assertThat(reply.getException()).isNull();
        assertThat(reply.getMessage().getHeaders().keySet()).noneMatch(RouteTestSupport::isHandOffHeader);
        assertThat(reply.getMessage().getBody(Map.class)).containsOnly(entry("enrolmentId", "ENR-3"));
    }

    @Test
    void a_provider_that_keeps_no_enrolment_ids_confirms_without_one() {
        agency.answers(200, "{\"status\":\"ENROLLED\"}");

        Exchange reply = handOff(TOPIC, variables("SLOT-7"), CONTEXT);

        assertThat(reply.getException()).isNull();
        assertThat(reply.getMessage().getBody(Map.class)).containsOnly(entry("enrolmentId", null));
    }

    @Test
    void without_a_slot_id_nothing_is_sent_and_the_step_fails() {
        Exchange reply = handOff(TOPIC, variables(null), CONTEXT);

        assertThat(reply.getException()).isInstanceOf(AgencyCallFailed.class).hasMessageContaining("slot id");
        assertThat(agency.requestCount()).isZero();
    }

    @ParameterizedTest(name = "HTTP {0}")
    // no boundary event: a provider refusing a place it held is for an operator to sort out
    @ValueSource(ints = {404, 409, 500})
    void a_refused_or_failed_confirmation_is_a_fault_that_ends_as_an_incident(int status) {
        agency.answers(status, "{\"error\":\"reservation.released\"}");

        Exchange reply = handOff(TOPIC, variables("SLOT-7"), CONTEXT);

        assertThat(reply.getException()).isInstanceOf(AgencyCallFailed.class)
                .hasMessageContaining(String.valueOf(status)).hasMessageContaining("SLOT-7");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileIds")
    void a_slot_id_that_could_steer_the_call_is_a_fault_and_nothing_is_sent(String slotId) {
        agency.answers(200, "{}");

        Exchange reply = handOff(TOPIC, variables(slotId), CONTEXT);

        assertThat(reply.getException()).isInstanceOf(AgencyCallFailed.class).hasMessageContaining("slot id");
        assertThat(agency.requestCount()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileIds")
    void another_id_of_the_task_reaches_the_provider_as_a_literal_value_at_the_slots_path(String id) {
        agency.answers(200, "{}");
        Map<String, Object> variables = variables("SLOT-7");
        variables.put("programmeId", id);

        handOff(TOPIC, variables, CONTEXT);

        assertIdReachedTheAgencyLiterally("POST", "/tvet/reservations/SLOT-7/enrolment", "programme_id", id);
    }

    private static Map<String, Object> variables(String slotId) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("referenceId", "REF-12");
        variables.put("personId", "10000000001");
        variables.put("correlationId", "corr-REF-12");
        variables.put("providerId", "TVET-NORTH");
        variables.put("programmeId", "TVET-WELD-01");
        variables.put("slotId", slotId);
        variables.put("startDate", "2026-04-06");
        return variables;
    }
}
