package org.esphub.simulators.sa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
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

/** SA in pes-client-sa-access: household figures, the applications register, appeal and end as SA events. */
@SimulatorSpringBootTest
class SaSocialAssistanceApiTest {

    private static final String PERSON = "10000000001";

    @Autowired
    MockMvc mockMvc;

    @Autowired
    QueueProbe queues;

    @Autowired
    ObjectMapper objectMapper;

    @Test
    void the_registry_gives_stable_household_figures_a_demo_can_set_and_none_for_a_stranger() throws Exception {
        String first = mockMvc.perform(get("/sim/sa/persons/{id}/household-figures", "10000000002"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.person_id").value("10000000002"))
                .andReturn().getResponse().getContentAsString();
        mockMvc.perform(get("/sim/sa/persons/{id}/household-figures", "10000000002"))
                .andExpect(result -> assertThat(result.getResponse().getContentAsString()).isEqualTo(first));

        mockMvc.perform(put("/sim/sa/persons/{id}/household-figures", PERSON).contentType(MediaType.APPLICATION_JSON)
                .content("{\"household_size\": 4, \"monthly_household_income\": \"1600.00\"}"))
                .andExpect(status().isOk());
        mockMvc.perform(get("/sim/sa/persons/{id}/household-figures", PERSON))
                .andExpect(jsonPath("$.household_size").value(4))
                .andExpect(jsonPath("$.monthly_household_income").value("1600.00"));

        mockMvc.perform(put("/sim/sa/persons/{id}/household-figures", PERSON).contentType(MediaType.APPLICATION_JSON)
                .content("{\"household_size\": 0, \"monthly_household_income\": \"1.00\"}"))
                .andExpect(status().isBadRequest());
        mockMvc.perform(get("/sim/sa/persons/{id}/household-figures", "nobody-known"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("person.unknown"));
    }

    @Test
    void an_application_is_kept_as_received_once_per_idempotency_key() throws Exception {
        String referenceId = "SAA-" + UUID.randomUUID();
        String application = """
                {"reference_id": "%s", "person_id": "%s", "sa_decision": "GRANTED", "monthly_assistance_amount": 420.0}
                """.formatted(referenceId, PERSON);
        mockMvc.perform(post("/sim/sa/social-assistance-applications").contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", referenceId + ":RecordDecisionAtSa").content(application))
                .andExpect(status().isCreated());
        mockMvc.perform(post("/sim/sa/social-assistance-applications").contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", referenceId + ":RecordDecisionAtSa").content(application))
                .andExpect(status().isOk());
        mockMvc.perform(get("/sim/sa/social-assistance-applications").param("reference_id", referenceId))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].sa_decision").value("GRANTED"))
                .andExpect(jsonPath("$[0].monthly_assistance_amount").value(420.0));

        mockMvc.perform(post("/sim/sa/social-assistance-applications").contentType(MediaType.APPLICATION_JSON)
                .content("{\"reference_id\": \"x\"}")).andExpect(status().isBadRequest());
    }

    @Test
    void the_appeal_and_the_end_of_the_assistance_go_to_the_hub_as_sa_events() throws Exception {
        String referenceId = "SAA-" + UUID.randomUUID();
        mockMvc.perform(post("/sim/sa/social-assistance/{ref}/appeal", referenceId).contentType(MediaType.APPLICATION_JSON)
                .content("{\"appeal_grounds\": \"My rent went up.\"}")).andExpect(status().isAccepted());
        JsonNode appeal = awaitEvent(referenceId);
        assertThat(appeal.at("/message/event_type").asText()).isEqualTo("SocialAssistanceAppealFiled");
        assertThat(appeal.at("/message/appeal_grounds").asText()).isEqualTo("My rent went up.");

        mockMvc.perform(post("/sim/sa/social-assistance/{ref}/ended", referenceId)).andExpect(status().isAccepted());
        assertThat(awaitEvent(referenceId).at("/message/event_type").asText()).isEqualTo("SocialAssistanceEnded");
    }

    private JsonNode awaitEvent(String referenceId) throws Exception {
        return objectMapper.readTree(((TextMessage) queues.awaitMessage(SimulatorQueues.SA_EVENTS_IN,
                QueueProbe.referenceSelector(referenceId))).getText());
    }
}
