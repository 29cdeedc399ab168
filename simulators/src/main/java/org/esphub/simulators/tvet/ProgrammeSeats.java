package org.esphub.simulators.tvet;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** A programme of the catalogue with the seats still free, as {@code GET /sim/tvet/programmes} shows it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ProgrammeSeats(
        String programmeId,
        String name,
        String providerId,
        int durationWeeks,
        int capacity,
        int seatsLeft,
        List<String> audiences) {

    static ProgrammeSeats of(TrainingProgramme programme, int seatsLeft) {
        return new ProgrammeSeats(programme.programmeId(), programme.name(), programme.providerId(),
                programme.durationWeeks(), programme.capacity(), seatsLeft, programme.audiences());
    }
}
