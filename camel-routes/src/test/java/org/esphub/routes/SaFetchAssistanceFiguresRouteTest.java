package org.esphub.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.Map;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Route {@code sa-fetch-assistance-figures}: the household size and income SA's registry holds, read for
 * the pre-eligibility rules of a PES client's referral, only with the person's consent.
 */
class SaFetchAssistanceFiguresRouteTest extends RouteTestSupport {

    private static final String TOPIC = "sa.fetch-assistance-figures";
    /** What pes-client-sa-access's task declares (agreement pes-sa-social-assistance-access). */
    private static final String PURPOSE = "SOCIAL_ASSISTANCE_ACCESS";
    private static final Map<String, Object> VARIABLES = Map.of("personId", "P-2001", "referenceId", "SAA-1",
            "correlationId", "corr-SAA-1");
    private static final Map<String, Object> CONTEXT = handOffHeaders(TOPIC, "SAA-1", "FetchHouseholdFigures");
    private static final String SA_FIGURES = """
            {"person_id":"P-2001","household_size":4,"monthly_household_income":"1600.00",
             "household_members":[{"name":"Ana","relation":"child"}],"address":"12 Main St"}
            """;

    @Test
    void with_consent_the_figures_are_read_with_a_get_carrying_the_correlation_id_and_no_hand_off_header() {
        governance.consentGivenBy("P-2001", PURPOSE);
        agency.answers(200, SA_FIGURES);

        handOff(TOPIC, VARIABLES, CONTEXT, PURPOSE);

        AgencyStandIn.Request request = agency.onlyRequest();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/persons/P-2001/household-figures");
        assertThat(request.header("X-Correlation-ID")).contains("corr-SAA-1");
        assertThat(request.headers().keySet()).noneMatch(RouteTestSupport::isHandOffHeader);
    }

    @Test
    void only_the_household_size_and_income_come_back_whatever_else_sa_sent() {
        governance.consentGivenBy("P-2001", PURPOSE);
        agency.answers(200, SA_FIGURES);

        Exchange reply = handOff(TOPIC, VARIABLES, CONTEXT, PURPOSE);

        assertThat(reply.getException()).isNull();
        assertThat(reply.getMessage().getBody(Map.class)).containsOnly(
                entry("householdSize", 4),
                entry("monthlyHouseholdIncome", 1600.0));
    }

    @Test
    void without_consent_nothing_reaches_sa_and_the_referral_is_told_why() {
        agency.answers(200, SA_FIGURES);

        Exchange reply = handOff(TOPIC, VARIABLES, CONTEXT, PURPOSE);

        assertThat(reply.getException()).isNull();
        assertThat(reply.getMessage().getHeader("EspBpmnErrorCode")).isEqualTo("EXCHANGE_REFUSED");
        assertThat(reply.getMessage().getHeader("EspBpmnErrorMessage", String.class)).contains("consent");
        assertThat(agency.requestCount()).as("calls that reached SA").isZero();
    }

    @Test
    void a_person_sa_does_not_know_has_no_figures_and_the_caseworker_completes_the_application() {
        governance.consentGivenBy("P-2001", PURPOSE);
        agency.answers(404, "{\"error\":\"person.unknown\"}");

        Exchange reply = handOff(TOPIC, VARIABLES, CONTEXT, PURPOSE);

        assertThat(reply.getException()).isNull();
        assertThat(reply.getMessage().getBody(Map.class)).containsOnly(
                entry("householdSize", null),
                entry("monthlyHouseholdIncome", null));
    }

    @Test
    void any_other_answer_fails_the_call() {
        governance.consentGivenBy("P-2001", PURPOSE);
        agency.answers(503, "busy");

        Exchange reply = handOff(TOPIC, VARIABLES, CONTEXT, PURPOSE);

        assertThat(reply.getException()).isInstanceOf(AgencyCallFailed.class).hasMessageContaining("503");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileIds")
    void a_person_id_that_could_steer_the_call_is_refused_as_an_exchange_the_referral_handles(String personId) {
        governance.consentGivenBy(personId, PURPOSE);
        agency.answers(200, SA_FIGURES);

        Exchange reply = handOff(TOPIC, Map.of("personId", personId, "referenceId", "SAA-1"), CONTEXT, PURPOSE);

        assertRefusedForItsId(reply);
    }
}
