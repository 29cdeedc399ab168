package org.esphub.governance.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A consent to record, as a caseworker, an agency system or a DCI referral gives it. Optional
 * fields may be null: {@code givenAt} defaults to now, {@code expiresAt} to the agreement's
 * consent validity, {@code legalBasis} to the legal basis of the purpose's agreement,
 * {@code givenBy} to the person and {@code givenByRole} to {@link ConsentRole#SUBJECT}.
 */
public record NewConsent(
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
}
