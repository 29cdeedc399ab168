package org.esphub.simulators.tax;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A person's insured employment as the tax / social-insurance authority records it: one spell
 * of contributions paid by an employer.
 *
 * @param employmentType DCI employment type as the annex's status response uses it:
 *                       {@code FULL_TIME}, {@code PART_TIME}, {@code TEMPORARY}, {@code SELF_EMPLOYED}
 * @param monthlyIncome  gross monthly income declared with the last contribution, decimal string
 * @param endDate        null while contributions continue
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record InsuredEmployment(
        String employerName,
        LocalDate startDate,
        LocalDate endDate,
        String employmentType,
        String monthlyIncome,
        String currency) {

    public boolean openOn(LocalDate day) {
        return !startDate.isAfter(day) && (endDate == null || !endDate.isBefore(day));
    }
}
