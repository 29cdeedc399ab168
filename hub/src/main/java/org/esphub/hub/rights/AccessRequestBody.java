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
import org.esphub.processes.SubjectAccessRequest;

/**
 * The body of {@code POST /subject-access-requests}, checked before anything is stored: the person,
 * for whom the agency acts and, when a legal representative asked, the proof of representation the
 * agency holds (its kind and reference), which the data-protection officer checks.
 */
record AccessRequestBody(String personId, String givenName, String familyName, String onBehalfOf,
        String representationKind, String representationReference) {

    /** The proofs of representation a data-protection officer can check. */
    static final Set<String> REPRESENTATION_KINDS = Set.of("power_of_attorney", "court_order", "guardianship",
            "parental_authority");
    private static final Pattern PERSON_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M}][\\p{L}\\p{M} .'-]{0,99}");
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ./_:-]{0,254}");
    private static final Set<String> FIELDS = Set.of("person_id", "given_name", "family_name", "on_behalf_of",
            "representation");

    static AccessRequestBody of(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw bad(List.of("the body must be a JSON object"));
        }
        List<String> problems = new ArrayList<>();
        body.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                problems.add(name + ": not a field of an access request");
            }
        });
        String personId = text(body, "", "person_id", PERSON_ID, problems);
        String givenName = text(body, "", "given_name", NAME, problems);
        String familyName = text(body, "", "family_name", NAME, problems);
        String onBehalfOf = body.path("on_behalf_of").asText(SubjectAccessRequest.ON_BEHALF_OF_PERSON);
        String kind = null;
        String reference = null;
        JsonNode representation = body.path("representation");
        if (SubjectAccessRequest.ON_BEHALF_OF_REPRESENTATIVE.equals(onBehalfOf)) {
            if (!representation.isObject()) {
                problems.add("representation: required when on_behalf_of is LEGAL_REPRESENTATIVE ({kind, reference})");
            } else {
                kind = text(representation, "representation.", "kind", null, problems);
                if (kind != null && !REPRESENTATION_KINDS.contains(kind)) {
                    problems.add("representation.kind: one of " + REPRESENTATION_KINDS.stream().sorted().toList());
                }
                reference = text(representation, "representation.", "reference", REFERENCE, problems);
            }
        } else if (!SubjectAccessRequest.ON_BEHALF_OF_PERSON.equals(onBehalfOf)) {
            problems.add("on_behalf_of: PERSON or LEGAL_REPRESENTATIVE");
        } else if (!representation.isMissingNode() && !representation.isNull()) {
            problems.add("representation: only when on_behalf_of is LEGAL_REPRESENTATIVE");
        }
        if (!problems.isEmpty()) {
            throw bad(problems);
        }
        return new AccessRequestBody(personId, givenName, familyName, onBehalfOf, kind, reference);
    }

    /** What the gate sees of the request: the fields the agreement lets the hub keep. */
    Map<String, Object> asPayload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("person_id", personId);
        payload.put("given_name", givenName);
        payload.put("family_name", familyName);
        payload.put("on_behalf_of", onBehalfOf);
        if (representationKind != null) {
            payload.put("representation", Map.of("kind", representationKind, "reference", representationReference));
        }
        return payload;
    }

    /** A required text field, named in a problem with its path ({@code prefix} + {@code field}). */
    static String text(JsonNode body, String prefix, String field, Pattern pattern, List<String> problems) {
        JsonNode value = body.path(field);
        if (value.isMissingNode() || value.isNull()) {
            problems.add(prefix + field + ": required");
            return null;
        }
        if (!value.isTextual() || (pattern != null && !pattern.matcher(value.asText()).matches())) {
            problems.add(prefix + field + ": not a valid value");
            return null;
        }
        return value.asText();
    }

    private static DciRejection bad(List<String> problems) {
        return new DciRejection(DciReasonCode.REQUEST_BAD, "the access request is not valid; nothing was stored",
                problems);
    }
}
