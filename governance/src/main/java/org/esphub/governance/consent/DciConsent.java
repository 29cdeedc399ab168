package org.esphub.governance.consent;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.esphub.governance.storage.StoredField;

/**
 * Reads the DCI {@code Consent} object a referral item may carry ({@code common/schema/Consent.yaml}:
 * {@code ts}, {@code purpose.code}, {@code purpose.text}) as a consent to record. The standard
 * gives no expiry, scope or guardian, so the agreement's defaults apply: it covers the receivers of
 * the purpose's exchanges under its agreements (never anyone else), lasts the agreement's consent
 * validity, and its {@code ts} obeys the same window as every consent (not in the future, not
 * older than {@code esp.governance.consent.max-backdating}).
 */
public final class DciConsent {

    private DciConsent() {
    }

    /**
     * @param consent the item's {@code consent} object
     * @param personId the item's person_id: whom the consent is about (and, per DCI, who gave it)
     * @param senderId the agency that sent the referral
     * @param referenceId the referral item's reference_id
     * @throws InvalidConsent if the object lacks what a consent needs
     */
    public static NewConsent toNewConsent(JsonNode consent, String personId, String senderId, String referenceId) {
        List<String> problems = new ArrayList<>();
        JsonNode code = consent.path("purpose").path("code");
        String purpose = code.isTextual() ? code.asText() : null;
        if (purpose == null || purpose.isBlank()) {
            problems.add("consent.purpose.code: required, the purpose the person consented to");
        }
        Instant givenAt = null;
        JsonNode tsNode = consent.path("ts");
        String ts = tsNode.isTextual() ? tsNode.asText() : null;
        if (ts == null) {
            problems.add("consent.ts: required, when the person consented");
        } else {
            try {
                givenAt = Instant.parse(ts);
            } catch (DateTimeParseException e) {
                problems.add("consent.ts: '" + ts + "' is not an ISO-8601 UTC timestamp");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidConsent(problems);
        }
        // the hub's own description of the source, fitted to its column as audit text is
        return new NewConsent(personId, purpose, null, givenAt, null,
                StoredField.CONSENT_SOURCE.fit("DCI referral " + referenceId + " from " + senderId), null,
                ConsentRole.SUBJECT, null);
    }

    /**
     * The registry's problems with a consent read from a DCI object, named as the object names
     * them ({@code consent.ts} rather than {@code given_at}), so the sender can find the field.
     */
    public static List<String> problemsOf(InvalidConsent invalid) {
        return invalid.problems().stream()
                .map(problem -> problem.startsWith("given_at:") ? "consent.ts" + problem.substring("given_at".length())
                        : problem.startsWith("purpose:") ? "consent.purpose.code" + problem.substring("purpose".length())
                                : "consent." + problem)
                .toList();
    }
}
