package org.esphub.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Route {@code sa-notify-outcome}: what became of a referral, as a DCI envelope on SA's notification queue. */
class SaNotifyOutcomeRouteTest extends RouteTestSupport {

    private static final String TOPIC = "sa.notify-outcome";
    private static final Map<String, Object> CONTEXT = Map.of(
            "EspTopic", TOPIC,
            "EspBusinessKey", "REF-3",
            "EspCorrelationId", "corr-3",
            "EspIdempotencyKey", "REF-3:notifyOutcome",
            "EspProcessInstanceId", "pi-3",
            "EspActivityId", "notifyOutcome");

    private MockEndpoint notifications;

    @BeforeEach
    void expectOneNotification() {
        notifications = queue("esp.sa.notifications.out");
        notifications.expectedMessageCount(1);
    }

    @Test
    void the_outcome_goes_to_sa_as_a_dci_envelope_in_a_text_message() throws Exception {
        handOff(TOPIC, outcome(), CONTEXT);

        notifications.assertIsSatisfied();
        Message sent = notifications.getReceivedExchanges().get(0).getIn();
        assertThat(sent.getBody()).isInstanceOf(String.class);
        JsonNode header = new ObjectMapper().readTree(sent.getBody(String.class)).path("header");
        assertThat(header.path("action").asText()).isEqualTo("notify-outcome");
        assertThat(header.path("sender_id").asText()).isEqualTo(SENDER_ID);
        assertThat(header.path("receiver_id").asText()).isEqualTo(SA_RECEIVER_ID);
        assertThat(header.path("message_id").asText()).isNotBlank();
        assertThat(header.path("message_ts").asText()).isEqualTo(NOW.toString());
        assertThat(header.path("total_count").asInt()).isEqualTo(1);
        assertThat(header.path("meta").path("correlation_id").asText()).isEqualTo("corr-3");
    }

    @Test
    void a_retried_step_is_marked_for_the_broker_to_drop_and_keeps_its_message_id() throws Exception {
        notifications.expectedMessageCount(2);

        // the same task twice: its first worker died after the send, before it reported the task
        handOff(TOPIC, outcome(), CONTEXT);
        handOff(TOPIC, outcome(), CONTEXT);

        notifications.assertIsSatisfied();
        Message first = notifications.getReceivedExchanges().get(0).getIn();
        Message retried = notifications.getReceivedExchanges().get(1).getIn();
        assertThat(first.getHeader(OnceOnTheBroker.DUPLICATE_DETECTION_ID)).isEqualTo("REF-3:notifyOutcome");
        assertThat(retried.getHeader(OnceOnTheBroker.DUPLICATE_DETECTION_ID)).isEqualTo("REF-3:notifyOutcome");
        assertThat(messageId(retried)).isEqualTo(messageId(first));
    }

    @Test
    void the_notification_holds_only_the_outcome_fields_and_omits_the_empty_ones() throws Exception {
        Map<String, Object> variables = outcome();
        variables.put("notes", null);

        handOff(TOPIC, variables, CONTEXT);

        notifications.assertIsSatisfied();
        JsonNode message = new ObjectMapper().readTree(notifications.getReceivedExchanges().get(0).getIn().getBody(String.class))
                .path("message");
        assertThat(new ObjectMapper().convertValue(message, Map.class)).containsOnly(
                entry("reference_id", "REF-3"),
                entry("person_id", "P-3003"),
                entry("outcome", "PLACED"),
                entry("reason", "hired after training"),
                entry("pes_case_number", "PES-78"));
    }

    @Test
    void an_adjustment_notice_carries_the_decision_the_tapering_and_the_appeal_deadline_as_an_iso_instant() throws Exception {
        Map<String, Object> variables = new HashMap<>();
        variables.put("referenceId", "REF-3");
        variables.put("personId", "P-3003");
        variables.put("outcome", "ADJUSTMENT_DECIDED");
        variables.put("reason", "Earnings above the threshold for 90 days");
        variables.put("adjustmentDecision", "GRADUATE");
        variables.put("adjustedBenefitPercent", 75L);
        variables.put("taperingSchedule", "75,50,25,0");
        variables.put("currentMonthlyBenefit", 245.5);
        variables.put("appealDeadline", Date.from(Instant.parse("2026-04-01T09:15:00Z")));

        // as benefit-adjustment's notices declare: under sa-benefit-adjustment-and-appeal, not the referral's MoU
        handOff(TOPIC, variables, CONTEXT, "BENEFIT_ADJUSTMENT");

        notifications.assertIsSatisfied();
        Map<String, Object> sent = new HashMap<>(sentMessage());
        assertThat(sent.remove("explanation")).as("a notice of an automated proposal (DecisionExplanationRouteTest)")
                .isNotNull();
        assertThat(sent).containsOnly(
                entry("reference_id", "REF-3"),
                entry("person_id", "P-3003"),
                entry("outcome", "ADJUSTMENT_DECIDED"),
                entry("reason", "Earnings above the threshold for 90 days"),
                entry("adjustment_decision", "GRADUATE"),
                entry("adjusted_benefit_percent", 75),
                entry("tapering_schedule", "75,50,25,0"),
                entry("current_monthly_benefit", 245.5),
                entry("appeal_deadline", "2026-04-01T09:15:00Z"));
    }

    @Test
    void an_appeal_notice_carries_the_decision_type_the_due_date_and_an_amended_decision() throws Exception {
        Map<String, Object> variables = new HashMap<>();
        variables.put("referenceId", "REF-3");
        variables.put("personId", "P-3003");
        variables.put("outcome", "APPEAL_PARTIALLY_UPHELD");
        variables.put("reason", "Taper over six months instead of four");
        variables.put("decisionType", "BENEFIT_ADJUSTMENT");
        variables.put("appealDecisionDueAt", Date.from(Instant.parse("2026-04-01T00:00:00Z")));
        variables.put("amendedDecision", "GRADUATE");
        variables.put("amendedBenefitPercent", 80L);
        variables.put("amendedSchedule", "80,65,50,35,20,0");

        // as appeal's notices declare
        handOff(TOPIC, variables, CONTEXT, "BENEFIT_APPEAL");

        notifications.assertIsSatisfied();
        assertThat(sentMessage()).contains(
                entry("outcome", "APPEAL_PARTIALLY_UPHELD"),
                entry("decision_type", "BENEFIT_ADJUSTMENT"),
                entry("appeal_decision_due_at", "2026-04-01T00:00:00Z"),
                entry("amended_decision", "GRADUATE"),
                entry("amended_benefit_percent", 80),
                entry("amended_schedule", "80,65,50,35,20,0"));
    }

    @Test
    void training_and_placement_notices_carry_their_facts() throws Exception {
        Map<String, Object> variables = new HashMap<>();
        variables.put("referenceId", "REF-3");
        variables.put("personId", "P-3003");
        variables.put("outcome", "PLACEMENT_VERIFIED");
        variables.put("reason", "EMP-4");
        variables.put("programmeId", "TVET-WELD-01");
        variables.put("providerId", "TVET-NORTH");
        variables.put("durationWeeks", 12L);
        variables.put("attendanceRate", 91.5);
        variables.put("completionDate", "2026-06-30");
        variables.put("employerId", "EMP-4");
        variables.put("startDate", "2026-07-06");
        variables.put("hoursPerWeek", 38L);
        variables.put("monthlyWage", 1450.0);
        variables.put("contractType", "PERMANENT");
        variables.put("contractMonths", 12L);
        variables.put("placementVerifiedAt", Date.from(Instant.parse("2026-07-06T10:00:00Z")));
        variables.put("checkpointDay", 90L);
        variables.put("employmentEndDate", "2026-12-31");

        handOff(TOPIC, variables, CONTEXT);

        notifications.assertIsSatisfied();
        assertThat(sentMessage()).contains(
                entry("programme_id", "TVET-WELD-01"),
                entry("provider_id", "TVET-NORTH"),
                entry("duration_weeks", 12),
                entry("attendance_rate", 91.5),
                entry("completion_date", "2026-06-30"),
                entry("employer_id", "EMP-4"),
                entry("start_date", "2026-07-06"),
                entry("hours_per_week", 38),
                entry("monthly_wage", 1450.0),
                entry("contract_type", "PERMANENT"),
                entry("contract_months", 12),
                entry("placement_verified_at", "2026-07-06T10:00:00Z"),
                entry("checkpoint_day", 90),
                entry("employment_end_date", "2026-12-31"));
    }

    @Test
    void the_notification_needs_no_consent_sa_is_told_also_after_a_withdrawal_and_it_is_audited() throws Exception {
        handOff(TOPIC, outcome(), CONTEXT);

        notifications.assertIsSatisfied();
        assertThat(governance.auditedAbout("P-3003")).singleElement().satisfies(entry -> {
            assertThat(entry.event().exchange()).isEqualTo("sa-notify-outcome");
            assertThat(entry.event().receiver()).isEqualTo(SA_RECEIVER_ID);
            assertThat(entry.event().consentId()).isNull();
            assertThat(entry.event().filtersApplied().split(","))
                    .containsExactlyInAnyOrder("given_name", "birth_date", "correlation_id");
        });
    }

    @Test
    void the_notification_carries_the_correlation_id_as_jms_correlation_id() throws Exception {
        notifications.expectedHeaderReceived("JMSCorrelationID", "corr-3");

        handOff(TOPIC, outcome(), CONTEXT);

        notifications.assertIsSatisfied();
    }

    @Test
    void the_notification_keeps_the_step_idempotency_key_and_reference_id_and_no_other_hand_off_header() throws Exception {
        handOff(TOPIC, outcome(), CONTEXT);

        notifications.assertIsSatisfied();
        // SA drops a notification resent after a retry by its idempotency key
        assertThat(notifications.getReceivedExchanges().get(0).getIn().getHeaders())
                .contains(entry("EspIdempotencyKey", "REF-3:notifyOutcome"), entry("EspReferenceId", "REF-3"))
                .doesNotContainKeys("EspTopic", "EspBusinessKey", "EspCorrelationId", "EspProcessInstanceId", "EspActivityId");
    }

    @Test
    void the_notification_carries_no_content_type_that_jms_would_mangle_into_a_property() throws Exception {
        handOff(TOPIC, outcome(), CONTEXT);

        notifications.assertIsSatisfied();
        // the JMS binding would send it as the property Content_HYPHEN_Type, noise for every SA consumer
        assertThat(notifications.getReceivedExchanges().get(0).getIn().getHeaders()).doesNotContainKey("Content-Type");
    }

    @Test
    void a_sent_notification_completes_the_task_without_result_variables() throws Exception {
        Exchange reply = handOff(TOPIC, outcome(), CONTEXT);

        notifications.assertIsSatisfied();
        assertThat(reply.getException()).isNull();
        assertThat(reply.getMessage().getHeader("EspBpmnErrorCode")).isNull();
        assertThat(reply.getMessage().getBody()).isNull();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> sentMessage() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode message = json.readTree(notifications.getReceivedExchanges().get(0).getIn().getBody(String.class))
                .path("message");
        return json.convertValue(message, Map.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileIds")
    void a_reference_id_that_could_steer_a_url_reaches_sa_as_a_literal_value_on_its_own_queue(String id) throws Exception {
        Map<String, Object> variables = outcome();
        variables.put("referenceId", id);

        handOff(TOPIC, variables, CONTEXT);

        notifications.assertIsSatisfied();
        Message sent = notifications.getReceivedExchanges().get(0).getIn();
        assertThat(new ObjectMapper().readTree(sent.getBody(String.class)).at("/message/reference_id").asText())
                .isEqualTo(id);
        assertThat(sent.getHeader("EspReferenceId")).isEqualTo(id);
    }

    private static Map<String, Object> outcome() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("referenceId", "REF-3");
        variables.put("personId", "P-3003");
        variables.put("outcome", "PLACED");
        variables.put("reason", "hired after training");
        variables.put("pesCaseNumber", "PES-78");
        variables.put("notes", "starts on 1 April");
        // in scope of the task, but not SA's to receive
        variables.put("givenName", "Cleo");
        variables.put("birthDate", "1999-01-01");
        variables.put("correlationId", "corr-3");
        return variables;
    }

    private static String messageId(Message sent) throws Exception {
        return new ObjectMapper().readTree(sent.getBody(String.class)).path("header").path("message_id").asText();
    }
}
