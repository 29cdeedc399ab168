package org.esphub.simulators.tvet;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * A course a training provider runs, with the seats it has per intake.
 *
 * @param providerId the provider that runs it; a reservation must name the same one
 * @param capacity   seats; held and enrolled places count against it
 * @param audiences  whom the provider runs it for ({@code ADULT}, {@code YOUTH}): a youth programme is
 *                   apprenticeship-style or takes young people back towards school, so a counsellor
 *                   following a young person is offered only those
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TrainingProgramme(
        String programmeId,
        String name,
        String providerId,
        int durationWeeks,
        int capacity,
        List<String> audiences) {
}
