package org.esphub.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.Map;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The tasks of employment-status verification: the three sources ({@code pes.report-labour-status},
 * {@code tax.report-insured-employment}, {@code employer.confirm-employment}) through the gate under the
 * agreement employment-status-verification, and the hub's weighing ({@code hub.weigh-employment-status}).
 */
class VerificationSourceRoutesTest extends RouteTestSupport {

    private static final String PERSON = "10000000042";
    private static final String PURPOSE = "BENEFIT_ADMINISTRATION";
    private static final Map<String, Object> CONTEXT = Map.of("EspCorrelationId", "corr-9");

    @ParameterizedTest(name = "{0}")
    @CsvSource({"pes.report-labour-status,/persons/10000000042/status",
            "tax.report-insured-employment,/persons/10000000042/employments",
            "employer.confirm-employment,/employers/persons/10000000042/employment"})
    void each_source_is_asked_with_a_get_on_the_person_and_nothing_but_its_id_leaves(String topic, String path) {
        agency.answers(404, "{\"error\":\"person.unknown\"}");

        Exchange reply = ask(topic);

        assertThat(reply.getException()).isNull();
        AgencyStandIn.Request request = agency.onlyRequest();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo(path);
        assertThat(request.body()).isEmpty();
        assertThat(request.header("X-Correlation-ID")).contains("corr-9");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"pes.report-labour-status,pesFinding", "tax.report-insured-employment,taxFinding",
            "employer.confirm-employment,employerFinding"})
    void a_source_that_does_not_know_the_person_finds_nothing_either_way(String topic, String finding) {
        agency.answers(404, "{\"error\":\"person.unknown\"}");

        assertThat(ask(topic).getMessage().getBody(Map.class)).containsEntry(finding, "NOT_KNOWN");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"pes.report-labour-status", "tax.report-insured-employment", "employer.confirm-employment"})
    void a_source_that_is_down_fails_the_call_for_a_retry(String topic) {
        agency.answers(503, "down for maintenance");

        assertThat(ask(topic).getException()).isInstanceOf(AgencyCallFailed.class).hasMessageContaining("503");
    }

    @Test
    void pes_reports_a_registered_jobseeker_as_of_when_it_looked() {
        agency.answers(200, "{\"person_id\":\"" + PERSON + "\",\"registered\":true,\"as_of\":\"2026-03-02T09:00:00Z\"}");

        assertThat(ask("pes.report-labour-status").getMessage().getBody(Map.class)).containsOnly(
                entry("pesFinding", "REGISTERED_JOBSEEKER"), entry("pesAsOf", "2026-03-02T09:00:00Z"));
    }

    @Test
    void the_authority_s_open_spell_gives_the_employment_its_employer_start_and_income() {
        agency.answers(200, "{\"person_id\":\"" + PERSON + "\",\"as_of\":\"2026-02-28\",\"employments\":["
                + "{\"employer_name\":\"Old Co\",\"start_date\":\"2020-01-01\",\"end_date\":\"2021-01-01\",\"monthly_income\":\"900.00\"},"
                + "{\"employer_name\":\"Acme Manufacturing\",\"start_date\":\"2026-02-02\",\"end_date\":null,\"monthly_income\":\"1450.00\"}]}");

        assertThat(ask("tax.report-insured-employment").getMessage().getBody(Map.class)).containsOnly(
                entry("taxFinding", "EMPLOYED"), entry("taxAsOf", "2026-02-28T23:59:59.999999999Z"),
                entry("employerName", "Acme Manufacturing"), entry("employmentStartDate", "2026-02-02"),
                entry("monthlyEmploymentIncome", 1450.0));
    }

    @Test
    void an_authority_record_without_an_open_spell_says_not_employed() {
        agency.answers(200, "{\"person_id\":\"" + PERSON + "\",\"as_of\":\"2026-02-28\",\"employments\":[]}");

        assertThat(ask("tax.report-insured-employment").getMessage().getBody(Map.class))
                .containsEntry("taxFinding", "NOT_EMPLOYED").containsEntry("monthlyEmploymentIncome", null);
    }

    @Test
    void the_employers_confirm_the_employment() {
        agency.answers(200, "{\"person_id\":\"" + PERSON + "\",\"employed\":true,\"as_of\":\"2026-03-02T08:00:00Z\"}");

        assertThat(ask("employer.confirm-employment").getMessage().getBody(Map.class)).containsOnly(
                entry("employerFinding", "EMPLOYED"), entry("employerAsOf", "2026-03-02T08:00:00Z"));
    }

    @Test
    void a_source_asked_for_another_purpose_is_refused_by_the_gate_and_not_asked() {
        agency.answers(200, "{\"person_id\":\"" + PERSON + "\",\"employed\":true,\"as_of\":\"2026-03-02T08:00:00Z\"}");

        Exchange reply = handOff("employer.confirm-employment", Map.of("personId", PERSON, "referenceId", "VER-1"),
                CONTEXT, GateOnH2.ACTIVATION);

        assertThat(reply.getMessage().getHeader("EspBpmnErrorCode")).isEqualTo("EXCHANGE_REFUSED");
        assertThat(agency.requests()).isEmpty();
    }

    @Test
    void the_findings_are_weighed_by_the_hub_and_no_agency_is_called() {
        Map<String, Object> findings = new java.util.HashMap<>(Map.of("personId", PERSON, "referenceId", "VER-1",
                "taxFinding", "EMPLOYED", "taxAsOf", "2026-02-28T23:59:59Z"));
        findings.put("pesFinding", null);

        Exchange reply = handOff("hub.weigh-employment-status", findings, CONTEXT, PURPOSE);

        assertThat(reply.getException()).isNull();
        assertThat(statusWeighing.weighed).containsExactly(findings);
        assertThat(reply.getMessage().getBody(Map.class)).containsEntry("employmentStatus", "EMPLOYED")
                .containsEntry("statusConfidence", 0.9);
        assertThat(agency.requests()).isEmpty();
    }

    private Exchange ask(String topic) {
        return handOff(topic, Map.of("personId", PERSON, "referenceId", "VER-1"), CONTEXT, PURPOSE);
    }
}
