package org.esphub.simulators.tax;

import java.time.Instant;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The authority's assessment of a person's work capacity, as its medical service records it: the
 * capacity with the hours and restrictions, and the diagnosis it is based on, which the authority sends
 * along as real systems do and the hub's agreement does not let in.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record WorkCapacityAssessment(String personId, String workCapacity, Integer capacityHoursPerWeek,
        String workRestrictions, String diagnosis, String icd10Code, Instant assessedAt) {
}
