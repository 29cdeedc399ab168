package org.esphub.simulators.pes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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

/** PES's system refers a jobseeker to social assistance: one PES event with the person, the case and a reason code. */
@SimulatorSpringBootTest
class PesSaAccessApiTest {

    @Autowired
    MockMvc mockMvc;

    @Autowired
    QueueProbe queues;

    @Autowired
    ObjectMapper objectMapper;

    @Test
    void the_referral_goes_to_the_hub_as_a_pes_event_without_case_notes() throws Exception {
        String referenceId = "SAA-" + UUID.randomUUID();
        mockMvc.perform(post("/sim/pes/sa-access-requests").contentType(MediaType.APPLICATION_JSON).content("""
                {"reference_id": "%s", "person_id": "10000000001", "given_name": "Samir", "family_name": "Okafor",
                 "pes_case_id": "PES-CASE-1", "case_notes": "not for SA"}
                """.formatted(referenceId))).andExpect(status().isAccepted());

        JsonNode event = objectMapper.readTree(((TextMessage) queues.awaitMessage(SimulatorQueues.PES_EVENTS_IN,
                QueueProbe.referenceSelector(referenceId))).getText()).path("message");
        assertThat(event.path("event_type").asText()).isEqualTo("SocialAssistanceAccessRequested");
        assertThat(event.path("pes_case_id").asText()).isEqualTo("PES-CASE-1");
        assertThat(event.path("referral_reason").asText()).isEqualTo("economic_hardship");
        assertThat(event.has("case_notes")).isFalse();

        mockMvc.perform(post("/sim/pes/sa-access-requests").contentType(MediaType.APPLICATION_JSON).content("""
                {"reference_id": "%s", "person_id": "10000000001", "given_name": "Samir", "family_name": "Okafor"}
                """.formatted(referenceId))).andExpect(status().isBadRequest());
    }
}
