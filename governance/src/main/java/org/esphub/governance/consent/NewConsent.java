package org.esphub.governance.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A consent to record, as a caseworker, an agency system or a DCI referral gives it. Optional
 * fields may be null: {@code scope} defaults to every receiver of the purpose's exchanges,
 * {@code givenAt} to now, {@code expiresAt} to the agreement's consent validity, {@code givenBy}
 * to the person and {@code givenByRole} to {@link ConsentRole#SUBJECT}. There is no legal basis:
 * it is always the agreement's.
 */
public record NewConsent(
        String personId,
        String purpose,
        List<String> scope,
        Instant givenAt,
        Instant expiresAt,
        String source,
        String givenBy,
        ConsentRole givenByRole,
        LocalDate subjectBirthDate) {
}
