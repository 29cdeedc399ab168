package org.esphub.simulators.tvet;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Body of the provider's commands (reserve, confirm, release, withdraw): each reads the fields it
 * needs. All strings, so a malformed date is a 400 naming the field rather than an unreadable body.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TvetRequest(
        String referenceId,
        String personId,
        String providerId,
        String programmeId,
        String startDate,
        String slotHeldUntil,
        String enrolmentId,
        String reason) {
}
