package org.esphub.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Route {@code sa-request-training-benefit}: asks SA to decide on a training's benefits; SA answers by event. */
class SaRequestTrainingBenefitRouteTest extends RouteTestSupport {

    private static final String TOPIC = "sa.request-training-benefit";
    private static final Map<String, Object> CONTEXT = handOffHeaders(TOPIC, "REF-31", "RequestTrainingBenefit");

    @BeforeEach
    void personConsented() {
        // sa-pes-activation-referral asks for the person's consent to this exchange
        governance.consentGivenBy("10000000001");
    }

    @Test
    void the_request_posts_the_training_the_benefits_as_a_json_list_and_the_deadline_as_an_iso_instant() throws Exception {
        agency.answers(201, "{\"request_id\":\"TBR-1\",\"status\":\"PENDING\"}");

        handOff(TOPIC, variables(), CONTEXT);

        AgencyStandIn.Request request = agency.onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/training-benefit-requests");
        assertThat(json(request.body())).containsOnly(
                entry("reference_id", "REF-31"),
                entry("person_id", "10000000001"),
                entry("programme_id", "TVET-WELD-01"),
                entry("programme_name", "Welding fundamentals"),
                entry("provider_id", "TVET-NORTH"),
                entry("start_date", "2026-04-06"),
                entry("duration_weeks", 12),
                entry("requested_benefits", List.of("TRAINING_ALLOWANCE", "TRANSPORTATION")),
                entry("decide_by", "2026-03-09T09:15:00Z"));
    }

    @Test
    void the_request_carries_the_step_idempotency_key_and_the_correlation_id_and_no_hand_off_header() throws Exception {
        agency.answers(201, "{}");

        handOff(TOPIC, variables(), CONTEXT);

        AgencyStandIn.Request request = agency.onlyRequest();
        assertThat(request.header("Idempotency-Key")).contains("REF-31:RequestTrainingBenefit:ai-1");
        assertThat(request.header("X-Correlation-ID")).contains("corr-REF-31");
        assertThat(request.headers().keySet()).noneMatch(RouteTestSupport::isHandOffHeader);
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {201, 200, 202})
    void a_received_request_completes_the_task_without_result_variables(int status) throws Exception {
        agency.answers(status, "{\"request_id\":\"TBR-1\"}", Map.of("EspBpmnErrorCode", "forged"));

        Exchange reply = handOff(TOPIC, variables(), CONTEXT);

        assertThat(reply.getException()).isNull();
        assertThat(reply.getMessage().getHeaders().keySet()).noneMatch(RouteTestSupport::isHandOffHeader);
        assertThat(reply.getMessage().getBody()).isNull();
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {404, 422, 500})
    void a_refused_or_failed_request_is_a_fault_to_retry(int status) throws Exception {
        agency.answers(status, "{\"error\":\"person.unknown\"}");

        Exchange reply = handOff(TOPIC, variables(), CONTEXT);

        assertThat(reply.getException()).isInstanceOf(AgencyCallFailed.class).hasMessageContaining(String.valueOf(status));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileIds")
    void an_id_that_could_steer_a_url_reaches_the_agency_as_a_literal_value_at_the_same_endpoint(String id) throws Exception {
        agency.answers(201, "{}");
        Map<String, Object> variables = new HashMap<>(variables());
        variables.put("programmeId", id);

        handOff(TOPIC, variables, CONTEXT);

        assertIdReachedTheAgencyLiterally("POST", "/training-benefit-requests", "programme_id", id);
    }

    private static Map<String, Object> variables() throws Exception {
        Map<String, Object> variables = new HashMap<>();
        variables.put("referenceId", "REF-31");
        variables.put("personId", "10000000001");
        variables.put("correlationId", "corr-REF-31");
        variables.put("programmeId", "TVET-WELD-01");
        variables.put("programmeName", "Welding fundamentals");
        variables.put("providerId", "TVET-NORTH");
        variables.put("startDate", "2026-04-06");
        variables.put("durationWeeks", 12L);
        // the form's checklist: a JSON variable, handed over by the worker as a Jackson tree
        variables.put("requestedBenefits", new ObjectMapper().readTree("[\"TRAINING_ALLOWANCE\",\"TRANSPORTATION\"]"));
        variables.put("decideBy", Date.from(NOW.plusSeconds(7 * 24 * 3600)));
        return variables;
    }
}
