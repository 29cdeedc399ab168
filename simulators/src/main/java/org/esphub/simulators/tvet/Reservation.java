package org.esphub.simulators.tvet;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A place on a programme, from the hold to the end of the training. Immutable: each change is a
 * new value that replaces the old one in the {@link TrainingRegister}.
 *
 * @param slotId      {@code SLOT-<6-digit sequence>}, given when the place is held
 * @param enrolmentId {@code ENR-<6-digit sequence>}, given when the enrolment is confirmed
 * @param heldUntil   until when the hub asked the provider to hold the place, as the hub sent it
 * @param status      {@link #HELD}, {@link #RELEASED}, {@link #ENROLLED}, {@link #WITHDRAWN},
 *                    {@link #COMPLETED} or {@link #DROPPED_OUT}
 * @param reason      why the place was released or the enrolment withdrawn or dropped, if it was
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Reservation(
        String slotId,
        String enrolmentId,
        String referenceId,
        String personId,
        String providerId,
        String programmeId,
        String startDate,
        String heldUntil,
        String status,
        String reason,
        Instant createdAt,
        Instant updatedAt,
        String correlationId) {

    public static final String HELD = "HELD";
    public static final String RELEASED = "RELEASED";
    public static final String ENROLLED = "ENROLLED";
    public static final String WITHDRAWN = "WITHDRAWN";
    public static final String COMPLETED = "COMPLETED";
    public static final String DROPPED_OUT = "DROPPED_OUT";

    /** Held and enrolled places take a seat. */
    @JsonIgnore
    public boolean takesASeat() {
        return HELD.equals(status) || ENROLLED.equals(status);
    }

    Reservation enrolled(String newEnrolmentId, Instant now) {
        return new Reservation(slotId, newEnrolmentId, referenceId, personId, providerId, programmeId, startDate,
                heldUntil, ENROLLED, null, createdAt, now, correlationId);
    }

    Reservation ended(String newStatus, String newReason, Instant now) {
        return new Reservation(slotId, enrolmentId, referenceId, personId, providerId, programmeId, startDate,
                heldUntil, newStatus, newReason, createdAt, now, correlationId);
    }
}
