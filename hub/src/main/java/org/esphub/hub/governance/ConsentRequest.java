package org.esphub.hub.governance;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.esphub.governance.consent.ConsentRole;
import org.esphub.governance.consent.NewConsent;

/** Body of {@code POST /api/consents}; see {@link NewConsent} for what may be left out. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ConsentRequest(
        String personId,
        String purpose,
        List<String> scope,
        Instant givenAt,
        Instant expiresAt,
        String source,
        String legalBasis,
        String givenBy,
        ConsentRole givenByRole,
        LocalDate subjectBirthDate) {

    NewConsent toNewConsent() {
        return new NewConsent(personId, purpose, scope, givenAt, expiresAt, source, legalBasis, givenBy, givenByRole,
                subjectBirthDate);
    }
}
