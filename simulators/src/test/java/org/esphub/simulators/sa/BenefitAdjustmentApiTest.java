package org.esphub.simulators.sa;

import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.esphub.simulators.testapp.SimulatorSpringBootTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** SA applies the benefit adjustments the hub instructs, once each, and lists them. */
@SimulatorSpringBootTest
class BenefitAdjustmentApiTest {

    @Autowired
    MockMvc mockMvc;

    @Test
    void anAdjustmentIsAppliedOnceWithTheBenefitSaPaysFromNextMonth() throws Exception {
        String referenceId = TrainingBenefitApiTest.newReferenceId();
        String instruction = """
                {"reference_id": "%s", "person_id": "10000000001", "adjustment_decision": "GRADUATE",
                 "adjusted_benefit_percent": 75, "tapering_schedule": "75,50,25,0", "current_monthly_benefit": 245.5,
                 "adjustment_rule_id": "Rule_Graduation", "appeal_outcome": "UPHELD"}""".formatted(referenceId);

        mockMvc.perform(adjust(instruction).header("Idempotency-Key", referenceId + ":ApplyAdjustment:1")
                        .header("X-Correlation-ID", "corr-" + referenceId))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.adjustment_id").value(matchesPattern("ADJ-\\d{6}")))
                .andExpect(jsonPath("$.status").value("APPLIED"))
                .andExpect(jsonPath("$.new_monthly_benefit").value(184.13))
                .andExpect(jsonPath("$.appeal_outcome").value("UPHELD"))
                .andExpect(jsonPath("$.correlation_id").value("corr-" + referenceId));
        mockMvc.perform(adjust(instruction).header("Idempotency-Key", referenceId + ":ApplyAdjustment:1"))
                .andExpect(status().isOk());
        mockMvc.perform(adjust(instruction))
                .andExpect(status().isOk());

        mockMvc.perform(get("/sim/sa/benefit-adjustments").param("reference_id", referenceId))
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].tapering_schedule").value("75,50,25,0"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "\"adjustment_decision\": \"ABOLISH\"",
            "\"adjustment_decision\": \"REDUCE\", \"adjusted_benefit_percent\": 120",
            "\"adjustment_decision\": \"GRADUATE\", \"tapering_schedule\": \"75;50\""})
    void anAdjustmentSaCannotApplyIs422(String fields) throws Exception {
        mockMvc.perform(adjust("{\"reference_id\": \"REF-1\", \"person_id\": \"10000000001\", " + fields + "}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.error").value("adjustment.invalid"));
    }

    @Test
    void anIncompleteInstructionOrAnUnknownPersonIsRefused() throws Exception {
        mockMvc.perform(adjust("{\"reference_id\": \"REF-1\", \"person_id\": \"10000000001\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("request.invalid"));
        mockMvc.perform(adjust("{\"reference_id\": \"REF-1\", \"person_id\": \"99999999999\","
                        + " \"adjustment_decision\": \"SUSPEND\"}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("person.unknown"));
    }

    private static MockHttpServletRequestBuilder adjust(String body) {
        return post("/sim/sa/benefit-adjustments").contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
