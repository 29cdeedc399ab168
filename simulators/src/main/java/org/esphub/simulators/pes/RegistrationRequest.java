package org.esphub.simulators.pes;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Body of {@code POST /sim/pes/jobseekers}. All strings, so a malformed birth date is reported
 * as a 422 naming the field rather than as an unreadable body.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RegistrationRequest(
        String referenceId,
        String personId,
        String givenName,
        String familyName,
        String birthDate) {
}
