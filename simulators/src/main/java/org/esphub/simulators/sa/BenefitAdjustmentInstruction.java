package org.esphub.simulators.sa;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Body of {@code POST /sim/sa/benefit-adjustments}: an adjustment no appeal can undo any more, as
 * the hub's benefit-adjustment process decided it (or the appeal amended it).
 *
 * @param adjustedBenefitPercent benefit from next month, as % of the current one
 * @param taperingSchedule       month by month % of the current benefit, comma-separated, e.g. {@code 75,50,25,0}
 * @param appealOutcome          the appeal's outcome, absent when nobody appealed
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record BenefitAdjustmentInstruction(
        String referenceId,
        String personId,
        String adjustmentDecision,
        BigDecimal adjustedBenefitPercent,
        String taperingSchedule,
        BigDecimal currentMonthlyBenefit,
        String adjustmentRuleId,
        String appealOutcome) {
}
