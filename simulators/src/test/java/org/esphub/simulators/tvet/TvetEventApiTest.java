package org.esphub.simulators.tvet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import jakarta.jms.Message;
import jakarta.jms.TextMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.esphub.simulators.SimulatorQueues;
import org.esphub.simulators.testapp.QueueProbe;
import org.esphub.simulators.testapp.SimulatorSpringBootTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The provider's events reach the hub through PES, completed with the enrolment's facts. */
@SimulatorSpringBootTest
class TvetEventApiTest {

    @Autowired
    MockMvc mockMvc;

    @Autowired
    QueueProbe queues;

    @Autowired
    ObjectMapper objectMapper;

    @Autowired
    TrainingRegister register;

    @Test
    void attendanceIsReportedToThePesEventsQueueInTheProvidersEnvelope() throws Exception {
        String referenceId = enrolled();

        emit("{\"event_type\": \"AttendanceReported\", \"reference_id\": \"%s\", \"attendance_rate\": 72.5}"
                .formatted(referenceId))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.queue").value("esp.pes.events.in"));

        Message sent = queues.awaitMessage(SimulatorQueues.PES_EVENTS_IN, QueueProbe.referenceSelector(referenceId));
        assertThat(sent.getJMSCorrelationID()).isEqualTo("corr-" + referenceId);
        assertThat(sent.getStringProperty("esp_eventType")).isEqualTo("AttendanceReported");
        JsonNode envelope = objectMapper.readTree(((TextMessage) sent).getText());
        assertThat(envelope.at("/header/sender_id").asText()).isEqualTo("tvet.example.org");
        assertThat(envelope.at("/header/action").asText()).isEqualTo("tvet-event");
        assertThat(envelope.at("/message/attendance_rate").asDouble()).isEqualTo(72.5);
        assertThat(envelope.at("/message/person_id").asText()).isEqualTo("10000000001");
        assertThat(envelope.at("/message/programme_id").asText()).isEqualTo("TVET-ICT-03");
        assertThat(envelope.at("/message/enrolment_id").asText()).startsWith("ENR-");
    }

    @Test
    void aCompletedTrainingCarriesACompletionDateAndEndsTheEnrolment() throws Exception {
        String referenceId = enrolled();

        emit("{\"event_type\": \"TrainingCompleted\", \"reference_id\": \"%s\"}".formatted(referenceId))
                .andExpect(status().isAccepted());

        JsonNode event = objectMapper.readTree(((TextMessage) queues.awaitMessage(SimulatorQueues.PES_EVENTS_IN,
                QueueProbe.referenceSelector(referenceId))).getText()).path("message");
        assertThat(event.path("completion_date").asText()).isEqualTo(register.today().toString());
        assertThat(register.all(referenceId)).singleElement()
                .satisfies(place -> assertThat(place.status()).isEqualTo(Reservation.COMPLETED));
        emit("{\"event_type\": \"AttendanceReported\", \"reference_id\": \"%s\", \"attendance_rate\": 90}"
                .formatted(referenceId))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value("reservation.completed"));
    }

    @Test
    void aDropOutEndsTheEnrolmentWithItsReason() throws Exception {
        String referenceId = enrolled();

        emit("{\"event_type\": \"TrainingDroppedOut\", \"reference_id\": \"%s\", \"drop_out_reason\": \"moved away\"}"
                .formatted(referenceId))
                .andExpect(status().isAccepted());

        assertThat(queues.awaitMessage(SimulatorQueues.PES_EVENTS_IN, QueueProbe.referenceSelector(referenceId))).isNotNull();
        assertThat(register.all(referenceId)).singleElement().satisfies(place -> {
            assertThat(place.status()).isEqualTo(Reservation.DROPPED_OUT);
            assertThat(place.reason()).isEqualTo("moved away");
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{\"event_type\": \"AttendanceReported\", \"reference_id\": \"REF-x\"}",
            "{\"event_type\": \"AttendanceReported\", \"reference_id\": \"REF-x\", \"attendance_rate\": 140}",
            "{\"event_type\": \"AttendanceReported\", \"reference_id\": \"REF-x\", \"attendance_rate\": \"high\"}",
            "{\"event_type\": \"PlacementReported\", \"reference_id\": \"REF-x\"}",
            "{\"event_type\": \"TrainingCompleted\"}"})
    void anEventTheProviderCannotSendIsRefusedWith400(String body) throws Exception {
        emit(body)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("event.invalid"));
    }

    @Test
    void anEventForAReferralWithoutAPlaceIsRefusedWith404AndNothingIsSent() throws Exception {
        String referenceId = "REF-" + UUID.randomUUID();

        emit("{\"event_type\": \"TrainingCompleted\", \"reference_id\": \"%s\"}".formatted(referenceId))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("enrolment.unknown"));
        assertThat(queues.pollMessage(SimulatorQueues.PES_EVENTS_IN, QueueProbe.referenceSelector(referenceId))).isNull();
    }

    private String enrolled() {
        String referenceId = "REF-" + UUID.randomUUID();
        TvetRequest request = new TvetRequest(referenceId, "10000000001", "TVET-CITY", "TVET-ICT-03", "2026-04-06",
                null, null, null);
        String slotId = register.reserve(request, null, "corr-" + referenceId).place().slotId();
        register.confirm(slotId, request, null);
        return referenceId;
    }

    private ResultActions emit(String body) throws Exception {
        return mockMvc.perform(post("/sim/tvet/events").contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
