package org.esphub.routes;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.esphub.dci.FieldNames;

/**
 * Moves fields between process variables (camelCase) and agency payloads (snake_case, as in the
 * DCI standard). Outbound, every variable of the task becomes a payload field: what may leave is
 * decided by the data-sharing agreement, which the gate enforces on the send. Inbound, a route
 * names the fields its process reads, so nothing else becomes a variable by accident.
 */
public class PayloadMapper {

    /**
     * Builds an agency payload from the task's variables: each one with a value, in snake_case.
     * The gate then removes what the agreement does not allow.
     *
     * @param variables the task's variables, camelCase
     */
    public Map<String, Object> toPayload(Map<String, Object> variables) {
        Map<String, Object> payload = new LinkedHashMap<>();
        new TreeMap<>(variables).forEach((variable, value) -> {
            if (value != null) {
                payload.put(FieldNames.snakeCase(variable), value);
            }
        });
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
