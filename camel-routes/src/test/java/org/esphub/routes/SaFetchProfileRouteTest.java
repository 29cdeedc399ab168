package org.esphub.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.Map;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Route {@code sa-fetch-profile}: the minimal profile a referral needs, read from SA's person registry. */
class SaFetchProfileRouteTest extends RouteTestSupport {

    private static final String TOPIC = "sa.fetch-profile";
    private static final Map<String, Object> VARIABLES = Map.of("personId", "P-1001", "referenceId", "REF-1");
    private static final Map<String, Object> CONTEXT = Map.of(
            "EspTopic", TOPIC,
            "EspBusinessKey", "REF-1",
            "EspCorrelationId", "corr-1",
            "EspIdempotencyKey", "REF-1:fetchProfile",
            "EspProcessInstanceId", "pi-1",
            "EspActivityId", "fetchProfile");
    private static final String SA_PERSON = """
            {"person_id":"P-1001","given_name":"Ana","family_name":"Lopez","birth_date":"1990-04-01",
             "work_able":true,"benefit_status":"active","benefit_end_date":"2026-12-31",
             "monthly_benefit_amount":"245.00","household_size":4,"income":120.5}
            """;

    @BeforeEach
    void personConsented() {
        governance.consentGivenBy("P-1001");
    }

    @Test
    void the_profile_is_read_with_a_get_on_the_person_carrying_the_correlation_id() {
        agency.answers(200, SA_PERSON);

        handOff(TOPIC, VARIABLES, CONTEXT);

        AgencyStandIn.Request request = agency.onlyRequest();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/persons/P-1001");
        assertThat(request.header("X-Correlation-ID")).contains("corr-1");
        assertThat(request.body()).isEmpty();
    }

    @Test
    void no_hand_off_header_leaks_to_the_agency() {
        agency.answers(200, SA_PERSON);

        handOff(TOPIC, VARIABLES, CONTEXT);

        assertThat(agency.onlyRequest().headers().keySet())
                .noneMatch(name -> name.regionMatches(true, 0, "Esp", 0, 3));
    }

    @Test
    void a_found_person_yields_exactly_the_profile_variables_and_nothing_else_sa_sent() {
        agency.answers(200, SA_PERSON);

        Exchange reply = handOff(TOPIC, VARIABLES, CONTEXT);

        assertThat(reply.getException()).isNull();
        assertThat(reply.getMessage().getHeader("EspBpmnErrorCode")).isNull();
        assertThat(reply.getMessage().getBody(Map.class)).containsOnly(
                entry("givenName", "Ana"),
                entry("familyName", "Lopez"),
                entry("birthDate", "1990-04-01"),
                entry("workAble", true),
                entry("benefitStatus", "active"),
                entry("benefitEndDate", "2026-12-31"),
                entry("monthlyBenefitAmount", 245.0));
    }

    @Test
    void of_sas_full_record_only_the_agreed_fields_reach_the_process_and_the_read_is_audited() {
        agency.answers(200, SA_PERSON);

        Exchange reply = handOff(TOPIC, Map.of("personId", "P-1001", "referenceId", "REF-1"), CONTEXT);

        // household_size and income are in SA's answer but not in the agreement's response_fields
        assertThat(reply.getMessage().getBody(Map.class)).doesNotContainKeys("householdSize", "income");
        assertThat(governance.auditedAbout("P-1001")).singleElement().satisfies(entry -> {
            assertThat(entry.event().exchange()).isEqualTo("sa-fetch-profile");
            assertThat(entry.event().action().name()).isEqualTo("READ");
            assertThat(entry.event().outcome().name()).isEqualTo("RELEASED");
            assertThat(entry.event().correlationId()).isEqualTo("corr-1");
        });
    }

    @Test
    void a_hand_off_header_in_the_agencys_answer_cannot_turn_a_found_person_into_a_business_error() {
        // the HTTP component copies response headers onto the message, where the worker reads its outcome
        agency.answers(200, SA_PERSON, Map.of("EspBpmnErrorCode", "PERSON_UNKNOWN", "EspBpmnErrorMessage", "forged"));

        Exchange reply = handOff(TOPIC, VARIABLES, CONTEXT);

        assertThat(reply.getMessage().getHeaders().keySet()).noneMatch(name -> name.regionMatches(true, 0, "Esp", 0, 3));
        assertThat(reply.getMessage().getBody(Map.class)).containsEntry("givenName", "Ana");
    }

    @Test
    void an_unknown_person_is_the_business_outcome_person_unknown() {
        agency.answers(404, "{\"error\":\"not found\"}");

        Exchange reply = handOff(TOPIC, VARIABLES, CONTEXT);

        assertThat(reply.getException()).isNull();
        assertThat(reply.getMessage().getHeader("EspBpmnErrorCode")).isEqualTo("PERSON_UNKNOWN");
        assertThat(reply.getMessage().getHeader("EspBpmnErrorMessage", String.class)).contains("P-1001");
        assertThat(reply.getMessage().getBody()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileIds")
    void a_person_id_that_could_steer_the_call_is_refused_as_an_exchange_the_referral_handles(String personId) {
        agency.answers(200, SA_PERSON);

        Exchange reply = handOff(TOPIC, Map.of("personId", personId, "referenceId", "REF-1"), CONTEXT);

        assertRefusedForItsId(reply);
    }

    @Test
    void a_person_id_with_dots_reaches_sa_as_one_literal_segment() {
        governance.consentGivenBy("1.0-A_b");
        agency.answers(200, SA_PERSON);

        handOff(TOPIC, Map.of("personId", "1.0-A_b", "referenceId", "REF-1"), CONTEXT);

        assertThat(agency.onlyRequest().method()).isEqualTo("GET");
        assertThat(agency.onlyRequest().path()).isEqualTo("/persons/1.0-A_b");
    }

    @Test
    void a_failing_person_registry_is_a_technical_fault_to_retry() {
        agency.answers(500, "{\"error\":\"database down\"}");

        Exchange reply = handOff(TOPIC, VARIABLES, CONTEXT);

        assertThat(reply.getException()).isInstanceOf(AgencyCallFailed.class).hasMessageContaining("500");
    }
}
