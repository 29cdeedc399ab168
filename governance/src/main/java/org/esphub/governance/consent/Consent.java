package org.esphub.governance.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A person's consent to the use of their data for one purpose, as the registry keeps it.
 *
 * @param scope the receivers (party ids) the consent covers: those the caller named, or every
 *     receiver of the purpose's exchanges under its agreements; never "anyone" (see
 *     {@link ConsentAgreements#receiversOf})
 * @param expiresAt null: does not expire
 * @param withdrawnAt null: not withdrawn
 * @param withdrawnBy the user or system that withdrew it (on the person's behalf)
 * @param withdrawnFor the agreement party {@code withdrawnBy} acted for
 * @param source where the consent was captured (a form, a DCI referral, ...)
 * @param legalBasis the provision under which the consent is collected
 * @param givenBy who gave it: the person, or their guardian
 * @param subjectBirthDate if known: tells whether a guardian had to give it
 * @param recordedBy the user or system that recorded it
 * @param recordedFor the agreement party {@code recordedBy} acted for
 */
public record Consent(
        String id,
        String personId,
        String purpose,
        List<String> scope,
        Instant givenAt,
        Instant expiresAt,
        Instant withdrawnAt,
        String withdrawalReason,
        String withdrawnBy,
        String withdrawnFor,
        String source,
        String legalBasis,
        String givenBy,
        ConsentRole givenByRole,
        LocalDate subjectBirthDate,
        Instant recordedAt,
        String recordedBy,
        String recordedFor) {

    public Consent {
        scope = scope == null ? List.of() : List.copyOf(scope);
    }

    /** ACTIVE, WITHDRAWN, EXPIRED or NOT_YET_VALID at the given instant. */
    public String statusAt(Instant at) {
        if (withdrawnAt != null && !withdrawnAt.isAfter(at)) {
            return "WITHDRAWN";
        }
        if (expiresAt != null && !expiresAt.isAfter(at)) {
            return "EXPIRED";
        }
        return givenAt.isAfter(at) ? "NOT_YET_VALID" : "ACTIVE";
    }

    public boolean activeAt(Instant at) {
        return "ACTIVE".equals(statusAt(at));
    }

    /** Only the receivers named in its scope: an empty scope covers nobody. */
    public boolean covers(String receiver) {
        return scope.contains(receiver);
    }
}
