package org.esphub.simulators.sa;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.esphub.simulators.testapp.SimulatorSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@SimulatorSpringBootTest
class SaPersonApiTest {

    @Autowired
    MockMvc mockMvc;

    @Test
    void listsTheWholeDefaultPopulationOf5000() throws Exception {
        mockMvc.perform(get("/sim/sa/persons"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(5000)))
                .andExpect(jsonPath("$[0].person_id").value("10000000001"))
                .andExpect(jsonPath("$[4999].person_id").value("10000005000"));
    }

    @Test
    void pagesThroughPersonsWithOffsetAndLimit() throws Exception {
        mockMvc.perform(get("/sim/sa/persons").param("offset", "10").param("limit", "3"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(3)))
                .andExpect(jsonPath("$[0].person_id").value("10000000011"));
        mockMvc.perform(get("/sim/sa/persons").param("offset", "4999").param("limit", "10"))
                .andExpect(jsonPath("$", hasSize(1)));
    }

    @Test
    void rejectsNegativeOrNonNumericPagingWithAJsonError() throws Exception {
        mockMvc.perform(get("/sim/sa/persons").param("limit", "-1"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("request.invalid"));
        mockMvc.perform(get("/sim/sa/persons").param("offset", "ten"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("request.invalid"));
    }

    @Test
    void returnsTheFullSaRecordOfAPersonInSnakeCase() throws Exception {
        mockMvc.perform(get("/sim/sa/persons/10000000004"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.person_id").value("10000000004"))
                .andExpect(jsonPath("$.given_name").value("Mateo"))
                .andExpect(jsonPath("$.family_name").value("Rojas"))
                .andExpect(jsonPath("$.sex").value("male"))
                .andExpect(jsonPath("$.birth_date").value(LocalDate.now().minusYears(41).minusDays(120).toString()))
                .andExpect(jsonPath("$.work_able").value(true))
                .andExpect(jsonPath("$.benefit_status").value("ENDED"))
                .andExpect(jsonPath("$.benefit_end_date").value(LocalDate.now().minusDays(10).toString()))
                .andExpect(jsonPath("$.programme_id").value("SP-UNEMP-001"))
                .andExpect(jsonPath("$.benefit_type").value("UNEMPLOYMENT_BENEFIT"))
                .andExpect(jsonPath("$.household_size").value(4))
                .andExpect(jsonPath("$.monthly_benefit_amount").value("255.00"))
                .andExpect(jsonPath("$.phone").isNotEmpty())
                .andExpect(jsonPath("$.email").isNotEmpty())
                .andExpect(jsonPath("$.address").value("Lakeside"))
                .andExpect(jsonPath("$.education_level").value("4"));
    }

    @Test
    void unknownPersonIsA404WithAJsonError() throws Exception {
        mockMvc.perform(get("/sim/sa/persons/99999999999"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("person.unknown"))
                .andExpect(jsonPath("$.message").isNotEmpty());
    }
}
