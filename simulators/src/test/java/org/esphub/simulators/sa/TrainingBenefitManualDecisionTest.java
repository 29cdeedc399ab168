package org.esphub.simulators.sa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.jms.TextMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.esphub.simulators.SimulatorQueues;
import org.esphub.simulators.testapp.QueueProbe;
import org.esphub.simulators.testapp.SimulatorSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** With auto-decide off a request waits for an SA caseworker's decision, which then goes to the hub. */
@SimulatorSpringBootTest
@TestPropertySource(properties = "esp.simulators.sa.auto-decide-training-benefits=false")
class TrainingBenefitManualDecisionTest {

    @Autowired
    MockMvc mockMvc;

    @Autowired
    QueueProbe queues;

    @Autowired
    ObjectMapper objectMapper;

    @Test
    void aRequestWaitsForTheDecisionAndTheRefusalReachesTheHubOnce() throws Exception {
        String referenceId = TrainingBenefitApiTest.newReferenceId();
        String answer = mockMvc.perform(TrainingBenefitApiTest.request(referenceId, "10000000004", "[]"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andReturn().getResponse().getContentAsString();
        String requestId = objectMapper.readTree(answer).get("request_id").asText();
        assertThat(queues.pollMessage(SimulatorQueues.SA_EVENTS_IN, QueueProbe.referenceSelector(referenceId))).isNull();

        mockMvc.perform(decision(requestId, "{\"approved\": false, \"reason\": \"not a priority sector\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REFUSED"));
        mockMvc.perform(decision(requestId, "{\"approved\": false}"))
                .andExpect(status().isOk());

        JsonNode event = objectMapper.readTree(((TextMessage) queues.awaitMessage(SimulatorQueues.SA_EVENTS_IN,
                QueueProbe.referenceSelector(referenceId))).getText()).path("message");
        assertThat(event.path("event_type").asText()).isEqualTo("TrainingBenefitDecided");
        assertThat(event.path("training_benefit_approved").asBoolean()).isFalse();
        assertThat(event.path("training_benefit_decision_reason").asText()).isEqualTo("not a priority sector");
        assertThat(queues.pollMessage(SimulatorQueues.SA_EVENTS_IN, QueueProbe.referenceSelector(referenceId))).isNull();
    }

    @Test
    void aDecidedRequestIsNotReversedAndADecisionNeedsItsAnswer() throws Exception {
        String referenceId = TrainingBenefitApiTest.newReferenceId();
        String answer = mockMvc.perform(TrainingBenefitApiTest.request(referenceId, "10000000004", "[]"))
                .andReturn().getResponse().getContentAsString();
        String requestId = objectMapper.readTree(answer).get("request_id").asText();

        mockMvc.perform(decision(requestId, "{\"reason\": \"?\"}"))
                .andExpect(status().isBadRequest());
        mockMvc.perform(decision(requestId, "{\"approved\": true}"))
                .andExpect(status().isOk());
        mockMvc.perform(decision(requestId, "{\"approved\": false}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value("request.decided"));
    }

    private static MockHttpServletRequestBuilder decision(String requestId, String body) {
        return post("/sim/sa/training-benefit-requests/" + requestId + "/decision")
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
