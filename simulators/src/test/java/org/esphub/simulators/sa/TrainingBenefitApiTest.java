package org.esphub.simulators.sa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** SA's training-benefit desk with auto-decide on (the default): every request approved at once, by event. */
@SimulatorSpringBootTest
class TrainingBenefitApiTest {

    @Autowired
    MockMvc mockMvc;

    @Autowired
    QueueProbe queues;

    @Autowired
    ObjectMapper objectMapper;

    @Test
    void aRequestIsApprovedAtOnceAndSaTellsTheHubWithTrainingBenefitDecided() throws Exception {
        String referenceId = newReferenceId();

        mockMvc.perform(request(referenceId, "10000000001", "[\"TRAINING_ALLOWANCE\", \"CHILDCARE\"]")
                        .header("Idempotency-Key", referenceId + ":RequestTrainingBenefit:1")
                        .header("X-Correlation-ID", "corr-" + referenceId))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.request_id").value(matchesPattern("TBR-\\d{6}")))
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.requested_benefits", hasSize(2)))
                .andExpect(jsonPath("$.decide_by").value("2026-03-09T09:15:00Z"))
                .andExpect(jsonPath("$.decided").doesNotExist());

        Message sent = queues.awaitMessage(SimulatorQueues.SA_EVENTS_IN, QueueProbe.referenceSelector(referenceId));
        assertThat(sent.getJMSCorrelationID()).isEqualTo("corr-" + referenceId);
        assertThat(sent.getStringProperty("esp_eventType")).isEqualTo("TrainingBenefitDecided");
        JsonNode envelope = objectMapper.readTree(((TextMessage) sent).getText());
        assertThat(envelope.at("/header/sender_id").asText()).isEqualTo("sa.gov.example");
        assertThat(envelope.at("/message/training_benefit_approved").asBoolean()).isTrue();
        assertThat(envelope.at("/message/training_benefit_decision_reason").asText()).contains("auto-decide");
        assertThat(envelope.at("/message/person_id").asText()).isEqualTo("10000000001");
    }

    @Test
    void aRepeatedRequestGetsTheSameCaseAndNoSecondDecision() throws Exception {
        String referenceId = newReferenceId();
        String key = referenceId + ":RequestTrainingBenefit:1";
        mockMvc.perform(request(referenceId, "10000000001", "[]").header("Idempotency-Key", key))
                .andExpect(status().isCreated());
        assertThat(queues.awaitMessage(SimulatorQueues.SA_EVENTS_IN, QueueProbe.referenceSelector(referenceId))).isNotNull();

        mockMvc.perform(request(referenceId, "10000000001", "[]").header("Idempotency-Key", key))
                .andExpect(status().isOk());
        mockMvc.perform(request(referenceId, "10000000001", "[]"))
                .andExpect(status().isOk());

        assertThat(queues.pollMessage(SimulatorQueues.SA_EVENTS_IN, QueueProbe.referenceSelector(referenceId))).isNull();
        mockMvc.perform(get("/sim/sa/training-benefit-requests").param("reference_id", referenceId))
                .andExpect(jsonPath("$", hasSize(1)));
    }

    @Test
    void aRequestSaCannotTakeIsAJsonErrorAndSendsNothing() throws Exception {
        String referenceId = newReferenceId();

        mockMvc.perform(request(referenceId, "99999999999", "[]"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("person.unknown"));
        mockMvc.perform(request(referenceId, "10000000001", "[\"CAR\"]"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.error").value("request.invalid"));
        // the checklist as a string, as a route without JSON conversion would send it
        mockMvc.perform(request(referenceId, "10000000001", "\"[\\\"CHILDCARE\\\"]\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("request.malformed"));
        mockMvc.perform(get("/sim/sa/training-benefit-requests/TBR-999999"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("request.unknown"));

        assertThat(queues.pollMessage(SimulatorQueues.SA_EVENTS_IN, QueueProbe.referenceSelector(referenceId))).isNull();
    }

    static MockHttpServletRequestBuilder request(String referenceId, String personId, String benefits) {
        return post("/sim/sa/training-benefit-requests").contentType(MediaType.APPLICATION_JSON).content("""
                {"reference_id": "%s", "person_id": "%s", "programme_id": "TVET-WELD-01",
                 "programme_name": "Welding fundamentals", "provider_id": "TVET-NORTH", "start_date": "2026-04-06",
                 "duration_weeks": 12, "requested_benefits": %s, "decide_by": "2026-03-09T09:15:00Z"}"""
                .formatted(referenceId, personId, benefits));
    }

    static String newReferenceId() {
        return "REF-" + UUID.randomUUID();
    }
}
