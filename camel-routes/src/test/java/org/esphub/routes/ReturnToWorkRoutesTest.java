package org.esphub.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

/**
 * The routes of return-to-work (agreement return-to-work-coordination): the authority's clearance comes
 * back without the diagnosis it sends along; PES and the employer receive the capacity and restrictions,
 * never a diagnosis, even should a mapping hand one over; nothing moves without the person's consent.
 */
class ReturnToWorkRoutesTest extends RouteTestSupport {

    private static final String PURPOSE = "RETURN_TO_WORK";
    private static final String PERSON = "P-0606";
    private static final String CLEARANCE = """
            {"person_id":"P-0606","work_capacity":"PARTIAL","capacity_hours_per_week":20,
             "work_restrictions":"no lifting over 10 kg; no night shifts",
             "diagnosis":"lumbar disc herniation","icd10_code":"M51.2","treating_physician":"Dr. Weber"}
            """;

    // ---- tax-fetch-work-capacity ------------------------------------------------------------------------

    @Test
    void with_consent_the_clearance_is_read_and_only_the_capacity_hours_and_restrictions_come_back() {
        governance.consentGivenBy(PERSON, PURPOSE);
        agency.answers(200, CLEARANCE);

        Exchange reply = handOff("tax.fetch-work-capacity", base(), handOffHeaders("tax.fetch-work-capacity", "RTW-1",
                "FetchWorkCapacity"), PURPOSE);

        assertThat(reply.getException()).isNull();
        AgencyStandIn.Request request = agency.onlyRequest();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/persons/P-0606/work-capacity");
        assertThat(request.header("X-Correlation-ID")).contains("corr-RTW-1");
        assertThat(request.headers().keySet()).noneMatch(RouteTestSupport::isHandOffHeader);
        assertThat(reply.getMessage().getBody(Map.class)).containsOnly(
                entry("workCapacity", "PARTIAL"),
                entry("capacityHoursPerWeek", 20),
                entry("workRestrictions", "no lifting over 10 kg; no night shifts"));
    }

    @Test
    void without_consent_the_authority_is_not_asked_and_the_case_is_told_why() {
        agency.answers(200, CLEARANCE);

        Exchange reply = handOff("tax.fetch-work-capacity", base(), handOffHeaders("tax.fetch-work-capacity", "RTW-1",
                "FetchWorkCapacity"), PURPOSE);

        assertThat(reply.getException()).isNull();
        assertThat(reply.getMessage().getHeader("EspBpmnErrorCode")).isEqualTo("EXCHANGE_REFUSED");
        assertThat(reply.getMessage().getHeader("EspBpmnErrorMessage", String.class)).contains("consent");
        assertThat(agency.requestCount()).as("calls that reached the authority").isZero();
    }

    @Test
    void a_person_the_authority_has_not_assessed_fails_the_call_for_an_operator() {
        governance.consentGivenBy(PERSON, PURPOSE);
        agency.answers(404, "{\"error\":\"person.unknown\"}");

        Exchange reply = handOff("tax.fetch-work-capacity", base(), handOffHeaders("tax.fetch-work-capacity", "RTW-1",
                "FetchWorkCapacity"), PURPOSE);

        assertThat(reply.getException()).isInstanceOf(AgencyCallFailed.class)
                .hasMessageContaining("no work-capacity assessment");
    }

    // ---- employer-agree-accommodations -------------------------------------------------------------------

    @Test
    void the_employer_receives_the_capacity_restrictions_and_plan_never_a_diagnosis_and_its_answer_comes_back() {
        governance.consentGivenBy(PERSON, PURPOSE);
        agency.answers(200, """
                {"employer_answer":"AGREED","employer_comment":"Desk ordered.","internal_note":"HR only"}
                """);
        Map<String, Object> variables = accommodationRequest();

        Exchange reply = handOff("employer.agree-accommodations", variables, handOffHeaders(
                "employer.agree-accommodations", "RTW-1", "AgreeAccommodations"), PURPOSE);

        assertThat(reply.getException()).isNull();
        AgencyStandIn.Request request = agency.onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/employers/accommodation-requests");
        assertThat(json(request.body())).containsOnly(
                entry("reference_id", "RTW-1"),
                entry("person_id", PERSON),
                entry("employer_id", "EMP-0042"),
                entry("work_capacity", "PARTIAL"),
                entry("capacity_hours_per_week", 20),
                entry("work_restrictions", "no lifting over 10 kg"),
                entry("graded_hours_per_week", 16),
                entry("accommodations", "adjustable desk"));
        assertThat(reply.getMessage().getBody(Map.class)).containsOnly(
                entry("employerAnswer", "AGREED"),
                entry("employerComment", "Desk ordered."));
    }

    @Test
    void an_employer_gateway_failure_is_retried() {
        governance.consentGivenBy(PERSON, PURPOSE);
        agency.answers(503, "busy");

        Exchange reply = handOff("employer.agree-accommodations", accommodationRequest(), handOffHeaders(
                "employer.agree-accommodations", "RTW-1", "AgreeAccommodations"), PURPOSE);

        assertThat(reply.getException()).isInstanceOf(AgencyCallFailed.class).hasMessageContaining("503");
    }

    // ---- pes-notify-outcome ------------------------------------------------------------------------------

    @Test
    void pes_learns_the_referral_with_the_capacity_and_restrictions_never_a_diagnosis() throws Exception {
        governance.consentGivenBy(PERSON, PURPOSE);
        MockEndpoint notifications = queue("esp.pes.notifications.out");
        notifications.expectedMessageCount(1);
        Map<String, Object> variables = base();
        variables.put("outcome", "RETURN_TO_WORK_REFERRED");
        variables.put("reason", "INJURY");
        variables.put("workCapacity", "PARTIAL");
        variables.put("capacityHoursPerWeek", 20);
        variables.put("workRestrictions", "no lifting over 10 kg");
        variables.put("diagnosis", "lumbar disc herniation");

        handOff("pes.notify-outcome", variables, handOffHeaders("pes.notify-outcome", "RTW-1", "NotifyPesOfReferral"),
                PURPOSE);

        notifications.assertIsSatisfied();
        @SuppressWarnings("unchecked")
        Map<String, Object> message = new ObjectMapper().convertValue(new ObjectMapper().readTree(
                notifications.getReceivedExchanges().get(0).getIn().getBody(String.class)).path("message"), Map.class);
        assertThat(message).containsOnly(
                entry("reference_id", "RTW-1"),
                entry("person_id", PERSON),
                entry("outcome", "RETURN_TO_WORK_REFERRED"),
                entry("reason", "INJURY"),
                entry("work_capacity", "PARTIAL"),
                entry("capacity_hours_per_week", 20),
                entry("work_restrictions", "no lifting over 10 kg"));
    }

    private static Map<String, Object> base() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("referenceId", "RTW-1");
        variables.put("personId", PERSON);
        variables.put("correlationId", "corr-RTW-1");
        return variables;
    }

    private static Map<String, Object> accommodationRequest() {
        Map<String, Object> variables = base();
        variables.put("employerId", "EMP-0042");
        variables.put("workCapacity", "PARTIAL");
        variables.put("capacityHoursPerWeek", 20);
        variables.put("workRestrictions", "no lifting over 10 kg");
        variables.put("gradedHoursPerWeek", 16);
        variables.put("accommodations", "adjustable desk");
        // what the employer must never learn, should a mapping hand it over
        variables.put("diagnosis", "lumbar disc herniation");
        variables.put("monthlyBenefitAmount", 1000.0);
        return variables;
    }
}
