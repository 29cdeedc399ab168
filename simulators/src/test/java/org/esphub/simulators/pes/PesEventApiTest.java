package org.esphub.simulators.pes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import jakarta.jms.Message;
import jakarta.jms.TextMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.esphub.simulators.SimulatorQueues;
import org.esphub.simulators.testapp.QueueProbe;
import org.esphub.simulators.testapp.SimulatorSpringBootTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@SimulatorSpringBootTest
class PesEventApiTest {

    @Autowired
    MockMvc mockMvc;

    @Autowired
    QueueProbe queues;

    @Autowired
    ObjectMapper objectMapper;

    @Test
    void anyEventIsWrappedInTheDciEnvelopeAndSentToThePesEventsQueue() throws Exception {
        String referenceId = "REF-" + UUID.randomUUID();

        String answer = mockMvc.perform(post("/sim/pes/events")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("X-Correlation-ID", "corr-" + referenceId)
                        .content("""
                                {"event_type": "TrainingCompleted", "reference_id": "%s", "course_id": "TVET-17",
                                 "attendance_rate": 0.92}""".formatted(referenceId)))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.queue").value("esp.pes.events.in"))
                .andReturn().getResponse().getContentAsString();

        Message sent = queues.awaitMessage(SimulatorQueues.PES_EVENTS_IN, QueueProbe.referenceSelector(referenceId));
        assertThat(sent.getJMSCorrelationID()).isEqualTo("corr-" + referenceId);
        assertThat(sent.getStringProperty("esp_eventType")).isEqualTo("TrainingCompleted");
        JsonNode envelope = objectMapper.readTree(((TextMessage) sent).getText());
        assertThat(envelope.at("/header/message_id").asText())
                .isEqualTo(objectMapper.readTree(answer).get("message_id").asText());
        assertThat(envelope.at("/header/action").asText()).isEqualTo("pes-event");
        assertThat(envelope.at("/header/sender_id").asText()).isEqualTo("pes.gov.example");
        assertThat(envelope.at("/message/event_type").asText()).isEqualTo("TrainingCompleted");
        assertThat(envelope.at("/message/reference_id").asText()).isEqualTo(referenceId);
        assertThat(envelope.at("/message/course_id").asText()).isEqualTo("TVET-17");
        assertThat(envelope.at("/message/attendance_rate").asDouble()).isEqualTo(0.92);
        assertThat(envelope.at("/message/occurred_at").asText()).isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{\"reference_id\": \"REF-1\"}",
            "{\"event_type\": \"PlacementReported\"}",
            "{\"event_type\": \"\", \"reference_id\": \"REF-1\"}",
            "{\"event_type\": \"PlacementReported\", \"reference_id\": 42}",
            "[\"PlacementReported\"]"})
    void eventWithoutEventTypeOrReferenceIdIsRejectedWith400(String body) throws Exception {
        mockMvc.perform(post("/sim/pes/events").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("event.invalid"))
                .andExpect(jsonPath("$.message").isNotEmpty());
    }
}
