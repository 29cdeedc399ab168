package org.esphub.simulators;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Checks on an event a demo or test asks a simulated agency to send ({@code POST /sim/<agency>/events}),
 * so a mistake is a 400 {@code event.invalid} naming the field, not an event the hub parks later.
 */
public final class EventRequest {

    private EventRequest() {
    }

    /** The body as an object with a non-empty {@code reference_id} and one of the agency's {@code event_type}s. */
    public static ObjectNode of(JsonNode body, Set<String> eventTypes) {
        if (!(body instanceof ObjectNode event)) {
            throw invalid("The event must be a JSON object.");
        }
        String eventType = requireText(event, "event_type");
        if (!eventTypes.contains(eventType)) {
            throw invalid("event_type must be one of " + eventTypes + ".");
        }
        requireText(event, "reference_id");
        return event;
    }

    public static String requireText(ObjectNode event, String field) {
        JsonNode value = event.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw invalid(field + " is required and must be a non-empty string.");
        }
        return value.asText();
    }

    public static InvalidRequestException invalid(String message) {
        return new InvalidRequestException("event.invalid", message);
    }
}
