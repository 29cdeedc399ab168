package org.esphub.simulators.employer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What the employers confirm about one person.
 *
 * @param employed     an employer confirms employing the person
 * @param employerName who, when known
 * @param startDate    since when, when known
 * @param asOf         when the employers' answer was true
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record EmploymentConfirmation(String personId, boolean employed, String employerName, LocalDate startDate,
        Instant asOf) {
}
