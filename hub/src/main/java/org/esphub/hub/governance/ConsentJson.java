package org.esphub.hub.governance;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.esphub.governance.consent.Consent;

/** A consent as the API shows it: snake_case, with its status at the time of the answer. */
final class ConsentJson {

    private ConsentJson() {
    }

    static Map<String, Object> of(Consent consent, Instant now) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", consent.id());
        json.put("person_id", consent.personId());
        json.put("purpose", consent.purpose());
        json.put("scope", consent.scope());
        json.put("status", consent.statusAt(now));
        json.put("given_at", text(consent.givenAt()));
        json.put("expires_at", text(consent.expiresAt()));
        json.put("withdrawn_at", text(consent.withdrawnAt()));
        json.put("withdrawal_reason", consent.withdrawalReason());
        json.put("withdrawn_by", consent.withdrawnBy());
        json.put("withdrawn_for", consent.withdrawnFor());
        json.put("source", consent.source());
        json.put("legal_basis", consent.legalBasis());
        json.put("given_by", consent.givenBy());
        json.put("given_by_role", consent.givenByRole().name());
        json.put("subject_birth_date", consent.subjectBirthDate() == null ? null : consent.subjectBirthDate().toString());
        json.put("recorded_at", text(consent.recordedAt()));
        json.put("recorded_by", consent.recordedBy());
        json.put("recorded_for", consent.recordedFor());
        return json;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
