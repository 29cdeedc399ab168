package org.esphub.simulators.sa;

import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A benefit adjustment SA applied on the hub's instruction.
 *
 * @param adjustmentId      {@code ADJ-<6-digit sequence>}
 * @param newMonthlyBenefit what SA pays from next month (current benefit × percent), when both are known
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AppliedAdjustment(
        String adjustmentId,
        String referenceId,
        String personId,
        String adjustmentDecision,
        BigDecimal adjustedBenefitPercent,
        String taperingSchedule,
        BigDecimal currentMonthlyBenefit,
        BigDecimal newMonthlyBenefit,
        String adjustmentRuleId,
        String appealOutcome,
        String status,
        Instant appliedAt,
        String correlationId) {

    public static final String APPLIED = "APPLIED";
}
