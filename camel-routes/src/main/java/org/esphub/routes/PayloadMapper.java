package org.esphub.routes;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.esphub.dci.FieldNames;

/**
 * Moves fields between process variables (camelCase) and agency payloads (snake_case, as in the
 * DCI standard), copying only the fields a route names. Routes therefore state in one line
 * exactly what leaves and what comes back, and nothing else is passed along by accident.
 */
public class PayloadMapper {

    /**
     * Builds an agency payload from process variables.
     *
     * @param variables the task's variables, camelCase
     * @param fields comma-separated snake_case names to copy, e.g. {@code "reference_id,person_id"}
     */
    public Map<String, Object> toPayload(Map<String, Object> variables, String fields) {
        Map<String, Object> payload = new LinkedHashMap<>();
        for (String field : names(fields)) {
            Object value = variables.get(FieldNames.camelCase(field));
            if (value != null) {
                payload.put(field, value);
            }
        }
        return payload;
    }

    /**
     * Reads process variables out of an agency payload. A named field that the agency did not
     * send becomes a null variable, so a stale value from an earlier step is never kept.
     */
    public Map<String, Object> toVariables(Map<String, Object> payload, String fields) {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (String field : names(fields)) {
            variables.put(FieldNames.camelCase(field), payload == null ? null : payload.get(field));
        }
        return variables;
    }

    /** Like {@link #toVariables}, with a different variable name per field: {@code "case_number:pesCaseNumber"}. */
    public Map<String, Object> renameToVariables(Map<String, Object> payload, String mappings) {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (String mapping : names(mappings)) {
            String[] parts = mapping.split(":", 2);
            String variable = parts.length == 2 ? parts[1].trim() : FieldNames.camelCase(parts[0]);
            variables.put(variable, payload == null ? null : payload.get(parts[0].trim()));
        }
        return variables;
    }

    private static String[] names(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toArray(String[]::new);
    }
}
