package org.esphub.simulators.sa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.jms.BytesMessage;
import jakarta.jms.TextMessage;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.esphub.simulators.SimulatorQueues;
import org.esphub.simulators.testapp.QueueProbe;
import org.esphub.simulators.testapp.SimulatorSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@SimulatorSpringBootTest
class SaNotificationApiTest {

    @Autowired
    MockMvc mockMvc;

    @Autowired
    QueueProbe queues;

    @Autowired
    ObjectMapper objectMapper;

    @Test
    void notificationSentAsTextMessageIsReadableByReferenceId() throws Exception {
        String referenceId = newReferenceId();
        queues.send(SimulatorQueues.SA_NOTIFICATIONS_OUT, session -> {
            TextMessage message = session.createTextMessage(notification(referenceId, "10000000001"));
            message.setJMSCorrelationID("corr-" + referenceId);
            message.setStringProperty("esp_eventType", "RegistrationConfirmed");
            return message;
        });

        awaitNotifications("reference_id", referenceId)
                .andExpect(jsonPath("$[0].valid_json").value(true))
                .andExpect(jsonPath("$[0].body.message.reference_id").value(referenceId))
                .andExpect(jsonPath("$[0].body.message.person_id").value("10000000001"))
                .andExpect(jsonPath("$[0].correlation_id").value("corr-" + referenceId))
                .andExpect(jsonPath("$[0].properties.esp_eventType").value("RegistrationConfirmed"))
                .andExpect(jsonPath("$[0].jms_message_id").isNotEmpty())
                .andExpect(jsonPath("$[0].received_at").isNotEmpty())
                .andExpect(jsonPath("$[0].raw_body").doesNotExist());
    }

    @Test
    void notificationSentAsBytesMessageIsReadAsUtf8Json() throws Exception {
        String referenceId = newReferenceId();
        queues.send(SimulatorQueues.SA_NOTIFICATIONS_OUT, session -> {
            BytesMessage message = session.createBytesMessage();
            message.writeBytes(notification(referenceId, "10000000002").getBytes(StandardCharsets.UTF_8));
            return message;
        });

        awaitNotifications("reference_id", referenceId)
                .andExpect(jsonPath("$[0].valid_json").value(true))
                .andExpect(jsonPath("$[0].body.message.person_id").value("10000000002"))
                .andExpect(jsonPath("$[0].body.message.note").value("Überprüfung abgeschlossen"));
    }

    @Test
    void notificationThatIsNotJsonIsKeptAsRawTextWithAFlag() throws Exception {
        String marker = newReferenceId();
        queues.send(SimulatorQueues.SA_NOTIFICATIONS_OUT, session -> {
            TextMessage message = session.createTextMessage("<notify>" + marker + "</notify>");
            message.setJMSCorrelationID(marker);
            return message;
        });

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                mockMvc.perform(get("/sim/sa/notifications"))
                        .andExpect(jsonPath("$[?(@.correlation_id == '" + marker + "')]", hasSize(1)))
                        .andExpect(jsonPath("$[?(@.correlation_id == '" + marker + "')].valid_json").value(false))
                        .andExpect(jsonPath("$[?(@.correlation_id == '" + marker + "')].raw_body")
                                .value("<notify>" + marker + "</notify>")));
    }

    @Test
    void notificationsCanBeFilteredByPersonId() throws Exception {
        String referenceId = newReferenceId();
        String personId = "10000000123";
        queues.send(SimulatorQueues.SA_NOTIFICATIONS_OUT,
                session -> session.createTextMessage(notification(referenceId, personId)));

        awaitNotifications("reference_id", referenceId);
        mockMvc.perform(get("/sim/sa/notifications").param("person_id", personId).param("reference_id", referenceId))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)));
        mockMvc.perform(get("/sim/sa/notifications").param("person_id", "00000000000").param("reference_id", referenceId))
                .andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void countsShowAnOutcomeToldTwiceAsADuplicate() throws Exception {
        String referenceId = newReferenceId();
        long receivedBefore = countOf("received");
        long duplicatesBefore = countOf("duplicates");
        long toldTwiceBefore = countOf("told_more_than_once");

        // the same outcome of one referral in two envelopes (each with its own message id), then another outcome
        for (String outcome : List.of("NotEligible", "NotEligible", "ServicesCommenced")) {
            queues.send(SimulatorQueues.SA_NOTIFICATIONS_OUT,
                    session -> session.createTextMessage(outcome(referenceId, outcome)));
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> countOf("received") - receivedBefore == 3);
        assertThat(countOf("duplicates") - duplicatesBefore).isEqualTo(1);
        assertThat(countOf("told_more_than_once") - toldTwiceBefore).isEqualTo(1);
    }

    private long countOf(String field) throws Exception {
        String json = mockMvc.perform(get("/sim/sa/notifications/counts")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return objectMapper.readTree(json).get(field).asLong();
    }

    private static String outcome(String referenceId, String outcome) {
        return """
                {"header": {"message_id": "%s", "action": "notify-outcome", "sender_id": "esp-hub"},
                 "message": {"reference_id": "%s", "person_id": "10000000124", "outcome": "%s"}}
                """.formatted(UUID.randomUUID(), referenceId, outcome);
    }

    private ResultActions awaitNotifications(String filter, String value) {
        AtomicReference<ResultActions> found = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> found.set(
                mockMvc.perform(get("/sim/sa/notifications").param(filter, value))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$", hasSize(1)))));
        return found.get();
    }

    private static String newReferenceId() {
        return "REF-" + UUID.randomUUID();
    }

    private static String notification(String referenceId, String personId) {
        return """
                {"header": {"message_id": "%s", "action": "notify", "sender_id": "esp-hub"},
                 "message": {"reference_id": "%s", "person_id": "%s", "note": "Überprüfung abgeschlossen"}}
                """.formatted(UUID.randomUUID(), referenceId, personId);
    }
}
