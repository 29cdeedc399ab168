package org.esphub.simulators.employer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.jms.TextMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.esphub.simulators.SimulatorQueues;
import org.esphub.simulators.tax.ContributionRegister;
import org.esphub.simulators.testapp.QueueProbe;
import org.esphub.simulators.testapp.SimulatorSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The employers' gateway as the hub's employer routes call it, and the employer's answers as a demo
 * sends them. Persons outside the demo personas, so the tax records these tests declare to stay theirs.
 */
@SimulatorSpringBootTest
class EmployerApiTest {

    @Autowired
    MockMvc mockMvc;

    @Autowired
    QueueProbe queues;

    @Autowired
    ObjectMapper objectMapper;

    @Autowired
    ContributionRegister tax;

    @Test
    void aProposalIsRecordedOnceAndListedForItsReferral() throws Exception {
        String referenceId = newReferenceId();
        String key = referenceId + ":ProposeCandidate:1";

        mockMvc.perform(proposal(referenceId, "10000000101", "VAC-1").header("Idempotency-Key", key))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.proposal_id").value(matchesPattern("PRO-\\d{6}")))
                .andExpect(jsonPath("$.status").value("PROPOSED"))
                .andExpect(jsonPath("$.employer_id").value("EMP 4/7"))
                .andExpect(jsonPath("$.open").doesNotExist());
        mockMvc.perform(proposal(referenceId, "10000000101", "VAC-1").header("Idempotency-Key", key))
                .andExpect(status().isOk());

        mockMvc.perform(get("/sim/employer/proposals").param("reference_id", referenceId))
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].given_name").value("Ana"));
    }

    @Test
    void aCorrectionIsKeptOncePerEmployerAndListedForItsRectification() throws Exception {
        String rectificationId = "RECT-" + UUID.randomUUID();
        String notice = """
                {"reference_id": "%s", "person_id": "10000000103", "employer_id": "%s", "outcome": "PERSON_DATA_RECTIFIED",
                 "field": "family_name", "new_value": "Rodrigues", "version": 1, "effective_date": "2026-03-02"}""";

        mockMvc.perform(post("/sim/employer/rectifications").contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotency-Key", rectificationId + ":ai-1")
                        .content(notice.formatted(rectificationId, "EMP-ACME")))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.id").value(matchesPattern("RECTIFICATION-\\d{6}")));
        mockMvc.perform(post("/sim/employer/rectifications").contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotency-Key", rectificationId + ":ai-1")
                        .content(notice.formatted(rectificationId, "EMP-ACME")))
                .andExpect(status().isOk());
        mockMvc.perform(post("/sim/employer/rectifications").contentType(MediaType.APPLICATION_JSON)
                        .content(notice.formatted(rectificationId, "EMP-BUILD")))
                .andExpect(status().isAccepted());
        mockMvc.perform(post("/sim/employer/rectifications").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reference_id\": \"%s\", \"field\": \"family_name\"}".formatted(rectificationId)))
                .andExpect(status().isBadRequest());

        mockMvc.perform(get("/sim/employer/rectifications").param("reference_id", rectificationId))
                .andExpect(jsonPath("$", hasSize(2)));
        mockMvc.perform(get("/sim/employer/rectifications").param("reference_id", rectificationId)
                        .param("employer_id", "EMP-ACME"))
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].content.new_value").value("Rodrigues"))
                .andExpect(jsonPath("$[0].content.version").value(1));
    }

    @Test
    void aWithdrawnProposalCanNoLongerBeDecided() throws Exception {
        String referenceId = newReferenceId();
        mockMvc.perform(proposal(referenceId, "10000000102", "VAC-2")).andExpect(status().isCreated());

        mockMvc.perform(post("/sim/employer/withdrawals").contentType(MediaType.APPLICATION_JSON).content("""
                        {"reference_id": "%s", "person_id": "10000000102", "employer_id": "EMP 4/7", "vacancy_id": "VAC-2",
                         "reason": "EMPLOYER_NO_ANSWER"}""".formatted(referenceId)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("WITHDRAWN"))
                .andExpect(jsonPath("$.reason").value("EMPLOYER_NO_ANSWER"));

        emit("{\"event_type\": \"EmployerDecided\", \"reference_id\": \"%s\", \"employer_accepted\": true}"
                .formatted(referenceId))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value("proposal.withdrawn"));
        assertThat(queues.pollMessage(SimulatorQueues.PES_EVENTS_IN, QueueProbe.referenceSelector(referenceId))).isNull();
    }

    @Test
    void decisionHireAndEndReachTheHubThroughPesAndTheHireIsInsuredEmploymentAtTheTaxAuthority() throws Exception {
        String referenceId = newReferenceId();
        String personId = "10000000103";
        String start = LocalDate.now().plusDays(7).toString();
        mockMvc.perform(proposal(referenceId, personId, "VAC-3")).andExpect(status().isCreated());

        emit("""
                {"event_type": "EmployerDecided", "reference_id": "%s", "employer_accepted": true,
                 "hours_per_week": 32, "monthly_wage": 1450.5, "contract_type": "PERMANENT", "start_date": "%s"}"""
                .formatted(referenceId, start))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.queue").value("esp.pes.events.in"));
        JsonNode decided = awaitEvent(referenceId);
        assertThat(decided.at("/header/sender_id").asText()).isEqualTo("employer.example.org");
        assertThat(decided.at("/message/employer_accepted").asBoolean()).isTrue();
        assertThat(decided.at("/message/person_id").asText()).isEqualTo(personId);
        assertThat(decided.at("/message/vacancy_id").asText()).isEqualTo("VAC-3");

        emit("{\"event_type\": \"PlacementReported\", \"reference_id\": \"%s\"}".formatted(referenceId))
                .andExpect(status().isAccepted());
        assertThat(awaitEvent(referenceId).at("/message/start_date").asText()).isEqualTo(start);
        assertThat(tax.recordOf(personId).employments()).anySatisfy(spell -> {
            assertThat(spell.employerName()).isEqualTo("EMP 4/7");
            assertThat(spell.startDate()).hasToString(start);
            assertThat(spell.endDate()).isNull();
            assertThat(spell.monthlyIncome()).isEqualTo("1450.50");
        });

        emit("""
                {"event_type": "EmploymentEnded", "reference_id": "%s", "employment_end_date": "%s",
                 "employment_end_reason": "contract not renewed"}""".formatted(referenceId, LocalDate.now().plusDays(90)))
                .andExpect(status().isAccepted());
        assertThat(awaitEvent(referenceId).at("/message/employment_end_reason").asText()).isEqualTo("contract not renewed");
        assertThat(tax.recordOf(personId).employments()).anySatisfy(spell -> {
            assertThat(spell.employerName()).isEqualTo("EMP 4/7");
            assertThat(spell.endDate()).isEqualTo(LocalDate.now().plusDays(90));
        });
        mockMvc.perform(get("/sim/employer/proposals").param("reference_id", referenceId))
                .andExpect(jsonPath("$[0].status").value("ENDED"));
    }

    @Test
    void aHireIsReportedOnlyForAnAcceptedCandidate() throws Exception {
        String referenceId = newReferenceId();
        mockMvc.perform(proposal(referenceId, "10000000104", "VAC-4")).andExpect(status().isCreated());

        emit("{\"event_type\": \"PlacementReported\", \"reference_id\": \"%s\"}".formatted(referenceId))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value("proposal.proposed"));
        emit("{\"event_type\": \"EmployerDecided\", \"reference_id\": \"%s\"}".formatted(referenceId))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("event.invalid"));
        emit(("{\"event_type\": \"EmployerDecided\", \"reference_id\": \"%s\", \"employer_accepted\": true,"
                + " \"hours_per_week\": -3}").formatted(referenceId))
                .andExpect(status().isBadRequest());
        emit("{\"event_type\": \"TrainingCompleted\", \"reference_id\": \"%s\"}".formatted(referenceId))
                .andExpect(status().isBadRequest());
        emit("{\"event_type\": \"EmployerDecided\", \"reference_id\": \"%s\", \"employer_accepted\": false}"
                .formatted(newReferenceId()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("proposal.unknown"));
    }

    private static MockHttpServletRequestBuilder proposal(String referenceId, String personId, String vacancyId) {
        return post("/sim/employer/proposals").contentType(MediaType.APPLICATION_JSON).content("""
                {"reference_id": "%s", "person_id": "%s", "given_name": "Ana", "family_name": "Krasniqi",
                 "employer_id": "EMP 4/7", "vacancy_id": "%s", "job_title": "Warehouse operative",
                 "start_date": "%s"}""".formatted(referenceId, personId, vacancyId, LocalDate.now().plusDays(14)));
    }

    private ResultActions emit(String body) throws Exception {
        return mockMvc.perform(post("/sim/employer/events").contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private JsonNode awaitEvent(String referenceId) throws Exception {
        TextMessage message = (TextMessage) queues.awaitMessage(SimulatorQueues.PES_EVENTS_IN,
                QueueProbe.referenceSelector(referenceId));
        assertThat(message).as("event for " + referenceId).isNotNull();
        return objectMapper.readTree(message.getText());
    }

    private static String newReferenceId() {
        return "REF-" + UUID.randomUUID();
    }
}
