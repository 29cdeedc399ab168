package org.esphub.simulators.sa;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.esphub.simulators.IdempotencyKeys;
import org.esphub.simulators.InvalidRequestException;
import org.esphub.simulators.UnprocessableRequestException;
import org.esphub.simulators.population.SyntheticPopulation;
import org.springframework.lang.Nullable;
import org.springframework.util.StringUtils;

/**
 * SA's training-benefit requests and decisions. A request repeats an earlier one when it carries
 * the same {@code Idempotency-Key} or, without one, names the same referral, programme and start.
 * All methods are synchronized: one lock keeps the sequence and the cases consistent.
 */
public class TrainingBenefitCases {

    /** The benefits SA grants for a training (the hub's form offers the same). */
    public static final Set<String> BENEFITS = Set.of("TRAINING_ALLOWANCE", "TRANSPORTATION", "CHILDCARE", "MATERIALS");

    private final SyntheticPopulation population;
    private final Clock clock;
    private final Map<String, TrainingBenefitCase> byId = new LinkedHashMap<>();
    private final IdempotencyKeys<String> idsByKey = new IdempotencyKeys<>();
    private int lastSequence;

    public TrainingBenefitCases(SyntheticPopulation population, Clock clock) {
        this.population = population;
        this.clock = clock;
    }

    /** The outcome of a request; {@code created} is false when it repeated an earlier one. */
    public record Outcome(TrainingBenefitCase benefitCase, boolean created) {
    }

    /**
     * @throws org.esphub.simulators.population.UnknownPersonException (404) for a person SA does not know
     */
    public synchronized Outcome submit(TrainingBenefitRequest request, @Nullable String idempotencyKey,
                                       @Nullable String correlationId) {
        String referenceId = required(request.referenceId(), "reference_id");
        String personId = required(request.personId(), "person_id");
        String programmeId = required(request.programmeId(), "programme_id");
        population.get(personId);
        List<String> benefits = request.requestedBenefits() == null ? List.of() : List.copyOf(request.requestedBenefits());
        if (!BENEFITS.containsAll(benefits)) {
            throw new UnprocessableRequestException("request.invalid", "requested_benefits may only hold " + BENEFITS + ".");
        }
        String what = "training benefit " + referenceId + " " + programmeId + " " + request.startDate();
        Optional<TrainingBenefitCase> earlier = idsByKey.earlier(idempotencyKey, what).map(byId::get)
                .or(() -> byId.values().stream().filter(existing -> existing.referenceId().equals(referenceId)
                        && existing.programmeId().equals(programmeId)
                        && Objects.equals(existing.startDate(), request.startDate())).findFirst());
        if (earlier.isPresent()) {
            return new Outcome(earlier.get(), false);
        }
        TrainingBenefitCase benefitCase = new TrainingBenefitCase(String.format(Locale.ROOT, "TBR-%06d", ++lastSequence),
                referenceId, personId, programmeId, request.programmeName(), request.providerId(), request.startDate(),
                request.durationWeeks(), benefits, request.decideBy(), TrainingBenefitCase.PENDING, null, now(), null,
                correlationId);
        byId.put(benefitCase.requestId(), benefitCase);
        idsByKey.remember(idempotencyKey, what, benefitCase.requestId());
        return new Outcome(benefitCase, true);
    }

    /**
     * Decides a pending request; the same decision again leaves it as it is.
     *
     * @throws UnknownRequestException  for an unknown request id
     * @throws AlreadyDecidedException for the opposite decision on a decided request
     */
    public synchronized TrainingBenefitCase decide(String requestId, boolean approved, @Nullable String reason) {
        TrainingBenefitCase benefitCase = find(requestId).orElseThrow(() -> new UnknownRequestException(requestId));
        if (benefitCase.isDecided()) {
            if (TrainingBenefitCase.APPROVED.equals(benefitCase.status()) == approved) {
                return benefitCase;
            }
            throw new AlreadyDecidedException(benefitCase);
        }
        TrainingBenefitCase decided = benefitCase.decided(approved, reason, now());
        byId.put(requestId, decided);
        return decided;
    }

    public synchronized Optional<TrainingBenefitCase> find(String requestId) {
        return Optional.ofNullable(byId.get(requestId));
    }

    /** Requests oldest first, optionally only those of one referral or person. */
    public synchronized List<TrainingBenefitCase> all(@Nullable String referenceId, @Nullable String personId) {
        return byId.values().stream()
                .filter(benefitCase -> referenceId == null || benefitCase.referenceId().equals(referenceId))
                .filter(benefitCase -> personId == null || benefitCase.personId().equals(personId))
                .toList();
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
}
