package org.esphub.simulators.tvet;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.esphub.simulators.AcceptedMessage;
import org.esphub.simulators.ConditionalOnSimulatorsEnabled;
import org.esphub.simulators.EventRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lets a demo or test play the training provider reporting on an enrolment: attendance, completion,
 * drop-out. The event must concern the referral's enrolment in progress; it is completed with the
 * enrolment's facts (person, programme, enrolment id) and sent to the hub through PES, the
 * provider's partner, on {@code esp.pes.events.in}. Completion and drop-out end the enrolment.
 */
@RestController
@ConditionalOnSimulatorsEnabled
class TvetEventController {

    static final String ATTENDANCE_REPORTED = "AttendanceReported";
    static final String TRAINING_COMPLETED = "TrainingCompleted";
    static final String TRAINING_DROPPED_OUT = "TrainingDroppedOut";

    private final TrainingRegister register;
    private final TvetEventPublisher publisher;

    TvetEventController(TrainingRegister register, TvetEventPublisher publisher) {
        this.register = register;
        this.publisher = publisher;
    }

    @PostMapping("/sim/tvet/events")
    @ResponseStatus(HttpStatus.ACCEPTED)
    AcceptedMessage emit(@RequestBody JsonNode body) {
        ObjectNode event = EventRequest.of(body, Set.of(ATTENDANCE_REPORTED, TRAINING_COMPLETED, TRAINING_DROPPED_OUT));
        String eventType = event.get("event_type").asText();
        if (ATTENDANCE_REPORTED.equals(eventType)) {
            JsonNode rate = event.get("attendance_rate");
            if (rate == null || !rate.isNumber() || rate.asDouble() < 0 || rate.asDouble() > 100) {
                throw EventRequest.invalid("attendance_rate is required: the percentage of sessions attended, 0 to 100.");
            }
        }
        Reservation enrolment = register.enrolmentInProgress(event.get("reference_id").asText());
        putIfAbsent(event, "person_id", enrolment.personId());
        putIfAbsent(event, "programme_id", enrolment.programmeId());
        putIfAbsent(event, "provider_id", enrolment.providerId());
        putIfAbsent(event, "enrolment_id", enrolment.enrolmentId());
        if (TRAINING_COMPLETED.equals(eventType)) {
            putIfAbsent(event, "completion_date", register.today().toString());
        }
        String messageId = publisher.publish(event, enrolment.correlationId());
        // ended only once the hub has been told, so a failed send can be tried again
        if (TRAINING_COMPLETED.equals(eventType)) {
            register.finish(enrolment.slotId(), Reservation.COMPLETED, null);
        } else if (TRAINING_DROPPED_OUT.equals(eventType)) {
            register.finish(enrolment.slotId(), Reservation.DROPPED_OUT, event.path("drop_out_reason").asText(null));
        }
        return new AcceptedMessage(messageId, publisher.queue());
    }

    private static void putIfAbsent(ObjectNode event, String field, String value) {
        if (!event.hasNonNull(field) && value != null) {
            event.put(field, value);
        }
    }
}
