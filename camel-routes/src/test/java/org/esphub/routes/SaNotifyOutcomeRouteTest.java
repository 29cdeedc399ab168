package org.esphub.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
}
