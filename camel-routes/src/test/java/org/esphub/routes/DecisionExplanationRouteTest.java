package org.esphub.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

/**
 * The explanation of an automated proposal reaches SA with the notice, passes the gate under the agreement,
 * and its summary (no values) is kept in the exchange's audit record for the person's data tracker.
 */
class DecisionExplanationRouteTest extends RouteTestSupport {

    private static final String TOPIC = "sa.notify-outcome";

    @Test
    void a_sanction_notice_tells_the_rule_the_approver_and_the_appeal_route_and_the_audit_keeps_it() throws Exception {
        MockEndpoint notifications = queue("esp.sa.notifications.out");
        notifications.expectedMessageCount(1);
        Map<String, Object> variables = new HashMap<>();
        variables.put("referenceId", "REF-9");
        variables.put("personId", "P-9009");
        variables.put("outcome", "SANCTION_DECIDED");
        variables.put("reason", "two missed appointments");
        variables.put("sanctionType", "benefit_reduction");
        variables.put("reductionPercent", 30L);
        variables.put("appealDeadline", "2026-04-01T09:15:00Z");
        variables.put("decisionRuleId", "Rule_FirstStepWarning");
        variables.put("decisionApprovedBy", "sa-worker");

        handOff(TOPIC, variables, handOffHeaders(TOPIC, "REF-9", "NotifySanctionDecided"), "ACTIVATION_COMPLIANCE");

        notifications.assertIsSatisfied();
        JsonNode explanation = new ObjectMapper().readTree(notifications.getReceivedExchanges().get(0).getIn()
                .getBody(String.class)).path("message").path("explanation");
        assertThat(explanation.path("rule_id").asText()).isEqualTo("Rule_FirstStepWarning");
        assertThat(explanation.path("rule").asText()).isNotBlank();
        assertThat(explanation.path("approved_by").asText()).isEqualTo("sa-worker");
        assertThat(explanation.path("appeal").path("deadline").asText()).isEqualTo("2026-04-01T09:15:00Z");
        assertThat(explanation.path("inputs")).isNotEmpty();
        assertThat(governance.auditedAbout("P-9009")).singleElement().satisfies(entry -> {
            assertThat(entry.event().exchange()).isEqualTo("sa-notify-outcome");
            assertThat(entry.event().reason()).isEqualTo(explanation.path("summary").asText())
                    .contains("To appeal").doesNotContain("two missed appointments");
        });
    }
}
