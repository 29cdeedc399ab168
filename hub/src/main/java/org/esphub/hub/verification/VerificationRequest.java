package org.esphub.hub.verification;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.esphub.dci.DciReasonCode;
import org.esphub.dci.DciRejection;
import org.esphub.dci.OpaqueIdFormat;
import org.esphub.governance.storage.StoredField;

/**
 * Reads a status-verification request: the standard's PRS.EMPL.02 request (action {@code status_verify},
 * items {@code message.employment_status_request[]} with {@code verification_criteria.person}), up to
 * {@link #MAX_ITEMS} persons. Every problem is named at once; nothing is stored or started for a request
 * with one.
 */
final class VerificationRequest {

    static final String ACTION = "status_verify";
    static final int MAX_ITEMS = 100;
    /** The identifier that finds the person at SA; it is the hub's person_id. */
    static final String NATIONAL_ID = "national_id";
    /** The identifier types that count towards the two BR.EMPL.02.01 asks for. */
    static final Set<String> IDENTIFIER_TYPES = Set.of(NATIONAL_ID, "tax_id", "social_security_number", "biometric");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final int MAX_NAME = 200;

    private VerificationRequest() {
    }

    /** @throws DciRejection {@code err.request.bad} naming every problem */
    static List<VerificationItem> items(JsonNode envelope) {
        List<String> problems = new ArrayList<>();
        JsonNode header = envelope.path("header");
        JsonNode message = envelope.path("message");
        require(problems, header, "message_id", "$.header.");
        require(problems, header, "sender_id", "$.header.");
        require(problems, header, "message_ts", "$.header.");
        if (!ACTION.equals(header.path("action").asText())) {
            problems.add("$.header.action: must be '" + ACTION + "'");
        }
        check(problems, StoredField.MESSAGE_ID, "$.header.message_id", header.path("message_id"));
        check(problems, StoredField.SENDER_ID, "$.header.sender_id", header.path("sender_id"));
        check(problems, StoredField.SENDER_URI, "$.header.sender_uri", header.path("sender_uri"));
        check(problems, StoredField.TRANSACTION_ID, "$.message.transaction_id", message.path("transaction_id"));
        JsonNode requests = message.path("employment_status_request");
        if (!requests.isArray() || requests.isEmpty() || requests.size() > MAX_ITEMS) {
            problems.add("$.message.employment_status_request: must list 1 to " + MAX_ITEMS + " persons");
            throw rejection(problems);
        }
        List<VerificationItem> items = new ArrayList<>();
        Set<String> references = new HashSet<>();
        for (int i = 0; i < requests.size(); i++) {
            VerificationItem item = item(problems, requests.get(i), "$.message.employment_status_request[" + i + "].");
            if (item != null && !references.add(item.referenceId())) {
                problems.add("$.message.employment_status_request[" + i + "].reference_id: repeats an earlier item's");
            }
            items.add(item);
        }
        if (!problems.isEmpty()) {
            throw rejection(problems);
        }
        return items;
    }

    private static VerificationItem item(List<String> problems, JsonNode item, String at) {
        int before = problems.size();
        require(problems, item, "reference_id", at);
        check(problems, StoredField.REFERENCE_ID, at + "reference_id", item.path("reference_id"));
        JsonNode person = item.path("verification_criteria").path("person");
        String personId = null;
        Set<String> types = new HashSet<>();
        JsonNode identifiers = person.path("identifiers");
        if (!identifiers.isArray() || identifiers.isEmpty() || identifiers.size() > IDENTIFIER_TYPES.size()) {
            problems.add(at + "verification_criteria.person.identifiers: must list 1 to " + IDENTIFIER_TYPES.size()
                    + " identifiers, one of them " + NATIONAL_ID);
        } else {
            for (JsonNode identifier : identifiers) {
                String type = identifier.path("identifier_type").asText();
                String value = identifier.path("identifier_value").asText();
                if (!IDENTIFIER_TYPES.contains(type) || value.isBlank() || value.length() > 255) {
                    problems.add(at + "verification_criteria.person.identifiers: identifier_type must be one of "
                            + IDENTIFIER_TYPES + " with an identifier_value of 1 to 255 characters");
                } else if (types.add(type) && NATIONAL_ID.equals(type)) {
                    personId = value;
                }
            }
            if (personId == null) {
                problems.add(at + "verification_criteria.person.identifiers: " + NATIONAL_ID + " is required");
            } else if (!OpaqueIdFormat.isUsable(personId)) {
                problems.add(at + "verification_criteria.person.identifiers: '" + personId + "' must be "
                        + OpaqueIdFormat.DESCRIPTION);
            }
        }
        String givenName = text(problems, person.path("name").path("given_name"), at + "verification_criteria.person.name.given_name");
        String surname = text(problems, person.path("name").path("surname"), at + "verification_criteria.person.name.surname");
        String birthDate = text(problems, person.path("birth_date"), at + "verification_criteria.person.birth_date");
        if (birthDate != null && !ISO_DATE.matcher(birthDate).matches()) {
            problems.add(at + "verification_criteria.person.birth_date: must be an ISO date (YYYY-MM-DD)");
        }
        if (problems.size() > before) {
            return null;
        }
        return new VerificationItem(item.get("reference_id").asText(), personId, givenName, surname, birthDate,
                types.size());
    }

    private static String text(List<String> problems, JsonNode value, String at) {
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank() || value.asText().length() > MAX_NAME) {
            problems.add(at + ": must be text of 1 to " + MAX_NAME + " characters");
            return null;
        }
        return value.asText().strip();
    }

    private static void require(List<String> problems, JsonNode node, String field, String at) {
        if (!node.path(field).isTextual() || node.path(field).asText().isBlank()) {
            problems.add(at + field + ": is required");
        }
    }

    private static void check(List<String> problems, StoredField field, String at, JsonNode value) {
        if (value.isTextual()) {
            String problem = field.problem(at, value.asText());
            if (problem != null) {
                problems.add(problem);
            }
        }
    }

    private static DciRejection rejection(List<String> problems) {
        return new DciRejection(DciReasonCode.REQUEST_BAD,
                "the status-verification request is not valid; nothing was stored or started", problems);
    }
}
