package org.esphub.simulators.pes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.UUID;

import jakarta.jms.Message;
import jakarta.jms.TextMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.esphub.simulators.SimulatorQueues;
import org.esphub.simulators.population.Person;
import org.esphub.simulators.population.SyntheticPopulation;
import org.esphub.simulators.testapp.QueueProbe;
import org.esphub.simulators.testapp.SimulatorSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@SimulatorSpringBootTest
class PesRegistrationApiTest {

    private static final String ELIGIBLE_PERSONA = "10000000001";

    @Autowired
    MockMvc mockMvc;

    @Autowired
    QueueProbe queues;

    @Autowired
    ObjectMapper objectMapper;

    @Autowired
    SyntheticPopulation population;

    @Test
    void countsTellARepeatedRegistrationFromASecondCase() throws Exception {
        JsonNode before = counts();
        String referenceId = newReferenceId();

        mockMvc.perform(register(referenceId, "10000000015").header("Idempotency-Key", referenceId + ":1"))
                .andExpect(status().isCreated());
        mockMvc.perform(register(referenceId, "10000000015").header("Idempotency-Key", referenceId + ":1"))
                .andExpect(status().isOk());
        // the same referral under another key, as a step run again as a new activity would send it
        mockMvc.perform(register(referenceId, "10000000015").header("Idempotency-Key", referenceId + ":2"))
                .andExpect(status().isCreated());

        JsonNode after = counts();
        assertThat(after.get("requests").asLong() - before.get("requests").asLong()).isEqualTo(3);
        assertThat(after.get("cases").asLong() - before.get("cases").asLong()).isEqualTo(2);
        assertThat(after.get("repeated_requests").asLong() - before.get("repeated_requests").asLong()).isEqualTo(1);
        assertThat(after.get("references_requested_more_than_once").asLong()
                - before.get("references_requested_more_than_once").asLong()).isEqualTo(1);
        assertThat(after.get("references_with_several_cases").asLong()
                - before.get("references_with_several_cases").asLong()).isEqualTo(1);
    }

    private JsonNode counts() throws Exception {
        return json(mockMvc.perform(get("/sim/pes/jobseekers/counts")).andExpect(status().isOk()));
    }

    @Test
    void newRegistrationOpensACaseAndConfirmsItOnThePesEventsQueue() throws Exception {
        String referenceId = newReferenceId();

        JsonNode receipt = json(mockMvc.perform(register(referenceId, ELIGIBLE_PERSONA).header("X-Correlation-ID", "corr-1"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.case_number").value(matchesPattern("PES-\\d{4}-\\d{6}")))
                .andExpect(jsonPath("$.person_id").value(ELIGIBLE_PERSONA))
                .andExpect(jsonPath("$.reference_id").value(referenceId))
                .andExpect(jsonPath("$.status").value("REGISTERED"))
                .andExpect(jsonPath("$.registered_at").isNotEmpty()));

        Message event = queues.awaitMessage(SimulatorQueues.PES_EVENTS_IN, QueueProbe.referenceSelector(referenceId));
        assertThat(event).isInstanceOf(TextMessage.class);
        assertThat(event.getJMSCorrelationID()).isEqualTo("corr-1");
        assertThat(event.getStringProperty("esp_eventType")).isEqualTo("RegistrationConfirmed");
        assertThat(event.getStringProperty("esp_referenceId")).isEqualTo(referenceId);

        JsonNode envelope = objectMapper.readTree(((TextMessage) event).getText());
        JsonNode header = envelope.get("header");
        assertThat(UUID.fromString(header.get("message_id").asText())).isNotNull();
        assertThat(Instant.parse(header.get("message_ts").asText())).isNotNull();
        assertThat(header.get("action").asText()).isEqualTo("pes-event");
        assertThat(header.get("sender_id").asText()).isEqualTo("pes.gov.example");
        assertThat(header.get("receiver_id").asText()).isEqualTo("esp-hub");
        assertThat(header.get("total_count").asInt()).isEqualTo(1);
        JsonNode message = envelope.get("message");
        assertThat(message.get("event_type").asText()).isEqualTo("RegistrationConfirmed");
        assertThat(message.get("reference_id").asText()).isEqualTo(referenceId);
        assertThat(message.get("person_id").asText()).isEqualTo(ELIGIBLE_PERSONA);
        assertThat(message.get("pes_case_number").asText()).isEqualTo(receipt.get("case_number").asText());
        assertThat(Instant.parse(message.get("occurred_at").asText())).isNotNull();
    }

    @Test
    void repeatedReferenceIdReturns200WithTheSameCaseAndNoSecondEvent() throws Exception {
        String referenceId = newReferenceId();
        String caseNumber = caseNumberOf(mockMvc.perform(register(referenceId, "10000000004"))
                .andExpect(status().isCreated()));
        assertThat(queues.awaitMessage(SimulatorQueues.PES_EVENTS_IN, QueueProbe.referenceSelector(referenceId))).isNotNull();

        mockMvc.perform(register(referenceId, "10000000004"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.case_number").value(caseNumber));

        assertThat(queues.pollMessage(SimulatorQueues.PES_EVENTS_IN, QueueProbe.referenceSelector(referenceId))).isNull();
    }

    @Test
    void repeatedIdempotencyKeyReturns200WithTheSameCaseAndNoSecondEvent() throws Exception {
        String referenceId = newReferenceId();
        String key = referenceId + ":pes.register-jobseeker";
        String caseNumber = caseNumberOf(mockMvc.perform(register(referenceId, "10000000010").header("Idempotency-Key", key))
                .andExpect(status().isCreated()));
        assertThat(queues.awaitMessage(SimulatorQueues.PES_EVENTS_IN, QueueProbe.referenceSelector(referenceId))).isNotNull();

        mockMvc.perform(register(referenceId, "10000000010").header("Idempotency-Key", key))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.case_number").value(caseNumber));

        assertThat(queues.pollMessage(SimulatorQueues.PES_EVENTS_IN, QueueProbe.referenceSelector(referenceId))).isNull();
    }

    @Test
    void idempotencyKeyReusedForAnotherReferralIsAConflict() throws Exception {
        String key = "key-" + UUID.randomUUID();
        mockMvc.perform(register(newReferenceId(), "10000000011").header("Idempotency-Key", key))
                .andExpect(status().isCreated());

        mockMvc.perform(register(newReferenceId(), "10000000011").header("Idempotency-Key", key))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value("idempotency.conflict"));
    }

    @Test
    void caseNumbersAreSequential() throws Exception {
        String first = caseNumberOf(mockMvc.perform(register(newReferenceId(), "10000000012")));
        String second = caseNumberOf(mockMvc.perform(register(newReferenceId(), "10000000013")));

        assertThat(sequenceOf(second)).isEqualTo(sequenceOf(first) + 1);
    }

    @Test
    void unknownPersonIsRejectedWith404() throws Exception {
        mockMvc.perform(post("/sim/pes/jobseekers").contentType(MediaType.APPLICATION_JSON).content("""
                        {"reference_id": "%s", "person_id": "99999999999", "given_name": "No", "family_name": "Body",
                         "birth_date": "1990-01-01"}""".formatted(newReferenceId())))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("person.unknown"));
    }

    @Test
    void mismatchingBirthDateIsRejectedWith422AndEmitsNothing() throws Exception {
        String referenceId = newReferenceId();
        Person person = population.get(ELIGIBLE_PERSONA);

        mockMvc.perform(post("/sim/pes/jobseekers").contentType(MediaType.APPLICATION_JSON)
                        .content(body(referenceId, person.personId(), person.familyName(), person.birthDate().minusDays(1).toString())))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.error").value("registration.invalid"))
                .andExpect(jsonPath("$.message").value(containsString("birth_date")));

        assertThat(queues.pollMessage(SimulatorQueues.PES_EVENTS_IN, QueueProbe.referenceSelector(referenceId))).isNull();
    }

    @Test
    void mismatchingFamilyNameOrMalformedBirthDateIsRejectedWith422() throws Exception {
        Person person = population.get(ELIGIBLE_PERSONA);

        mockMvc.perform(post("/sim/pes/jobseekers").contentType(MediaType.APPLICATION_JSON)
                        .content(body(newReferenceId(), person.personId(), "Someone-Else", person.birthDate().toString())))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.message").value(containsString("family_name")));
        mockMvc.perform(post("/sim/pes/jobseekers").contentType(MediaType.APPLICATION_JSON)
                        .content(body(newReferenceId(), person.personId(), person.familyName(), "01/02/1990")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.error").value("registration.invalid"));
    }

    @Test
    void missingPersonIdOrBlankReferenceIdIsRejectedWith422() throws Exception {
        mockMvc.perform(post("/sim/pes/jobseekers").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reference_id\": \"REF-1\", \"family_name\": \"Krasniqi\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.error").value("registration.invalid"))
                .andExpect(jsonPath("$.message").value("person_id is required."));
        mockMvc.perform(post("/sim/pes/jobseekers").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reference_id\": \"  \", \"person_id\": \"10000000001\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.message").value("reference_id is required."));
    }

    @Test
    void bodyThatIsNotJsonIsRejectedAsAJsonErrorWithoutStackTrace() throws Exception {
        mockMvc.perform(post("/sim/pes/jobseekers").contentType(MediaType.TEXT_PLAIN).content("person 10000000001"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.error").value("request.invalid"));
        mockMvc.perform(post("/sim/pes/jobseekers").contentType(MediaType.APPLICATION_JSON).content("{\"person_id\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("request.malformed"))
                .andExpect(jsonPath("$.trace").doesNotExist());
    }

    @Test
    void registeredJobseekersCanBeListedAndLookedUpByCaseNumber() throws Exception {
        String referenceId = newReferenceId();
        String caseNumber = caseNumberOf(mockMvc.perform(register(referenceId, "10000000014")));

        mockMvc.perform(get("/sim/pes/jobseekers"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].case_number", hasItem(caseNumber)));
        mockMvc.perform(get("/sim/pes/jobseekers/{caseNumber}", caseNumber))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reference_id").value(referenceId))
                .andExpect(jsonPath("$.person_id").value("10000000014"))
                .andExpect(jsonPath("$.status").value("REGISTERED"));
        mockMvc.perform(get("/sim/pes/jobseekers/{caseNumber}", "PES-1999-000000"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("case.unknown"));
    }

    private MockHttpServletRequestBuilder register(String referenceId, String personId) {
        Person person = population.get(personId);
        return post("/sim/pes/jobseekers")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body(referenceId, personId, person.familyName(), person.birthDate().toString()));
    }

    private static String body(String referenceId, String personId, String familyName, String birthDate) {
        return """
                {"reference_id": "%s", "person_id": "%s", "given_name": "Given", "family_name": "%s", "birth_date": "%s"}
                """.formatted(referenceId, personId, familyName, birthDate);
    }

    private String caseNumberOf(ResultActions result) throws Exception {
        return json(result).get("case_number").asText();
    }

    private JsonNode json(ResultActions result) throws Exception {
        return objectMapper.readTree(result.andReturn().getResponse().getContentAsString());
    }

    private static int sequenceOf(String caseNumber) {
        return Integer.parseInt(caseNumber.substring(caseNumber.lastIndexOf('-') + 1));
    }

    private static String newReferenceId() {
        return "REF-" + UUID.randomUUID();
    }
}
