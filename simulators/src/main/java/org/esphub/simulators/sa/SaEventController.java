package org.esphub.simulators.sa;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.esphub.simulators.AcceptedMessage;
import org.esphub.simulators.ConditionalOnSimulatorsEnabled;
import org.esphub.simulators.EventRequest;
import org.esphub.simulators.InvalidRequestException;
import org.esphub.simulators.JsonMessageSender;
import org.esphub.simulators.SimulatorQueues;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lets a demo or test play the SA system sending an event to the hub (an appeal, a training-benefit
 * decision). A full envelope (with a {@code message} object) goes onto {@code esp.sa.events.in}
 * unchanged, so any envelope the hub expects can be tried; a plain event
 * ({@code {"event_type": "AppealFiled", "reference_id": ..., ...}}) is wrapped in SA's DCI envelope first.
 */
@RestController
@ConditionalOnSimulatorsEnabled
class SaEventController {

    private final JsonMessageSender sender;
    private final ObjectMapper objectMapper;
    private final SaEventPublisher publisher;

    SaEventController(ObjectMapper objectMapper, SaEventPublisher publisher) {
        // an envelope posted as it is goes out on SA's own broker login, like SA's events
        this.sender = publisher.sender();
        this.objectMapper = objectMapper;
        this.publisher = publisher;
    }

    @PostMapping("/sim/sa/events")
    @ResponseStatus(HttpStatus.ACCEPTED)
    AcceptedMessage emit(@RequestBody JsonNode event,
                         @RequestHeader(name = "X-Correlation-ID", required = false) String correlationId)
            throws JsonProcessingException {
        if (!event.isObject()) {
            throw new InvalidRequestException("event.invalid", "The event must be a JSON object.");
        }
        if (!event.path("message").isObject() && event.has("event_type")) {
            ObjectNode plain = (ObjectNode) event;
            EventRequest.requireText(plain, "event_type");
            EventRequest.requireText(plain, "reference_id");
            return new AcceptedMessage(publisher.publish(plain, correlationId), SimulatorQueues.SA_EVENTS_IN);
        }
        String messageId = sender.send(SimulatorQueues.SA_EVENTS_IN,
                objectMapper.writeValueAsString(event), correlationId, routingProperties(event));
        return new AcceptedMessage(messageId, SimulatorQueues.SA_EVENTS_IN);
    }

    /**
     * Copies event type and reference id into JMS properties when the body has them, as the PES
     * simulator does, so hub routes can select on them without parsing the body.
     */
    private static Map<String, String> routingProperties(JsonNode event) {
        Map<String, String> properties = new LinkedHashMap<>();
        putIfText(properties, "esp_eventType", event.findValue("event_type"));
        putIfText(properties, "esp_referenceId", event.findValue("reference_id"));
        return properties;
    }

    private static void putIfText(Map<String, String> properties, String name, JsonNode value) {
        if (value != null && value.isTextual()) {
            properties.put(name, value.asText());
        }
    }
}
