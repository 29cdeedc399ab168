package org.esphub.hub.engine.forms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The values a select's options variable offers, as Tasklist reads it: a JSON list (the Spin JSON a
 * lookup stores, or its text) of {@code {label, value}} objects or of plain strings, each string
 * being its own value. Anything else offers nothing, so nothing can be chosen from it.
 */
final class OfferedOptions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OfferedOptions() {
    }

    /** @param options the options variable, not deserialized: a JSON (or JSON object) variable keeps its text */
    static Set<String> values(TypedValue options) {
        Set<String> values = new TreeSet<>();
        Object text = options instanceof SerializableValue serialized ? serialized.getValueSerialized()
                : options == null ? null : options.getValue();
        if (!(text instanceof String json)) {
            return values;
        }
        JsonNode list;
        try {
            list = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return values;
        }
        for (JsonNode option : list) {
            if (option.isTextual()) {
                values.add(option.asText());
            } else if (option.path("value").isValueNode() && !option.path("value").isNull()) {
                values.add(option.path("value").asText());
            }
        }
        return values;
    }
}
