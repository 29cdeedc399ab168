package org.esphub.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.HashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.esphub.processes.Rectification;
import org.esphub.processes.SubjectAccessRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Route {@code employer-notify-rectification}: one employer that received a field about the person learns it
 * was corrected, through the employers' gateway; the audit log names that employer, and nothing else about
 * the person leaves.
 */
class EmployerNotifyRectificationRouteTest extends RouteTestSupport {

    private static final String TOPIC = Rectification.TOPIC_NOTIFY_EMPLOYER;
    private static final String PERSON = "10000000001";
    private static final Map<String, Object> CONTEXT = handOffHeaders(TOPIC, "RECT-7",
            Rectification.NOTIFY_EMPLOYERS_OF_CORRECTION);

    @Test
    void the_employer_learns_the_field_its_new_value_version_and_date_and_the_audit_log_names_the_employer() {
        agency.answers(202, "{\"id\":\"RECTIFICATION-000001\"}");

        Exchange reply = handOff(TOPIC, variables(), CONTEXT, SubjectAccessRequest.PURPOSE_DATA_SUBJECT_RIGHTS);

        assertThat(reply.getException()).isNull();
        assertThat(reply.getMessage().getBody()).isNull();
        AgencyStandIn.Request request = agency.onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/employers/rectifications");
        assertThat(request.header("Idempotency-Key")).contains("RECT-7:NotifyEmployersOfCorrection:ai-1");
        assertThat(request.header("X-Correlation-ID")).contains("corr-RECT-7");
        assertThat(request.headers().keySet()).noneMatch(RouteTestSupport::isHandOffHeader);
        // the person's statement, had a task carried it, stays in the hub: the agreement does not list it
        assertThat(json(request.body())).containsOnly(
                entry("reference_id", "RECT-7"),
                entry("person_id", PERSON),
                entry("employer_id", "EMP-ACME"),
                entry("outcome", Rectification.OUTCOME_DATA_RECTIFIED),
                entry("field", "family_name"),
                entry("new_value", "Rodrigues"),
                entry("version", 2),
                entry("effective_date", "2026-03-02"));
        assertThat(governance.auditedAbout(PERSON)).singleElement().satisfies(audited -> {
            assertThat(audited.event().agreement()).startsWith("data-subject-rights@");
            assertThat(audited.event().receiver()).isEqualTo("employers");
            assertThat(audited.event().partner()).isEqualTo("EMP-ACME");
            assertThat(audited.event().filtersApplied()).isEqualTo("statement");
        });
    }

    @Test
    void a_notice_that_names_no_employer_is_refused_and_never_sent() {
        Map<String, Object> variables = variables();
        variables.remove("employerId");

        Exchange reply = handOff(TOPIC, variables, CONTEXT, SubjectAccessRequest.PURPOSE_DATA_SUBJECT_RIGHTS);

        assertThat(reply.getMessage().getHeader("EspBpmnErrorCode")).isEqualTo("EXCHANGE_REFUSED");
        assertThat(reply.getMessage().getHeader("EspBpmnErrorMessage", String.class)).startsWith("PARTNER_NOT_NAMED");
        assertThat(agency.requestCount()).isZero();
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {400, 404, 503})
    void a_refused_or_failed_notice_is_a_fault_to_retry(int status) {
        agency.answers(status, "{\"error\":\"down\"}");

        Exchange reply = handOff(TOPIC, variables(), CONTEXT, SubjectAccessRequest.PURPOSE_DATA_SUBJECT_RIGHTS);

        assertThat(reply.getException()).isInstanceOf(AgencyCallFailed.class)
                .hasMessageContaining(String.valueOf(status)).hasMessageContaining("rectification notice");
    }

    private static Map<String, Object> variables() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("referenceId", "RECT-7");
        variables.put("personId", PERSON);
        variables.put("employerId", "EMP-ACME");
        variables.put("outcome", Rectification.OUTCOME_DATA_RECTIFIED);
        variables.put("field", "family_name");
        variables.put("newValue", "Rodrigues");
        variables.put("version", 2);
        variables.put("effectiveDate", "2026-03-02");
        variables.put("statement", "my passport says so");
        return variables;
    }
}
