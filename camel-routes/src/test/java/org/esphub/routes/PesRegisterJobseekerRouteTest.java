package org.esphub.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.apache.camel.Exchange;
import org.esphub.governance.audit.AuditEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.provider.MethodSource;
import java.util.HashMap;

/** Route {@code pes-register-jobseeker}: registers the referred person with PES, which answers with its case number. */
class PesRegisterJobseekerRouteTest extends RouteTestSupport {

    private static final String TOPIC = "pes.register-jobseeker";
    private static final Map<String, Object> VARIABLES = Map.of(
            "referenceId", "REF-2",
            "personId", "P-2002",
            "givenName", "Ben",
            "familyName", "Okafor",
            "birthDate", "1985-11-20",
            // in scope of the task, but not PES's to know
            "correlationId", "corr-2",
            "workAble", true,
            "benefitStatus", "active");
    private static final Map<String, Object> CONTEXT = Map.of(
            "EspTopic", TOPIC,
            "EspBusinessKey", "REF-2",
            "EspCorrelationId", "corr-2",
            "EspIdempotencyKey", "REF-2:registerJobseeker",
            "EspProcessInstanceId", "pi-2",
            "EspActivityId", "registerJobseeker");

    @BeforeEach
    void personConsented() {
        governance.consentGivenBy("P-2002");
    }

    @Test
    void the_registration_posts_only_the_agreed_fields_as_json() throws Exception {
        agency.answers(201, "{\"case_number\":\"PES-77\"}");

        handOff(TOPIC, VARIABLES, CONTEXT);

        AgencyStandIn.Request request = agency.onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/jobseekers");
        assertThat(request.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(new ObjectMapper().readValue(request.body(), new TypeReference<Map<String, Object>>() { }))
                .containsOnly(
                        entry("reference_id", "REF-2"),
                        entry("person_id", "P-2002"),
                        entry("given_name", "Ben"),
                        entry("family_name", "Okafor"),
                        entry("birth_date", "1985-11-20"));
    }

    @Test
    void the_fields_the_gate_removed_are_in_the_audit_record_of_the_registration() {
        agency.answers(201, "{\"case_number\":\"PES-77\"}");

        handOff(TOPIC, VARIABLES, CONTEXT);

        AuditEvent recorded = governance.auditedAbout("P-2002").get(0).event();
        assertThat(recorded.exchange()).isEqualTo("pes-register-jobseeker");
        assertThat(recorded.receiver()).isEqualTo("pes.gov.example");
        assertThat(recorded.filtersApplied().split(",")).containsExactlyInAnyOrder(
                "correlation_id", "work_able", "benefit_status");
        assertThat(recorded.consentId()).isNotNull();
    }

    @Test
    void without_the_persons_consent_nothing_reaches_pes_and_the_process_learns_exchange_refused() {
        agency.answers(201, "{\"case_number\":\"PES-77\"}");
        Map<String, Object> unconsented = new java.util.HashMap<>(VARIABLES);
        unconsented.put("personId", "P-NO-CONSENT");

        Exchange reply = handOff(TOPIC, unconsented, CONTEXT);

        assertThat(agency.requests()).isEmpty();
        assertThat(reply.getException()).isNull();
        assertThat(reply.getMessage().getHeader("EspBpmnErrorCode")).isEqualTo("EXCHANGE_REFUSED");
        assertThat(reply.getMessage().getHeader("EspBpmnErrorMessage", String.class))
                .startsWith("CONSENT_MISSING: pes-register-jobseeker: ");
        assertThat(governance.auditedAbout("P-NO-CONSENT")).singleElement()
                .satisfies(entry -> assertThat(entry.event().outcome().name()).isEqualTo("REFUSED"));
    }

    @Test
    void a_purpose_the_agreement_does_not_give_the_registration_is_refused() {
        agency.answers(201, "{\"case_number\":\"PES-77\"}");

        Exchange reply = handOff(TOPIC, VARIABLES, CONTEXT, "BENEFIT_ADMINISTRATION");

        assertThat(agency.requests()).isEmpty();
        assertThat(reply.getMessage().getHeader("EspBpmnErrorMessage", String.class))
                .startsWith("PURPOSE_NOT_COVERED: pes-register-jobseeker: ");
    }

    @Test
    void the_registration_carries_the_step_idempotency_key_and_the_correlation_id_and_no_hand_off_header() {
        agency.answers(201, "{\"case_number\":\"PES-77\"}");

        handOff(TOPIC, VARIABLES, CONTEXT);

        AgencyStandIn.Request request = agency.onlyRequest();
        assertThat(request.header("Idempotency-Key")).contains("REF-2:registerJobseeker");
        assertThat(request.header("X-Correlation-ID")).contains("corr-2");
        assertThat(request.headers().keySet()).noneMatch(name -> name.regionMatches(true, 0, "Esp", 0, 3));
    }

    @ParameterizedTest(name = "HTTP {0}")
    // 201: registered now; 200: PES recognised the idempotency key of an earlier attempt
    @ValueSource(ints = {201, 200})
    void a_registration_yields_the_pes_case_number_also_when_pes_answers_a_repeat(int status) {
        agency.answers(status, "{\"case_number\":\"PES-77\",\"registered_at\":\"2026-03-02T09:15:00Z\"}");

        Exchange reply = handOff(TOPIC, VARIABLES, CONTEXT);

        assertThat(reply.getException()).isNull();
        assertThat(reply.getMessage().getHeader("EspBpmnErrorCode")).isNull();
        assertThat(reply.getMessage().getBody(Map.class)).containsOnly(entry("pesCaseNumber", "PES-77"));
    }

    @Test
    void a_hand_off_header_in_the_agencys_answer_cannot_turn_a_registration_into_a_business_error() {
        // the HTTP component copies response headers onto the message, where the worker reads its outcome
        agency.answers(201, "{\"case_number\":\"PES-77\"}", Map.of("EspBpmnErrorCode", "PES_REGISTRATION_REJECTED"));

        Exchange reply = handOff(TOPIC, VARIABLES, CONTEXT);

        assertThat(reply.getMessage().getHeaders().keySet()).noneMatch(name -> name.regionMatches(true, 0, "Esp", 0, 3));
        assertThat(reply.getMessage().getBody(Map.class)).containsOnly(entry("pesCaseNumber", "PES-77"));
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {404, 422})
    void a_registration_pes_refuses_is_the_business_outcome_pes_registration_rejected(int status) {
        agency.answers(status, "{\"error\":\"person not eligible\"}");

        Exchange reply = handOff(TOPIC, VARIABLES, CONTEXT);

        assertThat(reply.getException()).isNull();
        assertThat(reply.getMessage().getHeader("EspBpmnErrorCode")).isEqualTo("PES_REGISTRATION_REJECTED");
        assertThat(reply.getMessage().getHeader("EspBpmnErrorMessage", String.class)).contains("HTTP " + status);
        assertThat(reply.getMessage().getBody()).isNull();
    }

    @Test
    void an_unavailable_pes_is_a_technical_fault_to_retry() {
        agency.answers(503, "{\"error\":\"maintenance\"}");

        Exchange reply = handOff(TOPIC, VARIABLES, CONTEXT);

        assertThat(reply.getException()).isInstanceOf(AgencyCallFailed.class).hasMessageContaining("503");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileIds")
    void an_id_that_could_steer_a_url_reaches_the_agency_as_a_literal_value_at_the_same_endpoint(String id) {
        agency.answers(201, "{\"case_number\":\"PES-77\"}");
        Map<String, Object> variables = new HashMap<>(VARIABLES);
        variables.put("referenceId", id);

        handOff(TOPIC, variables, CONTEXT);

        assertIdReachedTheAgencyLiterally("POST", "/jobseekers", "reference_id", id);
    }
}
