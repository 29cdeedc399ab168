package org.esphub.hub.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One item of a message the gate let through: the item as sent, and what of it the item's
 * agreement lets the hub keep. Every API item names its case (reference_id) and its person.
 */
public record ApiItem(JsonNode json, Map<String, Object> released) {

    public String referenceId() {
        return json.get("reference_id").asText();
    }

    public String personId() {
        return json.get("person_id").asText();
    }
}
