package org.esphub.hub.governance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Reads request bodies of the governance API strictly: an unknown or mistyped field is a 400
 * naming it, never silently ignored (a misspelt {@code expires_at} would record a consent
 * without expiry).
 */
@Component
class StrictJson {

    private final ObjectMapper mapper;

    StrictJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** @throws BadGovernanceRequest naming the field and the problem */
    <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw new BadGovernanceRequest(List.of("the request body is missing; send a JSON object"));
        }
        ObjectReader reader = mapper.readerFor(type).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            T value = reader.readValue(body);
            if (value == null) {
                throw new BadGovernanceRequest(List.of("the request body is null; send a JSON object"));
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw new BadGovernanceRequest(List.of("unknown field '" + e.getPropertyName() + "'; known fields: "
                    + e.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", "))));
        } catch (JsonMappingException e) {
            String field = e.getPath().stream().map(reference -> reference.getFieldName() != null
                    ? reference.getFieldName() : "[" + reference.getIndex() + "]").collect(Collectors.joining("."));
            throw new BadGovernanceRequest(List.of((field.isEmpty() ? "body" : field) + ": "
                    + firstLine(e.getOriginalMessage())));
        } catch (JsonProcessingException e) {
            throw new BadGovernanceRequest(List.of("the body is not JSON: " + firstLine(e.getOriginalMessage())));
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable value";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
