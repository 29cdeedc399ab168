package org.esphub.hub.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.esphub.dci.DciReasonCode;
import org.esphub.dci.DciRejection;
import org.esphub.governance.storage.StoredField;

/**
 * Before anything of a create-referral is written: every id the intake stores fits its column
 * ({@link StoredField}). The annex's schema leaves most ids unbounded, and a value the database
 * refused would roll the intake back as a failure ("retry") instead of a clear refusal.
 */
final class StorableEnvelope {

    private StorableEnvelope() {
    }

    /**
     * @param correlationHeader what the caller named the correlation id (the HTTP header or the JMS property)
     * @throws DciRejection {@code err.request.bad} naming every value that does not fit
     */
    static void check(JsonNode envelope, String correlationId, String correlationHeader) {
        List<String> problems = new ArrayList<>();
        JsonNode header = envelope.path("header");
        JsonNode message = envelope.path("message");
        add(problems, StoredField.CORRELATION_ID, correlationHeader, correlationId);
        add(problems, StoredField.MESSAGE_ID, "$.header.message_id", text(header, "message_id"));
        add(problems, StoredField.SENDER_ID, "$.header.sender_id", text(header, "sender_id"));
        add(problems, StoredField.SENDER_URI, "$.header.sender_uri", text(header, "sender_uri"));
        add(problems, StoredField.TRANSACTION_ID, "$.message.transaction_id", text(message, "transaction_id"));
        JsonNode items = message.path("referral_request");
        for (int i = 0; i < items.size(); i++) {
            String item = "$.message.referral_request[" + i + "].";
            add(problems, StoredField.REFERENCE_ID, item + "reference_id", text(items.get(i), "reference_id"));
            add(problems, StoredField.PERSON_ID, item + "person_id", text(items.get(i), "person_id"));
            JsonNode context = items.get(i).path("sp_program_context");
            add(problems, StoredField.PROGRAM_ID, item + "sp_program_context.program_id", text(context, "program_id"));
            add(problems, StoredField.BENEFIT_TYPE, item + "sp_program_context.benefit_type",
                    text(context, "benefit_type"));
        }
        if (!problems.isEmpty()) {
            throw new DciRejection(DciReasonCode.REQUEST_BAD,
                    "the request has values the hub cannot store; nothing was stored or started", problems);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static void add(List<String> problems, StoredField field, String name, String value) {
        String problem = field.problem(name, value);
        if (problem != null) {
            problems.add(problem);
        }
    }
}
