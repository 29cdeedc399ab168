package org.esphub.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.esphub.governance.audit.AuditAction;
import org.esphub.governance.audit.AuditEvent;
import org.esphub.governance.audit.AuditOutcome;
import org.junit.jupiter.api.Test;

/** Route {@code tvet-programme-catalogue}: the provider's catalogue, as the options of the programme form. */
class TvetProgrammeCatalogueRouteTest extends RouteTestSupport {

    private static final String TOPIC = "tvet.list-programmes";
    private static final Map<String, Object> CONTEXT = handOffHeaders(TOPIC, "REF-31", "ListProgrammes");
    private static final Map<String, Object> VARIABLES = Map.of(
            "referenceId", "REF-31", "personId", "10000000001");
    private static final String CATALOGUE = """
            [{"programme_id":"TVET-WELD-01","name":"Welding fundamentals","provider_id":"TVET-NORTH",
              "duration_weeks":12,"capacity":12,"seats_left":3,"internal_cost_centre":"CC-9"},
             {"programme_id":"TVET-SOLAR-05","name":"Solar panel installation","provider_id":"TVET-CITY",
              "duration_weeks":10,"capacity":0,"seats_left":0}]
            """;

    /** Whom each programme is for; the last one names no audience, so only a caller asking for none sees it. */
    private static final String AUDIENCE_CATALOGUE = """
            [{"programme_id":"TVET-WELD-01","name":"Welding fundamentals","provider_id":"TVET-NORTH",
              "duration_weeks":12,"seats_left":3,"audiences":["ADULT"]},
             {"programme_id":"TVET-ICT-03","name":"IT support technician","provider_id":"TVET-CITY",
              "duration_weeks":24,"seats_left":5,"audiences":["ADULT","YOUTH"]},
             {"programme_id":"TVET-APPR-06","name":"Electrician apprenticeship","provider_id":"TVET-NORTH",
              "duration_weeks":40,"seats_left":12,"audiences":["YOUTH"]},
             {"programme_id":"TVET-OLD-08","name":"Old course","provider_id":"TVET-CITY",
              "duration_weeks":6,"seats_left":1}]
            """;

    @Test
    void the_catalogue_is_read_with_a_get_that_carries_nothing_about_the_person() {
        agency.answers(200, CATALOGUE);

        handOff(TOPIC, VARIABLES, CONTEXT);

        AgencyStandIn.Request request = agency.onlyRequest();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/tvet/programmes");
        assertThat(request.body()).isEmpty();
        assertThat(request.header("X-Correlation-ID")).contains("corr-REF-31");
        assertThat(request.headers().keySet()).noneMatch(RouteTestSupport::isHandOffHeader);
    }

    @Test
    @SuppressWarnings("unchecked")
    void every_programme_becomes_an_option_of_the_select_and_a_catalogue_entry_of_what_goes_with_it() {
        agency.answers(200, CATALOGUE, Map.of("EspBpmnErrorCode", "forged"));

        Exchange reply = handOff(TOPIC, VARIABLES, CONTEXT);

        assertThat(reply.getException()).isNull();
        assertThat(reply.getMessage().getHeaders().keySet()).noneMatch(RouteTestSupport::isHandOffHeader);
        @SuppressWarnings("unchecked")
        Map<String, Object> variables = reply.getMessage().getBody(Map.class);
        assertThat(variables).containsOnlyKeys("programmeOptions", "programmeCatalogue");
        assertThat((List<Object>) variables.get("programmeOptions")).containsExactly(
                Map.of("label", "Welding fundamentals · TVET-NORTH · 12 weeks · 3 seats left · TVET-WELD-01",
                        "value", "TVET-WELD-01"),
                // a full programme is still offered: the provider says why there is no place
                Map.of("label", "Solar panel installation · TVET-CITY · 10 weeks · 0 seats left · TVET-SOLAR-05",
                        "value", "TVET-SOLAR-05"));
        assertThat((Map<String, Object>) variables.get("programmeCatalogue")).containsOnly(
                entry("TVET-WELD-01", (Object) Map.of("programmeName", "Welding fundamentals",
                        "providerId", "TVET-NORTH",
                        "durationWeeks", 12)),
                entry("TVET-SOLAR-05", (Object) Map.of("programmeName", "Solar panel installation",
                        "providerId", "TVET-CITY",
                        "durationWeeks", 10)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_caller_that_asks_for_youth_programmes_is_offered_only_those_and_the_provider_is_not_told() {
        agency.answers(200, AUDIENCE_CATALOGUE);
        Map<String, Object> youth = new HashMap<>(VARIABLES);
        youth.put("programmeAudience", "YOUTH");

        Exchange reply = handOff(TOPIC, youth, CONTEXT);

        assertThat(reply.getException()).isNull();
        AgencyStandIn.Request request = agency.onlyRequest();
        assertThat(request.path()).isEqualTo("/tvet/programmes");
        assertThat(request.body()).isEmpty();
        Map<String, Object> variables = reply.getMessage().getBody(Map.class);
        assertThat((List<Map<String, Object>>) variables.get("programmeOptions"))
                .extracting(option -> option.get("value")).containsExactly("TVET-ICT-03", "TVET-APPR-06");
        assertThat((Map<String, Object>) variables.get("programmeCatalogue"))
                .containsOnlyKeys("TVET-ICT-03", "TVET-APPR-06");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_caller_that_asks_for_no_audience_is_offered_the_whole_catalogue() {
        agency.answers(200, AUDIENCE_CATALOGUE);
        Map<String, Object> noAudience = new HashMap<>(VARIABLES);
        noAudience.put("programmeAudience", null);

        Exchange reply = handOff(TOPIC, noAudience, CONTEXT);

        Map<String, Object> variables = reply.getMessage().getBody(Map.class);
        assertThat((List<Map<String, Object>>) variables.get("programmeOptions"))
                .extracting(option -> option.get("value"))
                .containsExactly("TVET-WELD-01", "TVET-ICT-03", "TVET-APPR-06", "TVET-OLD-08");
    }

    @Test
    void the_read_is_audited_as_a_release_to_the_provider_that_needs_no_consent_and_sends_nothing() {
        agency.answers(200, CATALOGUE);

        handOff(TOPIC, VARIABLES, CONTEXT);

        AuditEvent recorded = governance.auditedAbout("10000000001").get(0).event();
        assertThat(recorded.exchange()).isEqualTo("tvet-programme-catalogue");
        assertThat(recorded.receiver()).isEqualTo("tvet.example.org");
        assertThat(recorded.action()).isEqualTo(AuditAction.READ);
        assertThat(recorded.outcome()).isEqualTo(AuditOutcome.RELEASED);
        assertThat(recorded.consentId()).isNull();
    }

    @Test
    void an_entry_without_a_programme_id_is_a_fault_of_the_provider() {
        agency.answers(200, "[{\"name\":\"Nameless\"}]");

        Exchange reply = handOff(TOPIC, VARIABLES, CONTEXT);

        assertThat(reply.getException()).isInstanceOf(AgencyCallFailed.class).hasMessageContaining("programme_id");
    }

    @Test
    void any_other_answer_fails_the_call_for_a_retry() {
        agency.answers(503, "busy");

        Exchange reply = handOff(TOPIC, VARIABLES, CONTEXT);

        assertThat(reply.getException()).isInstanceOf(AgencyCallFailed.class).hasMessageContaining("503");
        assertThat(reply.getMessage().getHeader("EspBpmnErrorCode")).isNull();
    }
}
