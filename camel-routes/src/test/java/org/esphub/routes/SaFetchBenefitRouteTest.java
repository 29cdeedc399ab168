package org.esphub.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.Map;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Route {@code sa-fetch-benefit}: the benefit SA pays now, read before each benefit adjustment. */
class SaFetchBenefitRouteTest extends RouteTestSupport {

    private static final String TOPIC = "sa.fetch-benefit";
    /** What referral-to-pes's sa.fetch-benefit tasks declare: the benefit is read to adjust it. */
    private static final String PURPOSE = "BENEFIT_ADJUSTMENT";
    private static final Map<String, Object> VARIABLES = Map.of("personId", "P-1001", "referenceId", "REF-1");
    private static final Map<String, Object> CONTEXT = Map.of(
            "EspTopic", TOPIC,
            "EspBusinessKey", "REF-1",
            "EspCorrelationId", "corr-1",
            "EspIdempotencyKey", "REF-1:FetchBenefitOnPlacement:1",
            "EspProcessInstanceId", "pi-1",
            "EspActivityId", "FetchBenefitOnPlacement");
    private static final String SA_PERSON = """
            {"person_id":"P-1001","given_name":"Ana","family_name":"Lopez","benefit_status":"ACTIVE",
             "monthly_benefit_amount":"245.00","household_size":4,"phone":"+1 555 0100"}
            """;

    @Test
    void the_benefit_is_read_with_a_get_on_the_person_carrying_the_correlation_id() {
        agency.answers(200, SA_PERSON);

        handOff(TOPIC, VARIABLES, CONTEXT, PURPOSE);

        AgencyStandIn.Request request = agency.onlyRequest();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/persons/P-1001");
        assertThat(request.header("X-Correlation-ID")).contains("corr-1");
        assertThat(request.headers().keySet()).noneMatch(name -> name.regionMatches(true, 0, "Esp", 0, 3));
    }

    @Test
    void only_the_benefit_status_and_amount_come_back() {
        agency.answers(200, SA_PERSON);

        Exchange reply = handOff(TOPIC, VARIABLES, CONTEXT, PURPOSE);

        assertThat(reply.getException()).isNull();
        assertThat(reply.getMessage().getBody(Map.class)).containsOnly(
                entry("benefitStatus", "ACTIVE"),
                entry("monthlyBenefitAmount", 245.0));
    }

    @Test
    void a_person_sa_no_longer_knows_is_a_fault_that_retries_and_then_raises_an_incident() {
        agency.answers(404, "{\"error\":\"person.unknown\"}");

        Exchange reply = handOff(TOPIC, VARIABLES, CONTEXT, PURPOSE);

        assertThat(reply.getException()).isInstanceOf(AgencyCallFailed.class).hasMessageContaining("P-1001");
        assertThat(reply.getMessage().getHeader("EspBpmnErrorCode")).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileIds")
    void a_person_id_that_could_steer_the_call_is_refused_as_an_exchange_the_referral_handles(String personId) {
        agency.answers(200, "{\"benefit_status\":\"ACTIVE\"}");

        Exchange reply = handOff(TOPIC, Map.of("personId", personId, "referenceId", "REF-1"), CONTEXT, PURPOSE);

        assertRefusedForItsId(reply);
    }

    @Test
    void any_other_answer_fails_the_call() {
        agency.answers(500, "boom");

        Exchange reply = handOff(TOPIC, VARIABLES, CONTEXT, PURPOSE);

        assertThat(reply.getException()).isInstanceOf(AgencyCallFailed.class).hasMessageContaining("500");
    }
}
