package org.esphub.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.esphub.dci.FieldNames;

/**
 * Moves fields between process variables (camelCase) and agency payloads (snake_case, as in the
 * DCI standard). Outbound, every variable of the task becomes a payload field: what may leave is
 * decided by the data-sharing agreement, which the gate enforces on the send. Inbound, a route
 * names the fields its process reads, so nothing else becomes a variable by accident.
 */
public class PayloadMapper {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LABEL_FIELD = Pattern.compile("\\{([a-z0-9_]+)}");

    /**
     * Builds an agency payload from the task's variables: each one with a value, in snake_case and
     * as JSON should carry it ({@link #jsonReady}). The gate then removes what the agreement does
     * not allow.
     *
     * @param variables the task's variables, camelCase
     */
    public Map<String, Object> toPayload(Map<String, Object> variables) {
        Map<String, Object> payload = new LinkedHashMap<>();
        new TreeMap<>(variables).forEach((variable, value) -> {
            if (value != null) {
                payload.put(FieldNames.snakeCase(variable), jsonReady(value));
            }
        });
        return payload;
    }

    /**
     * A variable's value as an agency's JSON payload shows it. The engine hands a date over as a
     * {@link Date}, which Jackson would write as epoch milliseconds: it becomes an ISO-8601 instant
     * in UTC ({@code 2026-03-09T09:15:00Z}). A JSON variable (the Spin JSON a form's checklist
     * stores, which the workers hand over as a Jackson tree) becomes the plain lists, maps and
     * scalars it holds, so it is sent as JSON and not as a string or a bean. Anything else is
     * already what JSON can carry and stays as it is.
     */
    static Object jsonReady(Object value) {
        if (value instanceof Date date) {
            return date.toInstant().toString();
        }
        if (value instanceof JsonNode tree) {
            return JSON.convertValue(tree, Object.class);
        }
        return value;
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

    /**
     * A copy of a reply map with one more Boolean variable, for an outcome the agency's answer told
     * by its status rather than in its body, e.g. {@code withFlag(${body}, 'slotReserved', true)}.
     * Typed, because a literal a route passes to an untyped parameter arrives as a String.
     */
    public Map<String, Object> withFlag(Map<String, Object> variables, String name, boolean value) {
        Map<String, Object> copy = new LinkedHashMap<>(variables);
        copy.put(name, value);
        return copy;
    }

    /**
     * A copy of a reply map with a DCI {@code Amount} variable as a number. The standard writes amounts
     * as decimal strings ({@code "245.00"}); the models compute with them (the benefit-adjustment and
     * placement-suitability rules take shares of them), and the rules cannot divide by a string. A
     * missing amount stays null; one that is not a decimal is the agency's fault, not a business outcome.
     */
    public Map<String, Object> withAmountAsNumber(Map<String, Object> variables, String name) {
        Map<String, Object> copy = new LinkedHashMap<>(variables);
        Object amount = copy.get(name);
        if (amount instanceof String text) {
            try {
                copy.put(name, new BigDecimal(text.strip()).doubleValue());
            } catch (NumberFormatException e) {
                throw new AgencyCallFailed("the agency's amount " + name + " '" + text + "' is not a decimal");
            }
        }
        return copy;
    }

    /**
     * An agency's answer that is a JSON list, as the map the data-sharing gate admits answers as
     * ({@code admitAnswer}): the list under {@code field}, whose entries' fields the agreement names
     * as {@code <field>.<entry field>}.
     */
    public Map<String, Object> listAnswer(List<Object> answer, String field) {
        Map<String, Object> named = new LinkedHashMap<>();
        named.put(field, answer == null ? List.of() : answer);
        return named;
    }

    /**
     * The entries of an admitted list answer that are meant for {@code audience}: those whose
     * {@code audienceField} (a list) names it. No audience keeps every entry, so a caller that asks
     * for none sees the agency's whole offer; an entry that names no audience is for no one in
     * particular and is left out when one is asked for.
     *
     * @param answer the admitted answer, {@link #listAnswer}
     * @param audience the audience asked for; blank means none
     */
    public Map<String, Object> onlyFor(Map<String, Object> answer, String listField, String audienceField,
            String audience) {
        if (audience == null || audience.isBlank() || answer == null
                || !(answer.get(listField) instanceof List<?> entries)) {
            return answer;
        }
        List<Object> kept = new ArrayList<>();
        for (Object item : entries) {
            if (item instanceof Map<?, ?> entry && entry.get(audienceField) instanceof List<?> audiences
                    && audiences.contains(audience)) {
                kept.add(item);
            }
        }
        Map<String, Object> filtered = new LinkedHashMap<>(answer);
        filtered.put(listField, kept);
        return filtered;
    }

    /**
     * What an agency offers (a catalogue, a job board) as the two variables a task's choice needs:
     * {@code <name>Options}, a list of {@code {label, value}} that a Camunda Forms select shows
     * ({@code valuesKey}), and {@code <name>Catalogue}, each entry's fields by that value, from which
     * the process takes what goes with the chosen entry. The form offers only what the agency offers,
     * and the counsellor types none of it.
     *
     * @param answer the admitted answer, {@link #listAnswer}
     * @param listField the answer's list of entries
     * @param value the entry field that identifies an entry: the option's value
     * @param label how an option reads, entry fields in braces: {@code "{name} at {provider_id}"};
     *     a field the entry lacks reads as nothing
     * @param fields the entry fields the process keeps, as in {@link #renameToVariables}
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> toChoices(Map<String, Object> answer, String listField, String name, String value,
            String label, String fields) {
        List<Map<String, Object>> options = new ArrayList<>();
        Map<String, Object> catalogue = new LinkedHashMap<>();
        Object entries = answer == null ? null : answer.get(listField);
        if (entries instanceof List<?> list) {
            for (Object item : list) {
                if (!(item instanceof Map<?, ?> entry) || !(entry.get(value) instanceof String id) || id.isBlank()) {
                    throw new AgencyCallFailed("the agency's " + listField + " hold an entry without a " + value
                            + ": " + item);
                }
                Map<String, Object> option = new LinkedHashMap<>();
                option.put("label", label((Map<String, Object>) entry, label));
                option.put("value", id);
                options.add(option);
                catalogue.put(id, renameToVariables((Map<String, Object>) entry, fields));
            }
        }
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(name + "Options", options);
        variables.put(name + "Catalogue", catalogue);
        return variables;
    }

    private static String label(Map<String, Object> entry, String template) {
        Matcher field = LABEL_FIELD.matcher(template);
        StringBuilder label = new StringBuilder();
        while (field.find()) {
            field.appendReplacement(label, Matcher.quoteReplacement(readable(entry.get(field.group(1)))));
        }
        field.appendTail(label);
        return label.toString().replaceAll("\\s+", " ").strip();
    }

    /** A number as people write it (38, not 38.0); nothing for no value. */
    private static String readable(Object value) {
        if (value instanceof Number number) {
            return new BigDecimal(String.valueOf(number)).stripTrailingZeros().toPlainString();
        }
        return value == null ? "" : String.valueOf(value);
    }

    private static String[] names(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toArray(String[]::new);
    }
}
