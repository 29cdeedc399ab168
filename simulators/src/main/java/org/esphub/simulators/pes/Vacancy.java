package org.esphub.simulators.pes;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A vacancy an employer posted with PES, with the terms it offers.
 *
 * @param contractType   PERMANENT, FIXED_TERM, PROBATIONARY, CASUAL, SEASONAL or APPRENTICESHIP
 * @param contractMonths the length of a fixed-term contract; none for the other types
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Vacancy(
        String vacancyId,
        String employerId,
        String employerName,
        String jobTitle,
        BigDecimal hoursPerWeek,
        BigDecimal monthlyWage,
        String contractType,
        Integer contractMonths) {
}
