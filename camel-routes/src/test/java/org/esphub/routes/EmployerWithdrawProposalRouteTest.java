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

/** Route {@code employer-withdraw-proposal}: takes the proposal back after no answer or an unsuitable offer. */
class EmployerWithdrawProposalRouteTest extends RouteTestSupport {

    private static final String TOPIC = "employer.withdraw-proposal";
    private static final Map<String, Object> CONTEXT = handOffHeaders(TOPIC, "REF-22", "WithdrawProposal");

    @Test
    void the_withdrawal_names_reference_employer_vacancy_and_reason_with_the_step_idempotency_key() {
        agency.answers(200, "{\"proposal_id\":\"PRO-2\",\"status\":\"WITHDRAWN\"}");

        handOff(TOPIC, variables(), CONTEXT);

        AgencyStandIn.Request request = agency.onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/employers/withdrawals");
        assertThat(request.header("Idempotency-Key")).contains("REF-22:WithdrawProposal:ai-1");
        assertThat(request.header("X-Correlation-ID")).contains("corr-REF-22");
        assertThat(request.headers().keySet()).noneMatch(RouteTestSupport::isHandOffHeader);
        assertThat(json(request.body())).containsOnly(
                entry("reference_id", "REF-22"),
                entry("person_id", "10000000001"),
                entry("employer_id", "EMP-4"),
                entry("vacancy_id", "VAC-88"),
                entry("reason", "EMPLOYER_NO_ANSWER"));
    }

    @Test
    void a_withdrawn_proposal_completes_the_task_without_result_variables() {
        agency.answers(200, "{\"status\":\"WITHDRAWN\"}", Map.of("EspBpmnErrorCode", "forged"));

        Exchange reply = handOff(TOPIC, variables(), CONTEXT);

        assertThat(reply.getException()).isNull();
        assertThat(reply.getMessage().getHeaders().keySet()).noneMatch(RouteTestSupport::isHandOffHeader);
        assertThat(reply.getMessage().getBody()).isNull();
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {404, 409, 502})
    void a_refused_or_failed_withdrawal_is_a_fault_to_retry(int status) {
        agency.answers(status, "{\"error\":\"proposal.unknown\"}");

        Exchange reply = handOff(TOPIC, variables(), CONTEXT);

        assertThat(reply.getException()).isInstanceOf(AgencyCallFailed.class).hasMessageContaining(String.valueOf(status));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileIds")
    void an_id_that_could_steer_a_url_reaches_the_agency_as_a_literal_value_at_the_same_endpoint(String id) {
        agency.answers(200, "{}");
        Map<String, Object> variables = new HashMap<>(variables());
        variables.put("vacancyId", id);

        handOff(TOPIC, variables, CONTEXT);

        assertIdReachedTheAgencyLiterally("POST", "/employers/withdrawals", "vacancy_id", id);
    }

    private static Map<String, Object> variables() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("referenceId", "REF-22");
        variables.put("personId", "10000000001");
        variables.put("correlationId", "corr-REF-22");
        variables.put("employerId", "EMP-4");
        variables.put("vacancyId", "VAC-88");
        variables.put("reason", "EMPLOYER_NO_ANSWER");
        return variables;
    }
}
