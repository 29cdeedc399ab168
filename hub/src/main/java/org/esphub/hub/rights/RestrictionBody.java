package org.esphub.hub.rights;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.esphub.dci.DciReasonCode;
import org.esphub.dci.DciRejection;

/** The body of {@code POST /restrictions}: whose data, the disputed purposes and why; checked before anything is stored. */
record RestrictionBody(String personId, List<String> purposes, String reason) {

    private static final Pattern PERSON_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
    private static final Set<String> FIELDS = Set.of("person_id", "purposes", "reason");
    private static final int MAX_REASON = 1000;

    /** @param knownPurposes the purposes the agreements define */
    static RestrictionBody of(JsonNode body, Set<String> knownPurposes) {
        if (body == null || !body.isObject()) {
            throw bad(List.of("the body must be a JSON object"));
        }
        List<String> problems = new ArrayList<>();
        body.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                problems.add(name + ": not a field of a restriction");
            }
        });
        JsonNode person = body.path("person_id");
        if (!person.isTextual() || !PERSON_ID.matcher(person.asText()).matches()) {
            problems.add("person_id: required, 1-64 letters, digits or . _ : -");
        }
        List<String> purposes = new ArrayList<>();
        JsonNode list = body.path("purposes");
        if (!list.isArray() || list.isEmpty() || list.size() > 20) {
            problems.add("purposes: required, 1-20 purpose codes of the agreements");
        } else {
            for (JsonNode purpose : list) {
                if (!purpose.isTextual() || !knownPurposes.contains(purpose.asText())) {
                    problems.add("purposes: " + purpose + " is no purpose of the agreements " + knownPurposes);
                } else if (!purposes.contains(purpose.asText())) {
                    purposes.add(purpose.asText());
                }
            }
        }
        JsonNode reason = body.path("reason");
        if (!reason.isTextual() || reason.asText().isBlank() || reason.asText().length() > MAX_REASON
                || reason.asText().chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            problems.add("reason: required, 1-" + MAX_REASON + " characters of text");
        }
        if (!problems.isEmpty()) {
            throw bad(problems);
        }
        return new RestrictionBody(person.asText(), List.copyOf(purposes), reason.asText());
    }

    private static DciRejection bad(List<String> problems) {
        return new DciRejection(DciReasonCode.REQUEST_BAD, "the restriction is not valid; nothing was stored", problems);
    }
}
