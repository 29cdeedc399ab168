package org.esphub.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.HashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Route {@code tax-verify-employment}: is the person in insured employment on the day asked, by the authority's record? */
class TaxVerifyEmploymentRouteTest extends RouteTestSupport {

    private static final String TOPIC = "tax.verify-employment";
    private static final Map<String, Object> CONTEXT = handOffHeaders(TOPIC, "REF-51", "VerifyEmployment");

    @BeforeEach
    void personConsented() {
        // tax-employment-records asks for the person's consent to this exchange
        governance.consentGivenBy("10000000001");
    }
    private static final String RECORD = """
            {"person_id":"10000000001","employment_status":"NOT_EMPLOYED","as_of":"2026-02-28",
             "employments":[
               {"employer_name":"Green Valley Foods","start_date":"2024-01-01","end_date":"2025-06-30",
                "employment_type":"FULL_TIME","monthly_income":"1200.00","currency":"EUR"},
               {"employer_name":"EMP-4","start_date":"2026-05-04","end_date":null,
                "employment_type":"FULL_TIME","monthly_income":"1450.00","currency":"EUR"}]}
            """;

    @Test
    void the_record_is_read_with_a_get_on_the_person_carrying_only_the_correlation_id() {
        agency.answers(200, RECORD);

        handOff(TOPIC, variables("2026-05-04"), CONTEXT);

        AgencyStandIn.Request request = agency.onlyRequest();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/persons/10000000001/employments");
        assertThat(request.header("X-Correlation-ID")).contains("corr-REF-51");
        assertThat(request.body()).isEmpty();
        assertThat(request.headers().keySet()).noneMatch(RouteTestSupport::isHandOffHeader);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "2026-05-04, true",   // the placement's start date
            "2026-08-02, true",   // a retention checkpoint while the spell is open
            "2026-05-03, false",  // the day before it started
            "2025-06-30, true",   // the last day of an ended spell
            "2025-07-01, false"}) // between the two spells
    void insured_employment_is_found_when_a_spell_is_open_on_the_check_date(String checkDate, boolean found) {
        agency.answers(200, RECORD, Map.of("EspBpmnErrorCode", "forged"));

        Exchange reply = handOff(TOPIC, variables(checkDate), CONTEXT);

        assertThat(reply.getException()).isNull();
        assertThat(reply.getMessage().getHeaders().keySet()).noneMatch(RouteTestSupport::isHandOffHeader);
        assertThat(reply.getMessage().getBody(Map.class)).containsOnly(entry("insuredEmploymentFound", found));
    }

    @Test
    void a_person_the_authority_does_not_know_has_no_insured_employment() {
        agency.answers(404, "{\"error\":\"person.unknown\"}");

        Exchange reply = handOff(TOPIC, variables("2026-05-04"), CONTEXT);

        assertThat(reply.getException()).isNull();
        assertThat(reply.getMessage().getBody(Map.class)).containsOnly(entry("insuredEmploymentFound", false));
    }

    @Test
    void without_a_check_date_the_step_fails_rather_than_guess_a_day() {
        agency.answers(200, RECORD);

        Exchange reply = handOff(TOPIC, variables(null), CONTEXT);

        assertThat(reply.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("checkDate");
    }

    @Test
    void an_answer_without_a_list_of_employments_is_a_fault() {
        agency.answers(200, "{\"person_id\":\"10000000001\"}");

        Exchange reply = handOff(TOPIC, variables("2026-05-04"), CONTEXT);

        assertThat(reply.getException()).isInstanceOf(AgencyCallFailed.class).hasMessageContaining("employments");
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {401, 500, 503})
    void any_other_answer_is_a_technical_fault_to_retry(int status) {
        agency.answers(status, "busy");

        Exchange reply = handOff(TOPIC, variables("2026-05-04"), CONTEXT);

        assertThat(reply.getException()).isInstanceOf(AgencyCallFailed.class).hasMessageContaining(String.valueOf(status));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileIds")
    void a_person_id_that_could_steer_the_call_is_refused_as_an_exchange_the_referral_handles(String personId) {
        agency.answers(200, RECORD);
        Map<String, Object> variables = variables("2026-05-04");
        variables.put("personId", personId);

        Exchange reply = handOff(TOPIC, variables, CONTEXT);

        assertRefusedForItsId(reply);
    }

    private static Map<String, Object> variables(String checkDate) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("referenceId", "REF-51");
        variables.put("personId", "10000000001");
        variables.put("correlationId", "corr-REF-51");
        variables.put("employerId", "EMP-4");
        variables.put("startDate", "2026-05-04");
        variables.put("checkDate", checkDate);
        return variables;
    }
}
