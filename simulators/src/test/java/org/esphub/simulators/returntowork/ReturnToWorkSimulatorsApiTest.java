package org.esphub.simulators.returntowork;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.esphub.simulators.testapp.SimulatorSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The simulators return-to-work talks to: the authority answers a clearance with the diagnosis, as real
 * systems do (the hub's gate must drop it); the employer answers an accommodation request at once, agreed
 * unless set to refuse, and keeps each request as received.
 */
@SimulatorSpringBootTest
class ReturnToWorkSimulatorsApiTest {

    @Autowired
    MockMvc mockMvc;

    @Test
    void the_authority_answers_an_assessed_persons_clearance_with_the_diagnosis_and_an_unassessed_one_with_404()
            throws Exception {
        mockMvc.perform(put("/sim/tax/persons/10000000606/work-capacity").contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"work_capacity": "PARTIAL", "capacity_hours_per_week": 20,
                                 "work_restrictions": "no lifting over 10 kg", "diagnosis": "lumbar disc herniation",
                                 "icd10_code": "M51.2"}
                                """))
                .andExpect(status().isOk());

        mockMvc.perform(get("/sim/tax/persons/10000000606/work-capacity"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.person_id").value("10000000606"))
                .andExpect(jsonPath("$.work_capacity").value("PARTIAL"))
                .andExpect(jsonPath("$.capacity_hours_per_week").value(20))
                .andExpect(jsonPath("$.work_restrictions").value("no lifting over 10 kg"))
                .andExpect(jsonPath("$.diagnosis").value("lumbar disc herniation"))
                .andExpect(jsonPath("$.assessed_at").isNotEmpty());
        mockMvc.perform(get("/sim/tax/persons/10000000607/work-capacity"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("person.unknown"));
    }

    @Test
    void a_partial_capacity_without_hours_or_an_unknown_capacity_is_refused() throws Exception {
        mockMvc.perform(put("/sim/tax/persons/10000000608/work-capacity").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"work_capacity\": \"PARTIAL\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("request.invalid"));
        mockMvc.perform(put("/sim/tax/persons/10000000608/work-capacity").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"work_capacity\": \"SOMETIMES\"}"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void the_employer_agrees_unless_set_to_refuse_and_keeps_each_request_as_received() throws Exception {
        String referenceId = "RTW-" + UUID.randomUUID();
        String employerId = "EMP-" + UUID.randomUUID();
        String request = """
                {"reference_id": "%s", "person_id": "10000000606", "employer_id": "%s", "work_capacity": "PARTIAL",
                 "capacity_hours_per_week": 20, "work_restrictions": "no lifting over 10 kg",
                 "graded_hours_per_week": 16, "accommodations": "adjustable desk"}
                """.formatted(referenceId, employerId);

        mockMvc.perform(post("/sim/employer/accommodation-requests").contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotency-Key", referenceId + ":1").content(request))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.employer_answer").value("AGREED"));

        mockMvc.perform(put("/sim/employer/employers/" + employerId + "/accommodation-answer")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"employer_answer\": \"REFUSED\", \"employer_comment\": \"Every job here involves lifting.\"}"))
                .andExpect(status().isOk());
        mockMvc.perform(post("/sim/employer/accommodation-requests").contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotency-Key", referenceId + ":2").content(request))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.employer_answer").value("REFUSED"))
                .andExpect(jsonPath("$.employer_comment").value("Every job here involves lifting."));

        mockMvc.perform(get("/sim/employer/accommodation-requests").param("reference_id", referenceId))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[0].content.work_restrictions").value("no lifting over 10 kg"))
                .andExpect(jsonPath("$[0].content.accommodations").value("adjustable desk"))
                .andExpect(jsonPath("$[0].content.diagnosis").doesNotExist());
    }

    @Test
    void an_answer_other_than_agreed_or_refused_and_a_request_without_its_employer_are_refused() throws Exception {
        mockMvc.perform(put("/sim/employer/employers/EMP-1/accommodation-answer").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"employer_answer\": \"MAYBE\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("request.invalid"));
        mockMvc.perform(post("/sim/employer/accommodation-requests").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reference_id\": \"RTW-X\", \"person_id\": \"10000000606\"}"))
                .andExpect(status().isBadRequest());
    }
}
