package org.esphub.hub.tracker;

import java.util.LinkedHashMap;
import java.util.Map;
import org.esphub.governance.tracker.TrackerEntry;

/** One tracker entry in the API's snake_case; nulls kept, so every entry has the same fields. */
final class TrackerJson {

    private TrackerJson() {
    }

    static Map<String, Object> of(TrackerEntry entry) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sequence", entry.sequence());
        json.put("occurred_at", entry.occurredAt().toString());
        json.put("exchange", entry.exchange());
        json.put("description", entry.description());
        json.put("from", entry.from().stream().map(TrackerJson::party).toList());
        json.put("to", party(entry.to()));
        json.put("purpose", entry.purpose());
        json.put("purpose_description", entry.purposeDescription());
        json.put("legal_basis", entry.legalBasis());
        json.put("agreement", entry.agreement());
        json.put("consent_id", entry.consentId());
        json.put("data_categories", entry.dataCategories());
        json.put("explanation", entry.explanation());
        return json;
    }

    private static Map<String, Object> party(TrackerEntry.PartyName party) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", party.id());
        json.put("name", party.name());
        return json;
    }
}
