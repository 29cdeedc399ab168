package org.esphub.simulators.sa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
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
class SaComplianceApiTest {

    @Autowired
    MockMvc mockMvc;

    @Autowired
    QueueProbe queues;

    @Autowired
    ObjectMapper objectMapper;

    @Test
    void the_persons_reasons_and_appeal_go_to_the_hub_as_SA_events() throws Exception {
        String referenceId = "REF-" + UUID.randomUUID();
        mockMvc.perform(post("/sim/sa/compliance/{ref}/reasons", referenceId).contentType(MediaType.APPLICATION_JSON)
                .content("{\"stated_reasons\": \"I was ill.\"}")).andExpect(status().isAccepted());
        JsonNode reasons = awaitEvent(referenceId);
        assertThat(reasons.at("/message/event_type").asText()).isEqualTo("ComplianceReasonsGiven");
        assertThat(reasons.at("/message/stated_reasons").asText()).isEqualTo("I was ill.");

        mockMvc.perform(post("/sim/sa/compliance/{ref}/appeal", referenceId).contentType(MediaType.APPLICATION_JSON)
                .content("{\"appeal_grounds\": \"Hospital.\"}")).andExpect(status().isAccepted());
        JsonNode appeal = awaitEvent(referenceId);
        assertThat(appeal.at("/message/event_type").asText()).isEqualTo("SanctionAppealed");
        assertThat(appeal.at("/message/appeal_grounds").asText()).isEqualTo("Hospital.");

        mockMvc.perform(post("/sim/sa/compliance/{ref}/reasons", referenceId).contentType(MediaType.APPLICATION_JSON)
                .content("{}")).andExpect(status().isBadRequest());
    }

    @Test
    void SA_shows_its_compliance_notices_and_only_the_sanctions_still_in_force() throws Exception {
        String referenceId = "REF-" + UUID.randomUUID();
        for (String[] notice : new String[][] {{"COMPLIANCE_WARNING", "warning"},
                {"SANCTION_APPLIED", "benefit_reduction"}, {"SANCTION_ENDED", "benefit_reduction"},
                {"SANCTION_APPLIED", "benefit_suspension"}}) {
            queues.send(SimulatorQueues.SA_NOTIFICATIONS_OUT, session -> session.createTextMessage("""
                    {"header": {"message_id": "%s", "action": "notify-outcome", "sender_id": "esp-hub"},
                     "message": {"reference_id": "%s", "outcome": "%s", "sanction_type": "%s"}}
                    """.formatted(UUID.randomUUID(), referenceId, notice[0], notice[1])));
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                mockMvc.perform(get("/sim/sa/compliance/{ref}", referenceId))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.notices.length()").value(4))
                        .andExpect(jsonPath("$.notices[0].outcome").value("COMPLIANCE_WARNING"))
                        .andExpect(jsonPath("$.sanctions_in_force.length()").value(1))
                        .andExpect(jsonPath("$.sanctions_in_force[0].sanction_type").value("benefit_suspension")));
    }

    private JsonNode awaitEvent(String referenceId) throws Exception {
        return objectMapper.readTree(((TextMessage) queues.awaitMessage(SimulatorQueues.SA_EVENTS_IN,
                QueueProbe.referenceSelector(referenceId))).getText());
    }
}
