package org.esphub.simulators.subsidy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import jakarta.jms.TextMessage;

import org.esphub.simulators.SimulatorQueues;
import org.esphub.simulators.testapp.QueueProbe;
import org.esphub.simulators.testapp.SimulatorSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The agencies of an employment subsidy as the simulators play them: the social registry answers a
 * percentile and nothing of the household, social insurance answers for employers and subsidised jobs,
 * SA's treasury, the employer and the labour inspectorate record what they are sent, once per step.
 */
@SimulatorSpringBootTest
class SubsidySimulatorsApiTest {

    private static final String PERSON = "10000000001";

    @Autowired
    MockMvc mockMvc;
    @Autowired
    QueueProbe queues;

    @Test
    void the_registry_answers_status_and_percentile_only_and_a_tester_sets_the_percentile() throws Exception {
        mockMvc.perform(json(put("/sim/sa/persons/" + PERSON + "/subsidy-targeting"), "{\"vulnerability_percentile\": 25}"))
                .andExpect(status().isOk());
        mockMvc.perform(get("/sim/sa/persons/" + PERSON + "/subsidy-targeting"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.vulnerability_percentile").value(25))
                .andExpect(jsonPath("$.*", hasSize(3)))
                .andExpect(jsonPath("$.household_size").doesNotExist());
        mockMvc.perform(get("/sim/sa/persons/99999999999/subsidy-targeting"))
                .andExpect(status().isNotFound());
        mockMvc.perform(json(put("/sim/sa/persons/" + PERSON + "/subsidy-targeting"), "{\"vulnerability_percentile\": 0}"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void the_treasury_records_a_payment_once_per_step_and_refuses_one_without_an_amount() throws Exception {
        String reference = "SUB-" + UUID.randomUUID();
        String payment = """
                {"reference_id":"%s","person_id":"%s","employer_id":"EMP-1","payment_type":"MONTHLY_SUBSIDY",
                 "subsidy_month":1,"amount":120000}""".formatted(reference, PERSON);
        mockMvc.perform(json(post("/sim/sa/subsidy-payments"), payment).header("Idempotency-Key", reference + ":1"))
                .andExpect(status().isCreated());
        mockMvc.perform(json(post("/sim/sa/subsidy-payments"), payment).header("Idempotency-Key", reference + ":1"))
                .andExpect(status().isOk());
        mockMvc.perform(get("/sim/sa/subsidy-payments").param("reference_id", reference))
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].content.amount").value(120000));
        mockMvc.perform(json(post("/sim/sa/subsidy-payments"), "{\"reference_id\":\"%s\",\"employer_id\":\"E\",\"payment_type\":\"X\"}"
                        .formatted(reference)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("request.invalid"));

        mockMvc.perform(json(post("/sim/sa/subsidy-recoveries"),
                        "{\"reference_id\":\"%s\",\"employer_id\":\"EMP-1\",\"recovery_amount\":180000}".formatted(reference)))
                .andExpect(status().isCreated());
        mockMvc.perform(get("/sim/sa/subsidy-recoveries").param("reference_id", reference))
                .andExpect(jsonPath("$[0].content.recovery_amount").value(180000));
    }

    @Test
    void social_insurance_answers_for_an_employer_and_reports_each_month_of_a_declared_worker() throws Exception {
        String employer = "EMP-" + UUID.randomUUID().toString().substring(0, 8);
        mockMvc.perform(get("/sim/tax/employers/" + employer + "/standing"))
                .andExpect(jsonPath("$.contributions_paid").value(true))
                .andExpect(jsonPath("$.open_violations").value(0));
        mockMvc.perform(json(put("/sim/tax/employers/" + employer + "/standing"),
                        "{\"contributions_paid\":false,\"open_violations\":1,\"outstanding_obligations\":\"Pay 2025-01.\"}"))
                .andExpect(status().isOk());
        mockMvc.perform(get("/sim/tax/employers/" + employer + "/standing"))
                .andExpect(jsonPath("$.contributions_paid").value(false))
                .andExpect(jsonPath("$.outstanding_obligations").value("Pay 2025-01."));

        mockMvc.perform(json(put("/sim/tax/employers/" + employer + "/subsidised-workers/10000000002"),
                        "{\"start_date\":\"2025-03-01\",\"monthly_wage\":400000,\"left_in_month\":7,\"unpaid_months\":[3]}"))
                .andExpect(status().isOk());
        mockMvc.perform(report(employer, 2))
                .andExpect(jsonPath("$.worker_employed").value(true))
                .andExpect(jsonPath("$.contributions_paid").value(true))
                .andExpect(jsonPath("$.reported_wage").value(400000));
        mockMvc.perform(report(employer, 3)).andExpect(jsonPath("$.contributions_paid").value(false));
        mockMvc.perform(report(employer, 7))
                .andExpect(jsonPath("$.worker_employed").value(false))
                .andExpect(jsonPath("$.worker_registered").value(false));
        // the declaration is the hire's insured-employment record too, ended when the worker left
        mockMvc.perform(get("/sim/tax/persons/10000000002/employments"))
                .andExpect(jsonPath("$.employments[?(@.employer_name == '" + employer + "')].end_date")
                        .value(containsInAnyOrder("2025-09-30")));
        mockMvc.perform(json(post("/sim/tax/subsidy-compliance-reports"),
                        "{\"employer_id\":\"NOBODY\",\"person_id\":\"10000000002\",\"subsidy_month\":1}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("subsidised_worker.unknown"));
    }

    @Test
    void social_insurance_answers_the_registration_by_the_employer_asked_about_and_no_other() throws Exception {
        String employer = "EMP-" + UUID.randomUUID().toString().substring(0, 8);
        String other = "EMP-" + UUID.randomUUID().toString().substring(0, 8);
        String worker = "10000000003";
        mockMvc.perform(json(put("/sim/tax/employers/" + other + "/subsidised-workers/" + worker),
                        "{\"start_date\":\"2025-03-01\",\"monthly_wage\":400000}"))
                .andExpect(status().isOk());

        // the worker is insured, but with another employer: that is not the subsidised job
        mockMvc.perform(registration(employer, worker))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("subsidised_worker.unknown"));
        mockMvc.perform(registration(other, worker))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.employer_id").value(other))
                .andExpect(jsonPath("$.employments[0].start_date").value("2025-03-01"))
                .andExpect(jsonPath("$.employments[0].end_date").isEmpty());

        mockMvc.perform(json(put("/sim/tax/employers/" + employer + "/subsidised-workers/" + worker),
                        "{\"start_date\":\"2025-04-01\",\"monthly_wage\":400000,\"left_in_month\":2}"))
                .andExpect(status().isOk());
        mockMvc.perform(registration(employer, worker))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.employments", hasSize(1)))
                .andExpect(jsonPath("$.employments[0].start_date").value("2025-04-01"))
                .andExpect(jsonPath("$.employments[0].end_date").value("2025-05-31"));
        mockMvc.perform(json(post("/sim/tax/employer-registrations"), "{\"person_id\":\"" + worker + "\"}"))
                .andExpect(status().isBadRequest());
    }

    private static MockHttpServletRequestBuilder registration(String employer, String worker) {
        return json(post("/sim/tax/employer-registrations"),
                "{\"employer_id\":\"" + employer + "\",\"person_id\":\"" + worker + "\"}");
    }

    @Test
    void the_employer_and_the_inspectorate_keep_what_they_were_sent() throws Exception {
        String reference = "SUB-" + UUID.randomUUID();
        mockMvc.perform(json(post("/sim/employer/subsidy-decisions"),
                        "{\"reference_id\":\"%s\",\"employer_id\":\"EMP-1\",\"outcome\":\"SUBSIDY_REFUSED\",\"reason\":\"r\"}"
                                .formatted(reference)))
                .andExpect(status().isAccepted());
        mockMvc.perform(get("/sim/employer/subsidy-decisions").param("reference_id", reference))
                .andExpect(jsonPath("$[0].content.outcome").value("SUBSIDY_REFUSED"))
                .andExpect(jsonPath("$[0].content.vulnerability_percentile").doesNotExist());
        String event = """
                {"event_type":"subsidy_updated","data":{"reference_id":"%s","employer_id":"EMP-1","step":"InstructPayment",
                 "amount":120000},"metadata":{"correlation_id":"%s"}}""".formatted(reference, reference);
        mockMvc.perform(json(post("/sim/employer/subsidy-events"), event).header("X-Webhook-Delivery", "D-1"))
                .andExpect(status().isOk());
        mockMvc.perform(json(post("/sim/employer/subsidy-events"), event).header("X-Webhook-Delivery", "D-1"))
                .andExpect(status().isOk());
        mockMvc.perform(get("/sim/employer/subsidy-events").param("reference_id", reference))
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].content.event_type").value("subsidy_updated"))
                .andExpect(jsonPath("$[0].content.amount").value(120000));
        mockMvc.perform(json(post("/sim/employer/subsidy-events"), "{\"data\":{\"reference_id\":\"x\"}}"))
                .andExpect(status().isBadRequest());
        mockMvc.perform(json(post("/sim/labour/non-compliance-reports"),
                        "{\"reference_id\":\"%s\",\"employer_id\":\"EMP-1\",\"subsidy_month\":2}".formatted(reference)))
                .andExpect(status().isCreated());
        mockMvc.perform(get("/sim/labour/non-compliance-reports").param("reference_id", reference))
                .andExpect(jsonPath("$", hasSize(1)));
    }

    @Test
    void the_employer_appeals_through_pes_with_its_grounds_and_an_appeal_without_a_reference_is_refused() throws Exception {
        String reference = "SUB-" + UUID.randomUUID();
        mockMvc.perform(json(post("/sim/employer/subsidy-appeals"),
                        "{\"reference_id\":\"%s\",\"appeal_grounds\":\"We trained the worker.\"}".formatted(reference)))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.queue").value("esp.pes.events.in"));
        TextMessage message = (TextMessage) queues.awaitMessage(SimulatorQueues.PES_EVENTS_IN,
                QueueProbe.referenceSelector(reference));
        assertThat(message).isNotNull();
        assertThat(message.getText()).contains("\"event_type\":\"SubsidyDecisionAppealed\"")
                .contains("We trained the worker.");
        mockMvc.perform(json(post("/sim/employer/subsidy-appeals"), "{\"appeal_grounds\":\"x\"}"))
                .andExpect(status().isBadRequest());
    }

    private MockHttpServletRequestBuilder report(String employer, int month) {
        return json(post("/sim/tax/subsidy-compliance-reports"),
                "{\"employer_id\":\"%s\",\"person_id\":\"10000000002\",\"subsidy_month\":%d}".formatted(employer, month));
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
