package org.esphub.hub.governance;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.esphub.governance.audit.AuditEntry;
import org.esphub.governance.audit.AuditEvent;

/** An audit record as auditors read it: the audit record's own fields first, then what the gate adds, then the chain. */
final class AuditEventJson {

    /** Column order of the JSON fields and of the CSV. */
    static final List<String> FIELDS = List.of("sequence", "event_id", "timestamp", "actor_id", "action",
            "resource_type", "resource_id", "purpose", "legal_basis", "correlation_id", "person_id", "exchange",
            "agreement", "receiver", "partner", "outcome", "reason", "filters_applied", "consent_id", "payload_digest",
            "previous_hash", "hash");

    private AuditEventJson() {
    }

    static Map<String, Object> of(AuditEntry entry) {
        AuditEvent e = entry.event();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sequence", entry.sequence());
        json.put("event_id", entry.eventId());
        json.put("timestamp", e.occurredAt().toString());
        json.put("actor_id", e.actorId());
        json.put("action", e.action().name());
        json.put("resource_type", e.resourceType());
        json.put("resource_id", e.resourceId());
        json.put("purpose", e.purpose());
        json.put("legal_basis", e.legalBasis());
        json.put("correlation_id", e.correlationId());
        json.put("person_id", e.personId());
        json.put("exchange", e.exchange());
        json.put("agreement", e.agreement());
        json.put("receiver", e.receiver());
        // the one employer of the party "employers" that received it, where the agreement names it
        json.put("partner", e.partner());
        json.put("outcome", e.outcome().name());
        json.put("reason", e.reason());
        json.put("filters_applied", e.filtersApplied().isEmpty() ? List.of()
                : Arrays.asList(e.filtersApplied().split(",")));
        json.put("consent_id", e.consentId());
        json.put("payload_digest", e.payloadDigest());
        json.put("previous_hash", entry.previousHash());
        json.put("hash", entry.hash());
        return json;
    }
}
