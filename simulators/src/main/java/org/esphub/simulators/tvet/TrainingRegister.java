package org.esphub.simulators.tvet;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

import org.esphub.simulators.IdempotencyKeys;
import org.esphub.simulators.InvalidRequestException;
import org.springframework.lang.Nullable;
import org.springframework.util.StringUtils;

/**
 * The training providers' register of places: holds, enrolments, their ends. Capacity counts held
 * and enrolled places; holds do not lapse on their own (the hub releases a hold when its own timer
 * runs out), which keeps the simulator deterministic.
 *
 * <p>Every command is idempotent, because the hub delivers at least once and retries: a repeat
 * with the same {@code Idempotency-Key} gets the first answer, and one without a key is
 * recognised by what it names (the referral's active place on the programme, the slot, the
 * enrolment). All methods are synchronized: requests are rare and short, and one lock keeps
 * sequences, seats and indexes consistent.
 */
public class TrainingRegister {

    private final Clock clock;
    private final Map<String, Reservation> bySlotId = new LinkedHashMap<>();
    private final IdempotencyKeys<String> slotIdsByKey = new IdempotencyKeys<>();
    private int lastSlot;
    private int lastEnrolment;

    public TrainingRegister(Clock clock) {
        this.clock = clock;
    }

    /** The outcome of a command; {@code created} is false when it repeated an earlier one. */
    public record Outcome(Reservation place, boolean created) {
    }

    /**
     * Holds a seat for the referral.
     *
     * @throws UnknownProgrammeException when the provider does not run the programme
     * @throws ProgrammeFullException    when every seat is held or taken
     */
    public synchronized Outcome reserve(TvetRequest request, @Nullable String idempotencyKey,
                                        @Nullable String correlationId) {
        String referenceId = required(request.referenceId(), "reference_id");
        required(request.personId(), "person_id");
        String programmeId = required(request.programmeId(), "programme_id");
        String startDate = isoDate(request.startDate(), "start_date");
        String what = "reserve " + referenceId + " " + programmeId + " " + startDate;
        Optional<Reservation> earlier = slotIdsByKey.earlier(idempotencyKey, what).map(bySlotId::get)
                .or(() -> latest(place -> place.takesASeat() && place.referenceId().equals(referenceId)
                        && place.programmeId().equals(programmeId)));
        if (earlier.isPresent()) {
            return new Outcome(earlier.get(), false);
        }
        TrainingProgramme programme = ProgrammeCatalogue.find(programmeId)
                .filter(known -> request.providerId() == null || known.providerId().equals(request.providerId()))
                .orElseThrow(() -> new UnknownProgrammeException(request.providerId(), programmeId));
        if (seatsTaken(programmeId) >= programme.capacity()) {
            throw new ProgrammeFullException(programme, startDate);
        }
        Instant now = now();
        Reservation place = new Reservation(String.format(Locale.ROOT, "SLOT-%06d", ++lastSlot), null, referenceId,
                request.personId(), programme.providerId(), programmeId, startDate, request.slotHeldUntil(),
                Reservation.HELD, null, now, now, correlationId);
        bySlotId.put(place.slotId(), place);
        slotIdsByKey.remember(idempotencyKey, what, place.slotId());
        return new Outcome(place, true);
    }

    /** Turns a held place into an enrolment; confirming an enrolled place again answers with it. */
    public synchronized Outcome confirm(String slotId, TvetRequest request, @Nullable String idempotencyKey) {
        Reservation place = place(slotId, request);
        String what = "confirm " + slotId;
        if (slotIdsByKey.earlier(idempotencyKey, what).isPresent() || Reservation.ENROLLED.equals(place.status())) {
            return new Outcome(place, false);
        }
        if (!Reservation.HELD.equals(place.status())) {
            throw new PlaceConflictException(place, "confirm an enrolment on");
        }
        Reservation enrolled = place.enrolled(String.format(Locale.ROOT, "ENR-%06d", ++lastEnrolment), now());
        bySlotId.put(slotId, enrolled);
        slotIdsByKey.remember(idempotencyKey, what, slotId);
        return new Outcome(enrolled, true);
    }

    /** Gives a held place back; releasing it again answers with the released place. */
    public synchronized Outcome release(String slotId, TvetRequest request, @Nullable String idempotencyKey) {
        Reservation place = place(slotId, request);
        String what = "release " + slotId;
        if (slotIdsByKey.earlier(idempotencyKey, what).isPresent() || Reservation.RELEASED.equals(place.status())) {
            return new Outcome(place, false);
        }
        if (!Reservation.HELD.equals(place.status())) {
            throw new PlaceConflictException(place, "release");
        }
        Reservation released = place.ended(Reservation.RELEASED, request.reason(), now());
        bySlotId.put(slotId, released);
        slotIdsByKey.remember(idempotencyKey, what, slotId);
        return new Outcome(released, true);
    }

    /**
     * Ends an enrolment the hub withdraws, named by its enrolment id or, when the hub has none, by
     * the referral's latest enrolment on the programme.
     */
    public synchronized Outcome withdraw(TvetRequest request, @Nullable String idempotencyKey) {
        String referenceId = required(request.referenceId(), "reference_id");
        String programmeId = required(request.programmeId(), "programme_id");
        Reservation place = (StringUtils.hasText(request.enrolmentId())
                ? latest(candidate -> request.enrolmentId().equals(candidate.enrolmentId()))
                : latest(candidate -> candidate.enrolmentId() != null && candidate.referenceId().equals(referenceId)
                        && candidate.programmeId().equals(programmeId)))
                .orElseThrow(() -> new PlaceNotFoundException("enrolment.unknown", "No enrolment "
                        + Objects.toString(request.enrolmentId(), "of " + referenceId + " on " + programmeId) + "."));
        String what = "withdraw " + place.slotId();
        if (slotIdsByKey.earlier(idempotencyKey, what).isPresent() || Reservation.WITHDRAWN.equals(place.status())) {
            return new Outcome(place, false);
        }
        if (!Reservation.ENROLLED.equals(place.status())) {
            throw new PlaceConflictException(place, "withdraw");
        }
        Reservation withdrawn = place.ended(Reservation.WITHDRAWN, request.reason(), now());
        bySlotId.put(place.slotId(), withdrawn);
        slotIdsByKey.remember(idempotencyKey, what, place.slotId());
        return new Outcome(withdrawn, true);
    }

    /**
     * The enrolment a provider's event is about: the referral's latest place, which must be an
     * enrolment in progress.
     */
    public synchronized Reservation enrolmentInProgress(String referenceId) {
        Reservation place = latest(candidate -> candidate.referenceId().equals(referenceId))
                .orElseThrow(() -> new PlaceNotFoundException("enrolment.unknown",
                        "The provider has no place for referral " + referenceId + "."));
        if (!Reservation.ENROLLED.equals(place.status())) {
            throw new PlaceConflictException(place, "report on");
        }
        return place;
    }

    /** Records the end the provider reported (completed, dropped out); an enrolment already ended stays as it is. */
    public synchronized Reservation finish(String slotId, String status, @Nullable String reason) {
        Reservation place = bySlotId.get(slotId);
        if (!Reservation.ENROLLED.equals(place.status())) {
            return place;
        }
        Reservation ended = place.ended(status, reason, now());
        bySlotId.put(slotId, ended);
        return ended;
    }

    public synchronized Optional<Reservation> find(String slotId) {
        return Optional.ofNullable(bySlotId.get(slotId));
    }

    /** Places oldest first, optionally only those of one referral. */
    public synchronized List<Reservation> all(@Nullable String referenceId) {
        return bySlotId.values().stream()
                .filter(place -> referenceId == null || place.referenceId().equals(referenceId))
                .toList();
    }

    public synchronized int seatsLeft(TrainingProgramme programme) {
        return (int) Math.max(0, programme.capacity() - seatsTaken(programme.programmeId()));
    }

    private long seatsTaken(String programmeId) {
        return bySlotId.values().stream()
                .filter(place -> place.programmeId().equals(programmeId) && place.takesASeat())
                .count();
    }

    private Reservation place(String slotId, TvetRequest request) {
        Reservation place = bySlotId.get(slotId);
        if (place == null) {
            throw new PlaceNotFoundException("reservation.unknown", "No place " + slotId + " is held.");
        }
        if (request.referenceId() != null && !request.referenceId().equals(place.referenceId())) {
            throw new InvalidRequestException("request.invalid", "Place " + slotId + " is held for another referral.");
        }
        return place;
    }

    private Optional<Reservation> latest(Predicate<Reservation> filter) {
        return bySlotId.values().stream().filter(filter).max(Comparator.comparing(Reservation::slotId));
    }

    /** Today by the provider's clock, e.g. the completion date of a training reported without one. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String required(@Nullable String value, String field) {
        if (!StringUtils.hasText(value)) {
            throw new InvalidRequestException("request.invalid", field + " is required.");
        }
        return value.strip();
    }

    private static String isoDate(@Nullable String value, String field) {
        try {
            return LocalDate.parse(required(value, field)).toString();
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("request.invalid", field + " must be an ISO date (yyyy-MM-dd).");
        }
    }
}
