package org.esphub.hub.rights;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.esphub.dci.DciReasonCode;
import org.esphub.dci.DciRejection;

/**
 * The body of {@code POST /rectifications}, checked before anything is stored: the person, the field (one of
 * {@link RectifiableField#ALL}) with the agency it comes from, the value the person says is correct and the
 * person's statement.
 */
record RectificationBody(String personId, String givenName, String familyName, RectifiableField field,
        String claimedValue, String statement) {

    private static final Pattern PERSON_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M}][\\p{L}\\p{M} .'-]{0,99}");
    /** A value as a form shows it: one line, printable, short. */
    private static final Pattern VALUE = Pattern.compile("[\\p{L}\\p{M}\\p{N}][\\p{L}\\p{M}\\p{N} .,'/_:-]{0,199}");
    private static final int MAX_STATEMENT = 2000;
    private static final Set<String> FIELDS = Set.of("person_id", "given_name", "family_name", "field",
            "source_agency", "claimed_value", "statement");

    static RectificationBody of(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw bad(List.of("the body must be a JSON object"));
        }
        List<String> problems = new ArrayList<>();
        body.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                problems.add(name + ": not a field of a rectification");
            }
        });
        String personId = text(body, "person_id", PERSON_ID, problems);
        String givenName = text(body, "given_name", NAME, problems);
        String familyName = text(body, "family_name", NAME, problems);
        String fieldName = text(body, "field", null, problems);
        String source = text(body, "source_agency", null, problems);
        String claimed = text(body, "claimed_value", VALUE, problems);
        String statement = text(body, "statement", null, problems);
        if (statement != null && (statement.isBlank() || statement.length() > MAX_STATEMENT)) {
            problems.add("statement: 1 to " + MAX_STATEMENT + " characters");
        }
        RectifiableField field = null;
        if (fieldName != null) {
            field = RectifiableField.named(fieldName).orElse(null);
            if (field == null) {
                problems.add("field: one of " + RectifiableField.ALL.stream().map(RectifiableField::name).toList());
            } else if (source != null && !field.sourceAgency().equals(source)) {
                problems.add("source_agency: " + fieldName + " comes from " + field.sourceAgency());
            }
        }
        if (!problems.isEmpty()) {
            throw bad(problems);
        }
        return new RectificationBody(personId, givenName, familyName, field, claimed, statement);
    }

    /** What the gate sees of the request: the fields the agreement lets the hub take in. */
    Map<String, Object> asPayload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("person_id", personId);
        payload.put("given_name", givenName);
        payload.put("family_name", familyName);
        payload.put("field", field.name());
        payload.put("source_agency", field.sourceAgency());
        payload.put("claimed_value", claimedValue);
        payload.put("statement", statement);
        return payload;
    }

    private static String text(JsonNode body, String field, Pattern pattern, List<String> problems) {
        return AccessRequestBody.text(body, "", field, pattern, problems);
    }

    static DciRejection bad(List<String> problems) {
        return new DciRejection(DciReasonCode.REQUEST_BAD, "the rectification is not valid; nothing was stored",
                problems);
    }
}
