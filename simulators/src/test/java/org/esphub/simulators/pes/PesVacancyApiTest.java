package org.esphub.simulators.pes;

import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.esphub.simulators.testapp.SimulatorSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@SimulatorSpringBootTest
class PesVacancyApiTest {

    @Autowired
    MockMvc mockMvc;

    @Test
    void theJobBoardListsEachOpenVacancyWithItsEmployerAndTerms() throws Exception {
        mockMvc.perform(get("/sim/pes/vacancies"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(VacancyBoard.OPEN.size())))
                .andExpect(jsonPath("$[0].vacancy_id").value("VAC-1"))
                .andExpect(jsonPath("$[0].employer_id").value("EMP-ACME"))
                .andExpect(jsonPath("$[0].employer_name").value("Acme Manufacturing"))
                .andExpect(jsonPath("$[0].job_title").value("Machine operator"))
                .andExpect(jsonPath("$[0].hours_per_week").value(38))
                .andExpect(jsonPath("$[0].monthly_wage").value(1450.00))
                .andExpect(jsonPath("$[0].contract_type").value("PERMANENT"))
                // a permanent job has no contract length, and says so
                .andExpect(jsonPath("$[0].contract_months").value(nullValue()))
                .andExpect(jsonPath("$[2].contract_type").value("FIXED_TERM"))
                .andExpect(jsonPath("$[2].contract_months").value(12));
    }
}
