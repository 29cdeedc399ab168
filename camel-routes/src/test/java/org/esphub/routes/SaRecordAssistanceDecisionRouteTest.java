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

/**
 * Route {@code sa-record-assistance-decision}: the application an SA caseworker assisted and its decision,
 * posted to SA's register with only the agreed fields (no PES case, no names, no case notes).
 */
class SaRecordAssistanceDecisionRouteTest extends RouteTestSupport {

    private static final String TOPIC = "sa.record-assistance-decision";
    private static final String PURPOSE = "SOCIAL_ASSISTANCE_ACCESS";
    private static final Map<String, Object> CONTEXT = handOffHeaders(TOPIC, "SAA-7", "RecordDecisionAtSa");

    @BeforeEach
    void personConsented() {
        governance.consentGivenBy("P-2007", PURPOSE);
    }

    @Test
    void the_decision_is_posted_with_only_the_agreed_fields() {
        agency.answers(201, "{\"application_id\":\"SAA-APP-1\"}");
        Map<String, Object> variables = variables();
        // what a careless mapping might add: none of it may reach SA
        variables.put("pesCaseId", "PES-CASE-9");
        variables.put("caseNotes", "Diary: struggles with mornings");
        variables.put("givenName", "Samir");

        handOff(TOPIC, variables, CONTEXT, PURPOSE);

        AgencyStandIn.Request request = agency.onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/social-assistance-applications");
        assertThat(json(request.body())).containsOnly(
                entry("reference_id", "SAA-7"),
                entry("person_id", "P-2007"),
                entry("referral_reason", "economic_hardship"),
                entry("sa_decision", "REFUSED"),
                entry("refusal_reasons", "Income above the thresholds."),
                entry("pre_eligibility", "UNLIKELY"),
                entry("pre_eligibility_rule_id", "Rule_AboveThresholds"),
                entry("granted_on_appeal", false),
                entry("appeal_deadline", "2026-04-01T09:15:00Z"));
    }

    @Test
    void the_post_carries_the_step_idempotency_key_and_the_correlation_id_and_no_hand_off_header() {
        agency.answers(201, "{}");

        handOff(TOPIC, variables(), CONTEXT, PURPOSE);

        AgencyStandIn.Request request = agency.onlyRequest();
        assertThat(request.header("Idempotency-Key")).contains("SAA-7:RecordDecisionAtSa:ai-1");
        assertThat(request.header("X-Correlation-ID")).contains("corr-SAA-7");
        assertThat(request.headers().keySet()).noneMatch(RouteTestSupport::isHandOffHeader);
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {201, 200})
    void a_recorded_decision_completes_the_task_without_result_variables(int status) {
        agency.answers(status, "{\"application_id\":\"SAA-APP-1\"}", Map.of("EspBpmnErrorCode", "forged"));

        Exchange reply = handOff(TOPIC, variables(), CONTEXT, PURPOSE);

        assertThat(reply.getException()).isNull();
        assertThat(reply.getMessage().getHeaders().keySet()).noneMatch(RouteTestSupport::isHandOffHeader);
        assertThat(reply.getMessage().getBody()).isNull();
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {404, 422, 503})
    void a_refused_or_failed_post_is_a_fault_to_retry(int status) {
        agency.answers(status, "{\"error\":\"application.invalid\"}");

        Exchange reply = handOff(TOPIC, variables(), CONTEXT, PURPOSE);

        assertThat(reply.getException()).isInstanceOf(AgencyCallFailed.class).hasMessageContaining(String.valueOf(status));
    }

    private static Map<String, Object> variables() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("referenceId", "SAA-7");
        variables.put("personId", "P-2007");
        variables.put("correlationId", "corr-SAA-7");
        variables.put("referralReason", "economic_hardship");
        variables.put("saDecision", "REFUSED");
        variables.put("refusalReasons", "Income above the thresholds.");
        variables.put("monthlyAssistanceAmount", null);
        variables.put("preEligibility", "UNLIKELY");
        variables.put("preEligibilityRuleId", "Rule_AboveThresholds");
        variables.put("grantedOnAppeal", false);
        variables.put("appealDeadline", java.util.Date.from(java.time.Instant.parse("2026-04-01T09:15:00Z")));
        return variables;
    }
}
