package org.esphub.hub.governance;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.esphub.governance.consent.ConsentRole;
import org.esphub.governance.consent.NewConsent;

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

    NewConsent toNewConsent() {
        if (legalBasis != null) {
            throw new BadGovernanceRequest(List.of("legal_basis: set by the agreement of the purpose, not by the"
                    + " caller; leave it out"));
        }
        return new NewConsent(personId, purpose, scope, givenAt, expiresAt, source, givenBy, givenByRole,
                subjectBirthDate);
    }
}
