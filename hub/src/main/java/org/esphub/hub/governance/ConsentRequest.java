package org.esphub.hub.governance;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.esphub.dci.OpaqueIdFormat;
import org.esphub.governance.consent.ConsentRole;
import org.esphub.governance.consent.NewConsent;
import org.esphub.governance.storage.StoredField;

/**
 * Body of {@code POST /api/consents}; see {@link NewConsent} for what may be left out.
 * {@code legal_basis} is read only to refuse it: the legal basis is the agreement's, never the
 * caller's, and a caller who sends one should learn that rather than see it silently replaced.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ConsentRequest(
        String personId,
        String purpose,
        List<String> scope,
        Instant givenAt,
        Instant expiresAt,
        String source,
        Object legalBasis,
        String givenBy,
        ConsentRole givenByRole,
        LocalDate subjectBirthDate) {

    /**
     * @throws BadGovernanceRequest if a value cannot be stored as it is (too long, control
     *     characters); the consent rules check the rest
     */
    NewConsent toNewConsent() {
        List<String> problems = new ArrayList<>();
        check(problems, StoredField.PERSON_ID, "person_id", personId);
        // the same person id every agency call and the referral intake accept: a consent for an id no
        // referral can carry would cover nobody, and ids like '..' must not be stored as people
        if (personId != null && !OpaqueIdFormat.isUsable(personId)) {
            problems.add("person_id: " + OpaqueIdFormat.DESCRIPTION);
        }
        check(problems, StoredField.CONSENT_PURPOSE, "purpose", purpose);
        check(problems, StoredField.CONSENT_SCOPE, "scope", scope == null ? null : String.join(",", scope));
        check(problems, StoredField.CONSENT_SOURCE, "source", source);
        check(problems, StoredField.CONSENT_GIVEN_BY, "given_by", givenBy);
        if (!problems.isEmpty()) {
            throw new BadGovernanceRequest(problems);
        }
        if (legalBasis != null) {
            throw new BadGovernanceRequest(List.of("legal_basis: set by the agreement of the purpose, not by the"
                    + " caller; leave it out"));
        }
        return new NewConsent(personId, purpose, scope, givenAt, expiresAt, source, givenBy, givenByRole,
                subjectBirthDate);
    }

    private static void check(List<String> problems, StoredField field, String name, String value) {
        String problem = field.problem(name, value);
        if (problem != null) {
            problems.add(problem);
        }
    }
}
