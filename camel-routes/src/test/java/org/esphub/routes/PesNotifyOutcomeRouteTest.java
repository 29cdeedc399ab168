package org.esphub.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.mock.MockEndpoint;
import org.esphub.governance.restriction.Restriction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Route {@code pes-notify-outcome}: a notice PES acts on, as a DCI envelope on PES's notification queue. */
class PesNotifyOutcomeRouteTest extends RouteTestSupport {

    private static final String TOPIC = "pes.notify-outcome";
    private static final Map<String, Object> CONTEXT = handOffHeaders(TOPIC, "REF-41", "NotifyPesPlacementVerified");

    private MockEndpoint notifications;

    @BeforeEach
    void expectOneNotification() {
        // sa-pes-activation-referral asks for the person's consent to activation notices to PES
        governance.consentGivenBy("10000000001");
        notifications = queue("esp.pes.notifications.out");
        notifications.expectedMessageCount(1);
    }

    @Test
    void the_notice_goes_to_pes_as_a_dci_envelope_in_a_text_message() throws Exception {
        handOff(TOPIC, placementVerified(), CONTEXT);

        notifications.assertIsSatisfied();
        Message sent = notifications.getReceivedExchanges().get(0).getIn();
        assertThat(sent.getBody()).isInstanceOf(String.class);
        JsonNode header = new ObjectMapper().readTree(sent.getBody(String.class)).path("header");
        assertThat(header.path("action").asText()).isEqualTo("notify-outcome");
        assertThat(header.path("sender_id").asText()).isEqualTo(SENDER_ID);
        assertThat(header.path("receiver_id").asText()).isEqualTo(PES_RECEIVER_ID);
        assertThat(header.path("message_ts").asText()).isEqualTo(NOW.toString());
        assertThat(header.path("meta").path("correlation_id").asText()).isEqualTo("corr-REF-41");
    }

    @Test
    void a_restriction_of_the_persons_activation_data_holds_the_notice_until_lifted_without_a_bpmn_error()
            throws Exception {
        Restriction restriction = governance.restrict("10000000001", GateOnH2.ACTIVATION);

        Exchange held = handOff(TOPIC, placementVerified(), CONTEXT);

        assertThat(notifications.getReceivedExchanges()).isEmpty();
        assertThat(held.getMessage().getHeader("EspHeldReason", String.class)).startsWith("RESTRICTED: pes-notify-outcome: ");
        assertThat(held.getMessage().getHeader("EspBpmnErrorCode")).isNull();

        governance.lift(restriction);
        Exchange resumed = handOff(TOPIC, placementVerified(), CONTEXT);

        notifications.assertIsSatisfied();
        assertThat(resumed.getMessage().getHeader("EspHeldReason")).isNull();
    }

    @Test
    void the_notice_holds_only_the_fields_pes_acts_on() throws Exception {
        handOff(TOPIC, placementVerified(), CONTEXT);

        notifications.assertIsSatisfied();
        JsonNode message = new ObjectMapper().readTree(notifications.getReceivedExchanges().get(0).getIn().getBody(String.class))
                .path("message");
        assertThat(new ObjectMapper().convertValue(message, Map.class)).containsOnly(
                entry("reference_id", "REF-41"),
                entry("person_id", "10000000001"),
                entry("outcome", "PLACEMENT_VERIFIED"),
                entry("reason", "EMP-4"),
                entry("employer_id", "EMP-4"),
                entry("vacancy_id", "VAC-88"),
                entry("start_date", "2026-05-04"));
    }

    @Test
    void sas_decision_on_a_pes_client_reaches_pes_explained_without_the_household_figures_or_the_amount() throws Exception {
        Map<String, Object> variables = new HashMap<>();
        variables.put("referenceId", "REF-41");
        variables.put("personId", "10000000001");
        variables.put("pesCaseId", "PES-CASE-7");
        variables.put("outcome", "SOCIAL_ASSISTANCE_REFUSED");
        variables.put("reason", "Income above the thresholds.");
        variables.put("appealDeadline", java.util.Date.from(java.time.Instant.parse("2026-04-01T09:15:00Z")));
        variables.put("decisionRuleId", "Rule_AboveThresholds");
        variables.put("decisionApprovedBy", "sa-caseworker");
        // what PES must never learn, should a mapping hand it over
        variables.put("householdSize", 4L);
        variables.put("monthlyHouseholdIncome", 1600.0);
        variables.put("monthlyAssistanceAmount", 420.0);

        // telling the referrer SA's decision needs no consent of its own (pes-sa-social-assistance-access)
        handOff(TOPIC, variables, CONTEXT, "SOCIAL_ASSISTANCE_ACCESS");

        notifications.assertIsSatisfied();
        JsonNode message = new ObjectMapper().readTree(notifications.getReceivedExchanges().get(0).getIn().getBody(String.class))
                .path("message");
        // the person PES serves learns why: the pre-eligibility rule, who decided and how to appeal
        JsonNode explanation = message.path("explanation");
        assertThat(explanation.path("rule_id").asText()).isEqualTo("Rule_AboveThresholds");
        assertThat(explanation.path("rule").asText()).startsWith("Household income above the thresholds");
        assertThat(explanation.path("approved_by").asText()).isEqualTo("sa-caseworker");
        assertThat(explanation.at("/appeal/deadline").asText()).isEqualTo("2026-04-01T09:15:00Z");
        Map<String, Object> fields = new ObjectMapper().convertValue(message, new TypeReference<Map<String, Object>>() { });
        fields.remove("explanation");
        assertThat(fields).containsOnly(
                entry("reference_id", "REF-41"),
                entry("person_id", "10000000001"),
                entry("pes_case_id", "PES-CASE-7"),
                entry("outcome", "SOCIAL_ASSISTANCE_REFUSED"),
                entry("reason", "Income above the thresholds."),
                entry("appeal_deadline", "2026-04-01T09:15:00Z"));
    }

    @Test
    void an_attendance_warning_carries_the_rate_the_programme_and_the_rule_that_sent_it() throws Exception {
        Map<String, Object> variables = new HashMap<>();
        variables.put("referenceId", "REF-41");
        variables.put("personId", "10000000001");
        variables.put("outcome", "ATTENDANCE_WARNING");
        variables.put("reason", "LOW_ATTENDANCE");
        variables.put("attendanceRate", 62L);
        variables.put("programmeId", "TVET-WELD-01");
        variables.put("decisionRuleId", "WARNING");

        handOff(TOPIC, variables, CONTEXT);

        notifications.assertIsSatisfied();
        JsonNode message = new ObjectMapper().readTree(notifications.getReceivedExchanges().get(0).getIn().getBody(String.class))
                .path("message");
        assertThat(message.path("attendance_rate").asInt()).isEqualTo(62);
        assertThat(message.path("programme_id").asText()).isEqualTo("TVET-WELD-01");
        // the rules alone sent it: the explanation names the rule and says no caseworker reviewed it
        assertThat(message.at("/explanation/rule_id").asText()).isEqualTo("Rule_AttendanceBelowWarningThreshold");
        assertThat(message.at("/explanation/summary").asText()).contains("no caseworker reviewed it");
    }

    @Test
    void the_notice_keeps_the_idempotency_key_and_reference_id_as_properties_and_no_other_hand_off_header() throws Exception {
        notifications.expectedHeaderReceived("JMSCorrelationID", "corr-REF-41");

        handOff(TOPIC, placementVerified(), CONTEXT);

        notifications.assertIsSatisfied();
        assertThat(notifications.getReceivedExchanges().get(0).getIn().getHeaders())
                .contains(entry("EspIdempotencyKey", "REF-41:NotifyPesPlacementVerified:ai-1"), entry("EspReferenceId", "REF-41"))
                .doesNotContainKeys("EspTopic", "EspBusinessKey", "EspCorrelationId", "EspProcessInstanceId",
                        "EspActivityId", "Content-Type");
    }

    @Test
    void a_sent_notice_completes_the_task_without_result_variables() throws Exception {
        Exchange reply = handOff(TOPIC, placementVerified(), CONTEXT);

        notifications.assertIsSatisfied();
        assertThat(reply.getException()).isNull();
        assertThat(reply.getMessage().getHeader("EspBpmnErrorCode")).isNull();
        assertThat(reply.getMessage().getBody()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileIds")
    void a_reference_id_that_could_steer_a_url_reaches_pes_as_a_literal_value_on_its_own_queue(String id) throws Exception {
        Map<String, Object> variables = placementVerified();
        variables.put("referenceId", id);

        handOff(TOPIC, variables, CONTEXT);

        notifications.assertIsSatisfied();
        Message sent = notifications.getReceivedExchanges().get(0).getIn();
        assertThat(new ObjectMapper().readTree(sent.getBody(String.class)).at("/message/reference_id").asText())
                .isEqualTo(id);
        assertThat(sent.getHeader("EspReferenceId")).isEqualTo(id);
    }

    private static Map<String, Object> placementVerified() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("referenceId", "REF-41");
        variables.put("personId", "10000000001");
        variables.put("correlationId", "corr-REF-41");
        variables.put("outcome", "PLACEMENT_VERIFIED");
        variables.put("reason", "EMP-4");
        variables.put("employerId", "EMP-4");
        variables.put("vacancyId", "VAC-88");
        variables.put("startDate", "2026-05-04");
        // in scope of the process, but not PES's to receive through this notice
        variables.put("monthlyWage", 1450.0);
        variables.put("givenName", "Ana");
        return variables;
    }
}
