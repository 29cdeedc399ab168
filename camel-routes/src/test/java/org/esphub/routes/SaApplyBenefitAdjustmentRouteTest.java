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

/** Route {@code sa-apply-benefit-adjustment}: has SA apply an adjustment no appeal can undo any more. */
class SaApplyBenefitAdjustmentRouteTest extends RouteTestSupport {

    private static final String TOPIC = "sa.apply-benefit-adjustment";
    /** What benefit-adjustment's sa.apply-benefit-adjustment task declares. */
    private static final String PURPOSE = "BENEFIT_ADJUSTMENT";
    private static final Map<String, Object> CONTEXT = handOffHeaders(TOPIC, "REF-32", "ApplyAdjustment");

    @Test
    void the_instruction_posts_only_the_decision_and_what_it_was_decided_on() {
        agency.answers(201, "{\"adjustment_id\":\"ADJ-1\"}");

        handOff(TOPIC, variables(), CONTEXT, PURPOSE);

        AgencyStandIn.Request request = agency.onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/benefit-adjustments");
        assertThat(json(request.body())).containsOnly(
                entry("reference_id", "REF-32"),
                entry("person_id", "10000000001"),
                entry("adjustment_decision", "GRADUATE"),
                entry("adjusted_benefit_percent", 75),
                entry("tapering_schedule", "75,50,25,0"),
                entry("current_monthly_benefit", 245.5),
                entry("adjustment_rule_id", "Rule_Graduation"),
                entry("appeal_outcome", "PARTIALLY_UPHELD"));
    }

    @Test
    void the_instruction_carries_the_step_idempotency_key_and_the_correlation_id_and_no_hand_off_header() {
        agency.answers(201, "{}");

        handOff(TOPIC, variables(), CONTEXT, PURPOSE);

        AgencyStandIn.Request request = agency.onlyRequest();
        assertThat(request.header("Idempotency-Key")).contains("REF-32:ApplyAdjustment:ai-1");
        assertThat(request.header("X-Correlation-ID")).contains("corr-REF-32");
        assertThat(request.headers().keySet()).noneMatch(RouteTestSupport::isHandOffHeader);
    }

    @Test
    void an_adjustment_without_appeal_leaves_the_appeal_outcome_out() {
        agency.answers(201, "{}");
        Map<String, Object> variables = variables();
        variables.put("appealOutcome", null);
        variables.put("taperingSchedule", null);

        handOff(TOPIC, variables, CONTEXT, PURPOSE);

        assertThat(json(agency.onlyRequest().body())).doesNotContainKeys("appeal_outcome", "tapering_schedule");
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {201, 200})
    void an_applied_adjustment_completes_the_task_without_result_variables(int status) {
        agency.answers(status, "{\"adjustment_id\":\"ADJ-1\",\"status\":\"APPLIED\"}", Map.of("EspBpmnErrorCode", "forged"));

        Exchange reply = handOff(TOPIC, variables(), CONTEXT, PURPOSE);

        assertThat(reply.getException()).isNull();
        assertThat(reply.getMessage().getHeaders().keySet()).noneMatch(RouteTestSupport::isHandOffHeader);
        assertThat(reply.getMessage().getBody()).isNull();
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {404, 422, 503})
    void a_refused_or_failed_instruction_is_a_fault_to_retry(int status) {
        agency.answers(status, "{\"error\":\"adjustment.invalid\"}");

        Exchange reply = handOff(TOPIC, variables(), CONTEXT, PURPOSE);

        assertThat(reply.getException()).isInstanceOf(AgencyCallFailed.class).hasMessageContaining(String.valueOf(status));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileIds")
    void an_id_that_could_steer_a_url_reaches_the_agency_as_a_literal_value_at_the_same_endpoint(String id) {
        agency.answers(200, "{}");
        Map<String, Object> variables = new HashMap<>(variables());
        variables.put("referenceId", id);

        handOff(TOPIC, variables, CONTEXT, PURPOSE);

        assertIdReachedTheAgencyLiterally("POST", "/benefit-adjustments", "reference_id", id);
    }

    private static Map<String, Object> variables() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("referenceId", "REF-32");
        variables.put("personId", "10000000001");
        variables.put("correlationId", "corr-REF-32");
        variables.put("adjustmentDecision", "GRADUATE");
        variables.put("adjustedBenefitPercent", 75L);
        variables.put("taperingSchedule", "75,50,25,0");
        variables.put("currentMonthlyBenefit", 245.5);
        variables.put("adjustmentRuleId", "Rule_Graduation");
        variables.put("appealOutcome", "PARTIALLY_UPHELD");
        return variables;
    }
}
