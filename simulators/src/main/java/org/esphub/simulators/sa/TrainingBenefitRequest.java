package org.esphub.simulators.sa;

import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Body of {@code POST /sim/sa/training-benefit-requests}: the training the person was offered and
 * the benefits it needs, to be decided by {@code decideBy} (an ISO instant: the end of the hold on the place).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TrainingBenefitRequest(
        String referenceId,
        String personId,
        String programmeId,
        String programmeName,
        String providerId,
        String startDate,
        Integer durationWeeks,
        List<String> requestedBenefits,
        String decideBy) {
}
