package org.esphub.simulators.sa;

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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@SimulatorSpringBootTest
class SaEventApiTest {

    @Autowired
    MockMvc mockMvc;

    @Autowired
    QueueProbe queues;

    @Autowired
    ObjectMapper objectMapper;

    @Test
    void postedEventGoesUnchangedOntoTheSaEventsQueue() throws Exception {
        String referenceId = "REF-" + UUID.randomUUID();
        String event = """
                {"header": {"message_id": "m-1", "action": "sa-event", "sender_id": "sa.gov.example"},
                 "message": {"event_type": "AppealFiled", "reference_id": "%s", "grounds": "benefit cut too early"}}
                """.formatted(referenceId);

        String answer = mockMvc.perform(post("/sim/sa/events")
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("X-Correlation-ID", "corr-" + referenceId)
                        .content(event))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.message_id").isNotEmpty())
                .andExpect(jsonPath("$.queue").value("esp.sa.events.in"))
                .andReturn().getResponse().getContentAsString();

        Message sent = queues.awaitMessage(SimulatorQueues.SA_EVENTS_IN, QueueProbe.referenceSelector(referenceId));
        assertThat(sent).isInstanceOf(TextMessage.class);
        assertThat(objectMapper.readTree(((TextMessage) sent).getText())).isEqualTo(objectMapper.readTree(event));
        assertThat(sent.getJMSMessageID()).isEqualTo(objectMapper.readTree(answer).get("message_id").asText());
        assertThat(sent.getJMSCorrelationID()).isEqualTo("corr-" + referenceId);
        assertThat(sent.getStringProperty("esp_eventType")).isEqualTo("AppealFiled");
    }

    @Test
    void aPlainEventIsWrappedInSasEnvelopeFirst() throws Exception {
        String referenceId = "REF-" + UUID.randomUUID();

        mockMvc.perform(post("/sim/sa/events")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"event_type": "AppealFiled", "reference_id": "%s", "appeal_grounds": "taper too steep"}"""
                                .formatted(referenceId)))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.queue").value("esp.sa.events.in"));

        Message sent = queues.awaitMessage(SimulatorQueues.SA_EVENTS_IN, QueueProbe.referenceSelector(referenceId));
        JsonNode envelope = objectMapper.readTree(((TextMessage) sent).getText());
        assertThat(envelope.at("/header/sender_id").asText()).isEqualTo("sa.gov.example");
        assertThat(envelope.at("/header/message_id").asText()).isNotBlank();
        assertThat(envelope.at("/message/event_type").asText()).isEqualTo("AppealFiled");
        assertThat(envelope.at("/message/appeal_grounds").asText()).isEqualTo("taper too steep");
        assertThat(sent.getStringProperty("esp_eventType")).isEqualTo("AppealFiled");
    }

    @Test
    void aPlainEventWithoutReferenceIdIsRejected() throws Exception {
        mockMvc.perform(post("/sim/sa/events").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"event_type\": \"TrainingBenefitDecided\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("event.invalid"));
    }

    @Test
    void eventThatIsNotAJsonObjectIsRejected() throws Exception {
        mockMvc.perform(post("/sim/sa/events").contentType(MediaType.APPLICATION_JSON).content("[1, 2]"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("event.invalid"));
        mockMvc.perform(post("/sim/sa/events").contentType(MediaType.APPLICATION_JSON).content("{not json"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("request.malformed"));
    }
}
