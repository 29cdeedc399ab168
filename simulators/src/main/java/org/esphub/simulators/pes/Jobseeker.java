package org.esphub.simulators.pes;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A person registered with the simulated PES.
 *
 * @param caseNumber    {@code PES-<year>-<6-digit sequence>}
 * @param referenceId   the referral that asked for the registration
 * @param correlationId the {@code X-Correlation-ID} of the registering request, if any
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Jobseeker(
        String caseNumber,
        String personId,
        String referenceId,
        String givenName,
        String familyName,
        LocalDate birthDate,
        String status,
        Instant registeredAt,
        String correlationId) {

    public static final String REGISTERED = "REGISTERED";
}
