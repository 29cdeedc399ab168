package org.esphub.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.camel.Exchange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import java.util.List;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Routes {@code pes-labour-status} and {@code tax-insured-employment}: the live sources of
 * employment-status verification, read when the hub's status projection is stale. Both share
 * {@code person-record-answer}, so each case runs against both.
 */
class StatusSourceRoutesTest extends RouteTestSupport {

    private static final Map<String, Object> CONTEXT = Map.of("EspCorrelationId", "corr-7");

    @ParameterizedTest(name = "{0}")
    @CsvSource({"pes-labour-status,/persons/10000000042/status",
            "tax-insured-employment,/persons/10000000042/employments"})
    void the_source_is_read_with_a_get_on_the_person_carrying_the_correlation_id(String route, String path) {
        agency.answers(200, "{\"person_id\":\"10000000042\"}");

        ask(route, "10000000042");

        AgencyStandIn.Request request = agency.onlyRequest();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo(path);
        assertThat(request.header("X-Correlation-ID")).contains("corr-7");
        assertThat(request.headers().keySet()).noneMatch(name -> name.regionMatches(true, 0, "Esp", 0, 3));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"pes-labour-status", "tax-insured-employment"})
    void an_answer_becomes_a_map_and_no_agency_header_can_pose_as_a_hub_header(String route) {
        agency.answers(200, "{\"person_id\":\"10000000042\",\"employment_status\":\"EMPLOYED\"}",
                Map.of("EspPersonUnknown", "true"));

        Exchange reply = ask(route, "10000000042");

        assertThat(reply.getException()).isNull();
        assertThat(reply.getMessage().getHeader("EspPersonUnknown")).isNull();
        assertThat(reply.getMessage().getBody(Map.class)).containsEntry("employment_status", "EMPLOYED");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"pes-labour-status", "tax-insured-employment"})
    void a_404_says_the_person_is_unknown_to_the_source(String route) {
        agency.answers(404, "{\"error\":\"person.unknown\"}");

        Exchange reply = ask(route, "10000000042");

        assertThat(reply.getException()).isNull();
        assertThat(reply.getMessage().getHeader("EspPersonUnknown", Boolean.class)).isTrue();
        assertThat(reply.getMessage().getBody()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"pes-labour-status", "tax-insured-employment"})
    void any_other_answer_fails_the_call(String route) {
        agency.answers(503, "busy");

        Exchange reply = ask(route, "10000000042");

        assertThat(reply.getException()).isInstanceOf(AgencyCallFailed.class).hasMessageContaining("503");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileIds")
    void a_person_id_that_could_steer_the_call_is_refused_and_no_source_is_asked(String personId) {
        agency.answers(200, "{\"person_id\":\"10000000042\"}");

        for (String route : List.of("pes-labour-status", "tax-insured-employment")) {
            assertRefusedForItsId(ask(route, personId));
        }
    }

    private Exchange ask(String route, String personId) {
        return template.request("direct:" + route, exchange -> {
            // as the hub's LiveStatusSources asks: for the agreement employment-status-verification
            exchange.setProperty("EspPurpose", "BENEFIT_ADMINISTRATION");
            exchange.setProperty("EspPersonId", personId);
            exchange.getIn().setBody(personId);
            exchange.getIn().setHeaders(new java.util.HashMap<>(CONTEXT));
        });
    }
}
