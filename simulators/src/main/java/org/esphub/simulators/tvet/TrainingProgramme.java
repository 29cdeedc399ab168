package org.esphub.simulators.tvet;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A course a training provider runs, with the seats it has per intake.
 *
 * @param providerId the provider that runs it; a reservation must name the same one
 * @param capacity   seats; held and enrolled places count against it
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TrainingProgramme(
        String programmeId,
        String name,
        String providerId,
        int durationWeeks,
        int capacity) {
}
