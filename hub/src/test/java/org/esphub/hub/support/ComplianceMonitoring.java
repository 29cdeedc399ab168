package org.esphub.hub.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.UUID;

/** Builds assess-compliance envelopes ({@code POST /compliance/monitor}) with fresh ids. */
public final class ComplianceMonitoring {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ComplianceMonitoring() {
    }

    /** A request from SA with one item per person, reference ids {@code COMP-<person>-<unique>}. */
    public static ObjectNode forPersons(String... personIds) {
        String unique = UUID.randomUUID().toString();
        ObjectNode envelope = MAPPER.createObjectNode();
        envelope.putObject("header").put("version", "1.0.0").put("message_id", "MSG-COMP-" + unique)
                .put("message_ts", Instant.now().toString()).put("action", "assess-compliance")
                .put("sender_id", "sa.gov.example").put("receiver_id", "esp-hub").put("total_count", personIds.length)
                .put("is_msg_encrypted", false);
        ObjectNode message = envelope.putObject("message").put("transaction_id", "COMP-" + unique.substring(0, 8));
        ArrayNode items = message.putArray("compliance_request");
        for (String personId : personIds) {
            ObjectNode item = items.addObject().put("reference_id", "COMP-" + personId + "-" + unique)
                    .put("person_id", personId).put("requested_assessment", "CURRENT_STATUS");
            item.putObject("assessment_period").put("start_date", "2026-11-01").put("end_date", "2026-11-30");
            item.putArray("compliance_areas").add("WORK_SEARCH").add("APPOINTMENT_ATTENDANCE");
        }
        return envelope;
    }

    /** The reference_id of the envelope's item {@code index}. */
    public static String referenceOf(ObjectNode envelope, int index) {
        return envelope.at("/message/compliance_request/" + index + "/reference_id").asText();
    }
}
