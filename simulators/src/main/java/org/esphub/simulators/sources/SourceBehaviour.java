package org.esphub.simulators.sources;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * How a simulated source of employment-status verification answers about one person, so that every
 * branch of the process can be driven by hand and in tests. Each field left out keeps the simulator's
 * normal answer.
 *
 * @param down       the source answers 503 to every question about the person
 * @param staleDays  the source's data is this many days older than usual (its {@code as_of} moves back,
 *                   and what happened since is not in it)
 * @param registered PES: whether the person is a registered jobseeker, whatever the register says
 * @param employed   employers: whether an employer confirms employing the person, whatever the
 *                   insured-employment record says
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SourceBehaviour(Boolean down, Integer staleDays, Boolean registered, Boolean employed) {

    /** The simulator's own answers. */
    public static final SourceBehaviour NORMAL = new SourceBehaviour(null, null, null, null);

    public boolean isDown() {
        return Boolean.TRUE.equals(down);
    }

    public Instant asOf(Instant usual) {
        return staleDays == null ? usual : usual.minus(Duration.ofDays(staleDays));
    }

    public LocalDate asOf(LocalDate usual) {
        return staleDays == null ? usual : usual.minusDays(staleDays);
    }
}
