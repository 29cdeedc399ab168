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

/** Route {@code pes-open-vacancies}: the open vacancies at PES, as the options of the vacancy form. */
class PesOpenVacanciesRouteTest extends RouteTestSupport {

    private static final String TOPIC = "pes.list-vacancies";
    private static final Map<String, Object> CONTEXT = handOffHeaders(TOPIC, "REF-32", "ListVacancies");
    private static final Map<String, Object> VARIABLES = Map.of(
            "referenceId", "REF-32", "personId", "10000000001");
    private static final String CATALOGUE = """
            [{"vacancy_id":"VAC-1","employer_id":"EMP-ACME","employer_name":"Acme Manufacturing",
              "job_title":"Machine operator","hours_per_week":38,"monthly_wage":1450.00,
              "contract_type":"PERMANENT","contract_months":null,"employer_contact":"hr@acme.example"},
             {"vacancy_id":"VAC-3","employer_id":"EMP-CARE","employer_name":"City Care Homes",
              "job_title":"Care assistant","hours_per_week":36,"monthly_wage":1380.50,
              "contract_type":"FIXED_TERM","contract_months":12}]
            """;

    @Test
    void the_catalogue_is_read_with_a_get_that_carries_nothing_about_the_person() {
        agency.answers(200, CATALOGUE);

        handOff(TOPIC, VARIABLES, CONTEXT);

        AgencyStandIn.Request request = agency.onlyRequest();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/vacancies");
        assertThat(request.body()).isEmpty();
        assertThat(request.header("X-Correlation-ID")).contains("corr-REF-32");
        assertThat(request.headers().keySet()).noneMatch(RouteTestSupport::isHandOffHeader);
    }

    @Test
    @SuppressWarnings("unchecked")
    void every_vacancy_becomes_an_option_of_the_select_and_a_catalogue_entry_of_its_employer_and_terms() {
        agency.answers(200, CATALOGUE, Map.of("EspBpmnErrorCode", "forged"));

        Exchange reply = handOff(TOPIC, VARIABLES, CONTEXT);

        assertThat(reply.getException()).isNull();
        assertThat(reply.getMessage().getHeaders().keySet()).noneMatch(RouteTestSupport::isHandOffHeader);
        @SuppressWarnings("unchecked")
        Map<String, Object> variables = reply.getMessage().getBody(Map.class);
        assertThat(variables).containsOnlyKeys("vacancyOptions", "vacancyCatalogue");
        assertThat((List<Object>) variables.get("vacancyOptions")).containsExactly(
                Map.of("label",
                        "Machine operator · Acme Manufacturing · 38 h a week · 1450 a month · PERMANENT · VAC-1",
                        "value", "VAC-1"),
                Map.of("label",
                        "Care assistant · City Care Homes · 36 h a week · 1380.5 a month · FIXED_TERM 12 · VAC-3",
                        "value", "VAC-3"));
        Map<String, Object> permanent = new HashMap<>(Map.of("employerId", "EMP-ACME",
                "employerName", "Acme Manufacturing", "jobTitle", "Machine operator", "hoursPerWeek", 38,
                "monthlyWage", 1450.0, "contractType", "PERMANENT"));
        // a permanent job has no contract length: the entry says so, rather than keep an earlier one
        permanent.put("contractMonths", null);
        // what PES does not share under the agreement (the employer's contact) is not kept
        assertThat((Map<String, Object>) variables.get("vacancyCatalogue")).containsOnly(
                entry("VAC-1", (Object) permanent),
                entry("VAC-3", (Object) Map.of("employerId", "EMP-CARE", "employerName", "City Care Homes",
                        "jobTitle", "Care assistant", "hoursPerWeek", 36, "monthlyWage", 1380.5,
                        "contractType", "FIXED_TERM", "contractMonths", 12)));
    }

    @Test
    void the_read_is_audited_as_a_release_to_pes_that_needs_no_consent_and_sends_nothing() {
        agency.answers(200, CATALOGUE);

        handOff(TOPIC, VARIABLES, CONTEXT);

        AuditEvent recorded = governance.auditedAbout("10000000001").get(0).event();
        assertThat(recorded.exchange()).isEqualTo("pes-open-vacancies");
        assertThat(recorded.receiver()).isEqualTo("pes.gov.example");
        assertThat(recorded.action()).isEqualTo(AuditAction.READ);
        assertThat(recorded.outcome()).isEqualTo(AuditOutcome.RELEASED);
        assertThat(recorded.consentId()).isNull();
    }

    @Test
    void an_entry_without_a_vacancy_id_is_a_fault_of_pes() {
        agency.answers(200, "[{\"name\":\"Nameless\"}]");

        Exchange reply = handOff(TOPIC, VARIABLES, CONTEXT);

        assertThat(reply.getException()).isInstanceOf(AgencyCallFailed.class).hasMessageContaining("vacancy_id");
    }

    @Test
    void any_other_answer_fails_the_call_for_a_retry() {
        agency.answers(503, "busy");

        Exchange reply = handOff(TOPIC, VARIABLES, CONTEXT);

        assertThat(reply.getException()).isInstanceOf(AgencyCallFailed.class).hasMessageContaining("503");
        assertThat(reply.getMessage().getHeader("EspBpmnErrorCode")).isNull();
    }
}
