package org.esphub.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.HashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Route {@code tvet-release-slot}: gives the held place back when the benefit was refused or the hold ran out. */
class TvetReleaseSlotRouteTest extends RouteTestSupport {

    private static final String TOPIC = "tvet.release-slot";
    private static final Map<String, Object> CONTEXT = handOffHeaders(TOPIC, "REF-13", "ReleaseSlot");

    @Test
    void the_release_posts_the_reason_to_the_held_slot_with_the_step_idempotency_key() {
        agency.answers(200, "{\"slot_id\":\"SLOT-8\",\"status\":\"RELEASED\"}");

        handOff(TOPIC, variables("SLOT-8"), CONTEXT);

        AgencyStandIn.Request request = agency.onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/tvet/reservations/SLOT-8/release");
        assertThat(request.header("Idempotency-Key")).contains("REF-13:ReleaseSlot:ai-1");
        assertThat(request.header("X-Correlation-ID")).contains("corr-REF-13");
        assertThat(request.headers().keySet()).noneMatch(RouteTestSupport::isHandOffHeader);
        assertThat(json(request.body())).containsOnly(
                entry("reference_id", "REF-13"),
                entry("person_id", "10000000001"),
                entry("provider_id", "TVET-NORTH"),
                entry("programme_id", "TVET-WELD-01"),
                entry("reason", "BENEFIT_REFUSED"));
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {200, 204})
    void a_released_place_completes_the_task_without_result_variables(int status) {
        agency.answers(status, status == 204 ? "" : "{\"status\":\"RELEASED\"}", Map.of("EspBpmnErrorCode", "forged"));

        Exchange reply = handOff(TOPIC, variables("SLOT-8"), CONTEXT);

        assertThat(reply.getException()).isNull();
        assertThat(reply.getMessage().getHeaders().keySet()).noneMatch(RouteTestSupport::isHandOffHeader);
        assertThat(reply.getMessage().getBody()).isNull();
    }

    @Test
    void without_a_slot_id_nothing_is_sent_and_the_step_fails() {
        Exchange reply = handOff(TOPIC, variables(null), CONTEXT);

        assertThat(reply.getException()).isInstanceOf(AgencyCallFailed.class).hasMessageContaining("slot id");
        assertThat(agency.requestCount()).isZero();
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {404, 409, 503})
    void a_refused_or_failed_release_is_a_fault_to_retry(int status) {
        agency.answers(status, "{\"error\":\"slot.unknown\"}");

        Exchange reply = handOff(TOPIC, variables("SLOT-8"), CONTEXT);

        assertThat(reply.getException()).isInstanceOf(AgencyCallFailed.class).hasMessageContaining(String.valueOf(status));
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
        Map<String, Object> variables = variables("SLOT-8");
        variables.put("programmeId", id);

        handOff(TOPIC, variables, CONTEXT);

        assertIdReachedTheAgencyLiterally("POST", "/tvet/reservations/SLOT-8/release", "programme_id", id);
    }

    private static Map<String, Object> variables(String slotId) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("referenceId", "REF-13");
        variables.put("personId", "10000000001");
        variables.put("correlationId", "corr-REF-13");
        variables.put("providerId", "TVET-NORTH");
        variables.put("programmeId", "TVET-WELD-01");
        variables.put("slotId", slotId);
        variables.put("reason", "BENEFIT_REFUSED");
        return variables;
    }
}
