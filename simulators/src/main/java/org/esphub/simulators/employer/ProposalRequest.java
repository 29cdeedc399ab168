package org.esphub.simulators.employer;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Body of {@code POST /sim/employer/proposals} and {@code POST /sim/employer/withdrawals}; each reads what it needs. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ProposalRequest(
        String referenceId,
        String personId,
        String givenName,
        String familyName,
        String employerId,
        String vacancyId,
        String jobTitle,
        String startDate,
        String reason) {
}
