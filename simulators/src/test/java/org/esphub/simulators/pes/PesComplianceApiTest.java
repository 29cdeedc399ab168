package org.esphub.simulators.pes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

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
class PesComplianceApiTest {

    @Autowired
    MockMvc mockMvc;

    @Autowired
    QueueProbe queues;

    @Autowired
    ObjectMapper objectMapper;

    @Test
    void each_diary_entry_goes_to_the_hub_as_one_ComplianceEvidence_event_carrying_only_its_kind() throws Exception {
        String referenceId = "REF-" + UUID.randomUUID();
        mockMvc.perform(post("/sim/pes/compliance/{ref}/evidence", referenceId).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"evidence_type\": \"JOB_APPLICATION\", \"count\": 2}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].queue").value(SimulatorQueues.PES_EVENTS_IN));

        for (int i = 0; i < 2; i++) {
            JsonNode envelope = objectMapper.readTree(((TextMessage) queues.awaitMessage(SimulatorQueues.PES_EVENTS_IN,
                    QueueProbe.referenceSelector(referenceId))).getText());
            assertThat(envelope.at("/header/sender_id").asText()).isEqualTo("pes.gov.example");
            assertThat(envelope.path("message").fieldNames()).toIterable()
                    .containsExactlyInAnyOrder("event_type", "reference_id", "evidence_type", "occurred_at");
            assertThat(envelope.at("/message/event_type").asText()).isEqualTo("ComplianceEvidence");
            assertThat(envelope.at("/message/evidence_type").asText()).isEqualTo("JOB_APPLICATION");
        }
    }

    @Test
    void renewed_compliance_is_one_event() throws Exception {
        String referenceId = "REF-" + UUID.randomUUID();
        mockMvc.perform(post("/sim/pes/compliance/{ref}/renewed", referenceId)).andExpect(status().isAccepted());
        JsonNode envelope = objectMapper.readTree(((TextMessage) queues.awaitMessage(SimulatorQueues.PES_EVENTS_IN,
                QueueProbe.referenceSelector(referenceId))).getText());
        assertThat(envelope.at("/message/event_type").asText()).isEqualTo("ComplianceRenewed");
    }

    @Test
    void an_unknown_kind_of_evidence_or_count_is_refused_and_nothing_is_sent() throws Exception {
        String referenceId = "REF-" + UUID.randomUUID();
        for (String body : new String[] {"{\"evidence_type\": \"DIARY\"}", "{}",
                "{\"evidence_type\": \"JOB_APPLICATION\", \"count\": 0}"}) {
            mockMvc.perform(post("/sim/pes/compliance/{ref}/evidence", referenceId)
                            .contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.error").value("evidence.invalid"));
        }
        assertThat(queues.pollMessage(SimulatorQueues.PES_EVENTS_IN, QueueProbe.referenceSelector(referenceId))).isNull();
    }
}
