package org.esphub.simulators.sa;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * SA's case for a training-benefit request: what was asked and what SA decided.
 *
 * @param requestId {@code TBR-<6-digit sequence>}
 * @param status    {@link #PENDING}, {@link #APPROVED} or {@link #REFUSED}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TrainingBenefitCase(
        String requestId,
        String referenceId,
        String personId,
        String programmeId,
        String programmeName,
        String providerId,
        String startDate,
        Integer durationWeeks,
        List<String> requestedBenefits,
        String decideBy,
        String status,
        String decisionReason,
        Instant receivedAt,
        Instant decidedAt,
        String correlationId) {

    public static final String PENDING = "PENDING";
    public static final String APPROVED = "APPROVED";
    public static final String REFUSED = "REFUSED";

    @JsonIgnore
    public boolean isDecided() {
        return !PENDING.equals(status);
    }

    TrainingBenefitCase decided(boolean approved, String reason, Instant now) {
        return new TrainingBenefitCase(requestId, referenceId, personId, programmeId, programmeName, providerId,
                startDate, durationWeeks, requestedBenefits, decideBy, approved ? APPROVED : REFUSED, reason,
                receivedAt, now, correlationId);
    }
}
