package org.esphub.simulators.tax;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.esphub.simulators.testapp.SimulatorSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@SimulatorSpringBootTest
class TaxRecordsApiTest {

    private static final String LAST_MONTH_END = LocalDate.now().withDayOfMonth(1).minusDays(1).toString();

    @Autowired
    MockMvc mockMvc;

    @Autowired
    ContributionRegister register;

    @Test
    void demoPersonasHaveNoInsuredEmploymentAndDataCompleteToLastMonthEnd() throws Exception {
        mockMvc.perform(get("/sim/tax/persons/10000000002/employments"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.person_id").value("10000000002"))
                .andExpect(jsonPath("$.employment_status").value("NOT_EMPLOYED"))
                .andExpect(jsonPath("$.as_of").value(LAST_MONTH_END))
                .andExpect(jsonPath("$.employments", hasSize(0)));
    }

    @Test
    void aboutAThirdOfThePopulationIsInInsuredEmploymentAndTheAnswerIsStable() {
        long employed = java.util.stream.IntStream.rangeClosed(6, 905)
                .mapToObj(n -> Long.toString(10_000_000_000L + n))
                .filter(id -> register.recordOf(id).employmentStatus().equals(ContributionRecord.EMPLOYED))
                .count();
        org.assertj.core.api.Assertions.assertThat(employed).isBetween(240L, 360L);
        org.assertj.core.api.Assertions.assertThat(register.recordOf("10000000777"))
                .isEqualTo(register.recordOf("10000000777"));
    }

    @Test
    void anEmployersDeclarationMakesThePersonEmployedFromItsStartDate() throws Exception {
        String start = LocalDate.now().minusMonths(3).toString();
        mockMvc.perform(post("/sim/tax/persons/10000000003/employments").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"employer_name\":\"Harbour Logistics Ltd\",\"start_date\":\"" + start + "\","
                                + "\"employment_type\":\"FULL_TIME\",\"monthly_income\":\"1450.00\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.employment_status").value("EMPLOYED"))
                .andExpect(jsonPath("$.employments[0].employer_name").value("Harbour Logistics Ltd"))
                .andExpect(jsonPath("$.employments[0].currency").value("EUR"));
        mockMvc.perform(get("/sim/tax/persons/10000000003/employments"))
                .andExpect(jsonPath("$.employment_status").value("EMPLOYED"))
                .andExpect(jsonPath("$.employments[0].monthly_income").value("1450.00"));
    }

    @Test
    void refusesAnIncompleteDeclarationWithAJsonError() throws Exception {
        mockMvc.perform(post("/sim/tax/persons/10000000004/employments").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"employer_name\":\"X\",\"start_date\":\"2026-01-01\",\"monthly_income\":\"lots\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("request.invalid"));
        mockMvc.perform(get("/sim/tax/persons/10000000004/employments"))
                .andExpect(jsonPath("$.employments", hasSize(0)));
    }

    @Test
    void anUnknownPersonIs404() throws Exception {
        mockMvc.perform(get("/sim/tax/persons/99999999999/employments"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("person.unknown"));
    }
}
