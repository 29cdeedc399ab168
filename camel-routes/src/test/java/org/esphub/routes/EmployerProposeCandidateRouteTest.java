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

/** Route {@code employer-propose-candidate}: puts the person forward; the employer decides later, by event. */
class EmployerProposeCandidateRouteTest extends RouteTestSupport {

    private static final String TOPIC = "employer.propose-candidate";
    private static final Map<String, Object> CONTEXT = handOffHeaders(TOPIC, "REF-21", "ProposeCandidate");

    @BeforeEach
    void personConsented() {
        // pes-employers-placement asks for the person's consent to this exchange
        governance.consentGivenBy("10000000001");
    }

    @Test
    void the_proposal_posts_candidate_and_vacancy_in_the_body_never_in_the_path() {
        agency.answers(201, "{\"proposal_id\":\"PRO-1\",\"status\":\"PROPOSED\"}");

        handOff(TOPIC, variables(), CONTEXT);

        AgencyStandIn.Request request = agency.onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/employers/proposals");
        assertThat(json(request.body())).containsOnly(
                entry("reference_id", "REF-21"),
                entry("person_id", "10000000001"),
                entry("given_name", "Ana"),
                entry("family_name", "Krasniqi"),
                entry("employer_id", "EMP 4/7"),
                entry("vacancy_id", "VAC-88"),
                entry("job_title", "Warehouse operative"),
                entry("start_date", "2026-05-04"));
        // the audit log names the one employer that received the name: a correction of it goes there
        assertThat(governance.auditedAbout("10000000001")).singleElement().satisfies(audited -> {
            assertThat(audited.event().receiver()).isEqualTo("employers");
            assertThat(audited.event().partner()).isEqualTo("EMP 4/7");
        });
    }

    @Test
    void the_proposal_carries_the_step_idempotency_key_and_the_correlation_id_and_no_hand_off_header() {
        agency.answers(201, "{\"proposal_id\":\"PRO-1\"}");

        handOff(TOPIC, variables(), CONTEXT);

        AgencyStandIn.Request request = agency.onlyRequest();
        assertThat(request.header("Idempotency-Key")).contains("REF-21:ProposeCandidate:ai-1");
        assertThat(request.header("X-Correlation-ID")).contains("corr-REF-21");
        assertThat(request.headers().keySet()).noneMatch(RouteTestSupport::isHandOffHeader);
    }

    @ParameterizedTest(name = "HTTP {0}")
    // 201: proposed now; 200: the employer recognised an earlier attempt; 202: taken for later processing
    @ValueSource(ints = {201, 200, 202})
    void a_received_proposal_completes_the_task_without_result_variables(int status) {
        agency.answers(status, "{\"proposal_id\":\"PRO-1\"}", Map.of("EspBpmnErrorCode", "forged"));

        Exchange reply = handOff(TOPIC, variables(), CONTEXT);

        assertThat(reply.getException()).isNull();
        assertThat(reply.getMessage().getHeaders().keySet()).noneMatch(RouteTestSupport::isHandOffHeader);
        assertThat(reply.getMessage().getBody()).isNull();
    }

    @ParameterizedTest(name = "HTTP {0}")
    // no boundary event: the employer's "no" comes as EmployerDecided, anything else needs an operator
    @ValueSource(ints = {400, 404, 422, 503})
    void a_refused_or_failed_proposal_is_a_fault_to_retry(int status) {
        agency.answers(status, "{\"error\":\"vacancy.closed\"}");

        Exchange reply = handOff(TOPIC, variables(), CONTEXT);

        assertThat(reply.getException()).isInstanceOf(AgencyCallFailed.class).hasMessageContaining(String.valueOf(status));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileIds")
    void an_id_that_could_steer_a_url_reaches_the_agency_as_a_literal_value_at_the_same_endpoint(String id) {
        agency.answers(201, "{}");
        Map<String, Object> variables = new HashMap<>(variables());
        variables.put("vacancyId", id);

        handOff(TOPIC, variables, CONTEXT);

        assertIdReachedTheAgencyLiterally("POST", "/employers/proposals", "vacancy_id", id);
    }

    private static Map<String, Object> variables() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("referenceId", "REF-21");
        variables.put("personId", "10000000001");
        variables.put("correlationId", "corr-REF-21");
        variables.put("givenName", "Ana");
        variables.put("familyName", "Krasniqi");
        // typed by the counsellor: anything may be in it
        variables.put("employerId", "EMP 4/7");
        variables.put("vacancyId", "VAC-88");
        variables.put("jobTitle", "Warehouse operative");
        variables.put("startDate", "2026-05-04");
        return variables;
    }
}
