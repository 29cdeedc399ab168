package org.esphub.simulators.tvet;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.esphub.simulators.testapp.SimulatorSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The provider's HTTP API as the hub's TVET routes call it (seats are shared by the tests of one context). */
@SimulatorSpringBootTest
class TvetProviderApiTest {

    @Autowired
    MockMvc mockMvc;

    @Autowired
    ObjectMapper objectMapper;

    @Test
    void theCatalogueShowsEachProgrammeWithItsSeatsLeft() throws Exception {
        mockMvc.perform(get("/sim/tvet/programmes"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.programme_id == 'TVET-WELD-01')].provider_id").value(hasItem("TVET-NORTH")))
                .andExpect(jsonPath("$[?(@.programme_id == 'TVET-SOLAR-05')].seats_left").value(hasItem(0)));
    }

    @Test
    void eachProgrammeSaysWhomItIsForAndTheYouthOnesIncludeAnApprenticeshipAndASchoolBridge() throws Exception {
        mockMvc.perform(get("/sim/tvet/programmes"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.programme_id == 'TVET-WELD-01')].audiences[*]").value(contains("ADULT")))
                .andExpect(jsonPath("$[?(@.programme_id == 'TVET-ICT-03')].audiences[*]")
                        .value(contains("ADULT", "YOUTH")))
                .andExpect(jsonPath("$[?('YOUTH' in @.audiences)].programme_id")
                        .value(containsInAnyOrder("TVET-ICT-03", "TVET-APPR-06", "TVET-BRIDGE-07")));
    }

    @Test
    void aPlaceIsHeldConfirmedAndWithdrawnAndEveryRepeatGetsTheFirstAnswer() throws Exception {
        String referenceId = newReferenceId();
        String slotId = objectMapper.readTree(mockMvc.perform(reserve(referenceId, "TVET-CARE-02")
                                .header("Idempotency-Key", referenceId + ":ReserveSlot:1")
                                .header("X-Correlation-ID", "corr-" + referenceId))
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.slot_id").value(matchesPattern("SLOT-\\d{6}")))
                        .andExpect(jsonPath("$.status").value("HELD"))
                        .andExpect(jsonPath("$.correlation_id").value("corr-" + referenceId))
                        .andReturn().getResponse().getContentAsString())
                .get("slot_id").asText();
        mockMvc.perform(reserve(referenceId, "TVET-CARE-02").header("Idempotency-Key", referenceId + ":ReserveSlot:1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.slot_id").value(slotId));

        mockMvc.perform(command("/sim/tvet/reservations/" + slotId + "/enrolment", referenceId, "TVET-CARE-02", null))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.enrolment_id").value(matchesPattern("ENR-\\d{6}")))
                .andExpect(jsonPath("$.status").value("ENROLLED"));
        mockMvc.perform(command("/sim/tvet/reservations/" + slotId + "/enrolment", referenceId, "TVET-CARE-02", null))
                .andExpect(status().isOk());
        mockMvc.perform(command("/sim/tvet/reservations/" + slotId + "/release", referenceId, "TVET-CARE-02", "x"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value("reservation.enrolled"));

        mockMvc.perform(command("/sim/tvet/withdrawals", referenceId, "TVET-CARE-02", "ENDED_AFTER_ATTENDANCE_WARNING"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("WITHDRAWN"))
                .andExpect(jsonPath("$.reason").value("ENDED_AFTER_ATTENDANCE_WARNING"));
        mockMvc.perform(get("/sim/tvet/reservations").param("reference_id", referenceId))
                .andExpect(jsonPath("$[0].slot_id").value(slotId))
                .andExpect(jsonPath("$[0].status").value("WITHDRAWN"));
    }

    @Test
    void aReleasedPlaceCannotBeConfirmed() throws Exception {
        String referenceId = newReferenceId();
        String slotId = objectMapper.readTree(mockMvc.perform(reserve(referenceId, "TVET-WELD-01"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("slot_id").asText();

        mockMvc.perform(command("/sim/tvet/reservations/" + slotId + "/release", referenceId, "TVET-WELD-01", "BENEFIT_REFUSED"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RELEASED"));
        mockMvc.perform(command("/sim/tvet/reservations/" + slotId + "/release", referenceId, "TVET-WELD-01", "BENEFIT_REFUSED"))
                .andExpect(status().isOk());
        mockMvc.perform(command("/sim/tvet/reservations/" + slotId + "/enrolment", referenceId, "TVET-WELD-01", null))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value("reservation.released"));
    }

    @Test
    void noPlaceIsAJsonErrorWithAMessageForTheCounsellor() throws Exception {
        mockMvc.perform(reserve(newReferenceId(), "TVET-SOLAR-05"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value("programme.full"))
                .andExpect(jsonPath("$.message").value(matchesPattern(".*no seat left.*")));
        mockMvc.perform(reserve(newReferenceId(), "TVET-NOPE-99"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("programme.unknown"));
    }

    @Test
    void unknownPlacesAndMalformedRequestsAreJsonErrors() throws Exception {
        mockMvc.perform(get("/sim/tvet/reservations/SLOT-999999"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("reservation.unknown"));
        mockMvc.perform(command("/sim/tvet/withdrawals", newReferenceId(), "TVET-WELD-01", null))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("enrolment.unknown"));
        mockMvc.perform(post("/sim/tvet/reservations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reference_id\":\"REF-1\",\"person_id\":\"1\",\"programme_id\":\"TVET-WELD-01\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("request.invalid"));
    }

    private static MockHttpServletRequestBuilder reserve(String referenceId, String programmeId) {
        return post("/sim/tvet/reservations").contentType(MediaType.APPLICATION_JSON).content("""
                {"reference_id": "%s", "person_id": "10000000001", "programme_id": "%s",
                 "start_date": "2026-04-06", "slot_held_until": "2026-03-09T09:15:00Z"}""".formatted(referenceId, programmeId));
    }

    private static MockHttpServletRequestBuilder command(String path, String referenceId, String programmeId, String reason) {
        String reasonField = reason == null ? "" : ", \"reason\": \"" + reason + "\"";
        return post(path).contentType(MediaType.APPLICATION_JSON).content("""
                {"reference_id": "%s", "person_id": "10000000001", "programme_id": "%s"%s}"""
                .formatted(referenceId, programmeId, reasonField));
    }

    private static String newReferenceId() {
        return "REF-" + UUID.randomUUID();
    }
}
