package org.esphub.simulators.sources;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.esphub.simulators.testapp.SimulatorSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The sources of employment-status verification can be made to disagree, be stale or be down, per person,
 * and the employers confirm employment directly.
 */
@SimulatorSpringBootTest
class SourceBehaviourApiTest {

    private static final String LAST_MONTH_END = LocalDate.now().withDayOfMonth(1).minusDays(1).toString();

    @Autowired
    MockMvc mockMvc;

    @Test
    void the_employers_confirm_what_they_declared_to_the_tax_authority_including_a_hire_of_today() throws Exception {
        mockMvc.perform(get("/sim/employer/persons/10000000004/employment"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.employed").value(false));
        declare("10000000004", LocalDate.now().toString());

        mockMvc.perform(get("/sim/employer/persons/10000000004/employment"))
                .andExpect(jsonPath("$.person_id").value("10000000004"))
                .andExpect(jsonPath("$.employed").value(true))
                .andExpect(jsonPath("$.employer_name").value("Acme Manufacturing"))
                .andExpect(jsonPath("$.start_date").value(LocalDate.now().toString()))
                .andExpect(jsonPath("$.as_of").isNotEmpty());
        // the authority's data ends with last month: today's hire is not employment on its record yet
        mockMvc.perform(get("/sim/tax/persons/10000000004/employments"))
                .andExpect(jsonPath("$.employment_status").value("NOT_EMPLOYED"));
    }

    @Test
    void PES_can_be_made_to_hold_a_person_as_a_registered_jobseeker_whom_the_others_see_employed() throws Exception {
        behaviour("pes", "10000000005", "{\"registered\":true}");

        mockMvc.perform(get("/sim/pes/persons/10000000005/status"))
                .andExpect(jsonPath("$.registered").value(true))
                .andExpect(jsonPath("$.employment_status").value("UNEMPLOYED"));

        mockMvc.perform(delete("/sim/pes/persons/10000000005/behaviour")).andExpect(status().isNoContent());
        mockMvc.perform(get("/sim/pes/persons/10000000005/status")).andExpect(jsonPath("$.registered").value(false));
    }

    @Test
    void a_source_set_down_answers_503_for_that_person_only() throws Exception {
        behaviour("tax", "10000000002", "{\"down\":true}");
        behaviour("employer", "10000000002", "{\"down\":true}");

        mockMvc.perform(get("/sim/tax/persons/10000000002/employments"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.error").value("source.unavailable"));
        mockMvc.perform(get("/sim/employer/persons/10000000002/employment")).andExpect(status().isServiceUnavailable());
        mockMvc.perform(get("/sim/tax/persons/10000000003/employments")).andExpect(status().isOk());
        mockMvc.perform(get("/sim/tax/persons/10000000002/behaviour")).andExpect(jsonPath("$.down").value(true));
    }

    @Test
    void a_stale_authority_dates_its_data_back_and_does_not_know_the_jobs_begun_since() throws Exception {
        declare("10000000006", LocalDate.now().minusMonths(2).withDayOfMonth(1).toString());
        behaviour("tax", "10000000006", "{\"stale_days\":120}");

        mockMvc.perform(get("/sim/tax/persons/10000000006/employments"))
                .andExpect(jsonPath("$.as_of").value(LocalDate.parse(LAST_MONTH_END).minusDays(120).toString()))
                .andExpect(jsonPath("$.employment_status").value("NOT_EMPLOYED"));
    }

    @Test
    void an_unknown_source_or_a_negative_age_is_refused() throws Exception {
        mockMvc.perform(put("/sim/sa/persons/10000000002/behaviour").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"down\":true}"))
                .andExpect(status().isBadRequest());
        mockMvc.perform(put("/sim/pes/persons/10000000002/behaviour").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"stale_days\":-1}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("request.invalid"));
    }

    private void behaviour(String source, String personId, String json) throws Exception {
        mockMvc.perform(put("/sim/" + source + "/persons/" + personId + "/behaviour")
                        .contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isOk());
    }

    private void declare(String personId, String start) throws Exception {
        mockMvc.perform(post("/sim/tax/persons/" + personId + "/employments").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"employer_name\":\"Acme Manufacturing\",\"start_date\":\"" + start + "\","
                                + "\"employment_type\":\"FULL_TIME\",\"monthly_income\":\"1450.00\"}"))
                .andExpect(status().isCreated());
    }
}
