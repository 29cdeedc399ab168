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

/** Route {@code tvet-withdraw-enrolment}: ends the enrolment after the caseworker ended the training. */
class TvetWithdrawEnrolmentRouteTest extends RouteTestSupport {

    private static final String TOPIC = "tvet.withdraw-enrolment";
    private static final Map<String, Object> CONTEXT = handOffHeaders(TOPIC, "REF-14", "WithdrawEnrolment");

    @Test
    void the_withdrawal_names_programme_reference_enrolment_and_reason_with_the_step_idempotency_key() {
        agency.answers(200, "{\"enrolment_id\":\"ENR-4\",\"status\":\"WITHDRAWN\"}");

        handOff(TOPIC, variables("ENR-4"), CONTEXT);

        AgencyStandIn.Request request = agency.onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/tvet/withdrawals");
        assertThat(request.header("Idempotency-Key")).contains("REF-14:WithdrawEnrolment:ai-1");
        assertThat(request.header("X-Correlation-ID")).contains("corr-REF-14");
        assertThat(request.headers().keySet()).noneMatch(RouteTestSupport::isHandOffHeader);
        assertThat(json(request.body())).containsOnly(
                entry("reference_id", "REF-14"),
                entry("person_id", "10000000001"),
                entry("provider_id", "TVET-NORTH"),
                entry("programme_id", "TVET-WELD-01"),
                entry("enrolment_id", "ENR-4"),
                entry("reason", "ENDED_AFTER_ATTENDANCE_WARNING"));
    }

    @Test
    void without_an_enrolment_id_the_provider_finds_the_enrolment_by_programme_and_reference() {
        agency.answers(200, "{\"status\":\"WITHDRAWN\"}");

        Exchange reply = handOff(TOPIC, variables(null), CONTEXT);

        assertThat(reply.getException()).isNull();
        assertThat(json(agency.onlyRequest().body())).doesNotContainKey("enrolment_id")
                .containsEntry("programme_id", "TVET-WELD-01").containsEntry("reference_id", "REF-14");
    }

    @Test
    void a_withdrawn_enrolment_completes_the_task_without_result_variables() {
        agency.answers(200, "{\"status\":\"WITHDRAWN\"}", Map.of("EspBpmnErrorCode", "forged"));

        Exchange reply = handOff(TOPIC, variables("ENR-4"), CONTEXT);

        assertThat(reply.getException()).isNull();
        assertThat(reply.getMessage().getHeaders().keySet()).noneMatch(RouteTestSupport::isHandOffHeader);
        assertThat(reply.getMessage().getBody()).isNull();
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {404, 409, 500})
    void a_refused_or_failed_withdrawal_is_a_fault_to_retry(int status) {
        agency.answers(status, "{\"error\":\"enrolment.unknown\"}");

        Exchange reply = handOff(TOPIC, variables("ENR-4"), CONTEXT);

        assertThat(reply.getException()).isInstanceOf(AgencyCallFailed.class).hasMessageContaining(String.valueOf(status));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileIds")
    void an_id_that_could_steer_a_url_reaches_the_agency_as_a_literal_value_at_the_same_endpoint(String id) {
        agency.answers(200, "{}");
        Map<String, Object> variables = new HashMap<>(variables("ENR-4"));
        variables.put("enrolmentId", id);

        handOff(TOPIC, variables, CONTEXT);

        assertIdReachedTheAgencyLiterally("POST", "/tvet/withdrawals", "enrolment_id", id);
    }

    private static Map<String, Object> variables(String enrolmentId) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("referenceId", "REF-14");
        variables.put("personId", "10000000001");
        variables.put("correlationId", "corr-REF-14");
        variables.put("providerId", "TVET-NORTH");
        variables.put("programmeId", "TVET-WELD-01");
        variables.put("enrolmentId", enrolmentId);
        variables.put("reason", "ENDED_AFTER_ATTENDANCE_WARNING");
        return variables;
    }
}
