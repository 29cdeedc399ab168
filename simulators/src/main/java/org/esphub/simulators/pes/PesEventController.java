package org.esphub.simulators.pes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.esphub.simulators.AcceptedMessage;
import org.esphub.simulators.ConditionalOnSimulatorsEnabled;
import org.esphub.simulators.InvalidRequestException;
import org.esphub.simulators.SimulatorQueues;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lets a demo or test play PES: any event ({@code TrainingCompleted}, {@code PlacementReported},
 * or a hand-made {@code RegistrationConfirmed} when auto-confirm is off) is sent to the hub.
 */
@RestController
@ConditionalOnSimulatorsEnabled
class PesEventController {

    private final PesEventPublisher publisher;

    PesEventController(PesEventPublisher publisher) {
        this.publisher = publisher;
    }

    @PostMapping("/sim/pes/events")
    @ResponseStatus(HttpStatus.ACCEPTED)
    AcceptedMessage emit(@RequestBody JsonNode event,
                         @RequestHeader(name = "X-Correlation-ID", required = false) String correlationId) {
        if (!(event instanceof ObjectNode body)) {
            throw new InvalidRequestException("event.invalid", "The event must be a JSON object.");
        }
        requireText(body, "event_type");
        requireText(body, "reference_id");
        return new AcceptedMessage(publisher.publish(body, correlationId), SimulatorQueues.PES_EVENTS_IN);
    }

    private static void requireText(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new InvalidRequestException("event.invalid", field + " is required and must be a non-empty string.");
        }
    }
}
