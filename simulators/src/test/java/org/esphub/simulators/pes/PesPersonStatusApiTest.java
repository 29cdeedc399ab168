package org.esphub.simulators.pes;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.esphub.simulators.population.Person;
import org.esphub.simulators.population.SyntheticPopulation;
import org.esphub.simulators.testapp.SimulatorSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@SimulatorSpringBootTest
class PesPersonStatusApiTest {

    @Autowired
    MockMvc mockMvc;

    @Autowired
    SyntheticPopulation population;

    @Test
    void aPersonPesNeverRegisteredIsUnknownToIt() throws Exception {
        mockMvc.perform(get("/sim/pes/persons/10000000005/status"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.registered").value(false))
                .andExpect(jsonPath("$.employment_status").value("UNKNOWN"))
                .andExpect(jsonPath("$.active_programs", hasSize(0)))
                .andExpect(jsonPath("$.as_of").isNotEmpty());
    }

    @Test
    void aRegisteredJobseekerIsUnemployedInJobSearchAssistance() throws Exception {
        Person mateo = population.get("10000000004");
        mockMvc.perform(post("/sim/pes/jobseekers").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reference_id\":\"REF-STATUS-1\",\"person_id\":\"10000000004\","
                                + "\"family_name\":\"" + mateo.familyName() + "\","
                                + "\"birth_date\":\"" + mateo.birthDate() + "\"}"))
                .andExpect(status().isCreated());
        mockMvc.perform(get("/sim/pes/persons/10000000004/status"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.registered").value(true))
                .andExpect(jsonPath("$.case_number").isNotEmpty())
                .andExpect(jsonPath("$.employment_status").value("UNEMPLOYED"))
                .andExpect(jsonPath("$.active_programs[0]").value("JOB_SEARCH_ASSISTANCE"))
                .andExpect(jsonPath("$.compliance_status").value("PENDING"));
    }

    @Test
    void anUnknownPersonIs404() throws Exception {
        mockMvc.perform(get("/sim/pes/persons/99999999999/status"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("person.unknown"));
    }
}
