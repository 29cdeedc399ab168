package org.esphub.simulators.pes;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.time.Duration;
import java.util.UUID;

import jakarta.jms.TextMessage;

import org.esphub.simulators.SimulatorQueues;
import org.esphub.simulators.testapp.QueueProbe;
import org.esphub.simulators.testapp.SimulatorSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** PES keeps what the hub notifies it of, as SA does. */
@SimulatorSpringBootTest
class PesNotificationApiTest {

    @Autowired
    MockMvc mockMvc;

    @Autowired
    QueueProbe queues;

    @Test
    void aNotificationOnThePesQueueIsReadableByReferenceId() throws Exception {
        String referenceId = "REF-" + UUID.randomUUID();
        queues.send(SimulatorQueues.PES_NOTIFICATIONS_OUT, session -> {
            TextMessage message = session.createTextMessage("""
                    {"header": {"action": "notify-outcome", "receiver_id": "pes.gov.example"},
                     "message": {"reference_id": "%s", "person_id": "10000000001", "outcome": "ATTENDANCE_WARNING",
                                 "attendance_rate": 62}}""".formatted(referenceId));
            message.setJMSCorrelationID("corr-" + referenceId);
            return message;
        });

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                mockMvc.perform(get("/sim/pes/notifications").param("reference_id", referenceId))
                        .andExpect(jsonPath("$", hasSize(1)))
                        .andExpect(jsonPath("$[0].valid_json").value(true))
                        .andExpect(jsonPath("$[0].correlation_id").value("corr-" + referenceId))
                        .andExpect(jsonPath("$[0].body.message.outcome").value("ATTENDANCE_WARNING")));
        mockMvc.perform(get("/sim/sa/notifications").param("reference_id", referenceId))
                .andExpect(jsonPath("$", hasSize(0)));
    }
}
