package org.esphub.simulators.sa;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.esphub.simulators.IdempotencyKeys;
import org.esphub.simulators.InvalidRequestException;
import org.esphub.simulators.population.Person;
import org.esphub.simulators.population.SyntheticPopulation;
import org.springframework.lang.Nullable;

/**
 * SA's register of social assistance applications PES clients made on referral (the hub's
 * pes-client-sa-access), kept exactly as the hub sent them so a demo or test sees what SA received, and
 * the household figures SA's registry gives for pre-eligibility. All methods are synchronized.
 */
public class SocialAssistanceApplications {

    /** A figure the synthetic population has no field for: a stable household income per person. */
    private static final int INCOME_STEPS = 20;
    private static final int INCOME_STEP = 150;

    private final SyntheticPopulation population;
    private final Clock clock;
    private final List<RecordedApplication> recorded = new ArrayList<>();
    private final IdempotencyKeys<RecordedApplication> byKey = new IdempotencyKeys<>();
    private final Map<String, HouseholdFigures> figuresSet = new HashMap<>();

    public SocialAssistanceApplications(SyntheticPopulation population, Clock clock) {
        this.population = population;
        this.clock = clock;
    }

    /** An application as SA received it: the hub's JSON body, untouched. */
    public record RecordedApplication(JsonNode received, Instant receivedAt, @Nullable String correlationId) {
    }

    /** What the registry says of the person's household. */
    public record HouseholdFigures(int householdSize, String monthlyHouseholdIncome) {
    }

    /** The outcome of a post; {@code created} is false when it repeated an earlier one. */
    public record Outcome(RecordedApplication application, boolean created) {
    }

    /**
     * The person's household figures: those a demo set, else the population's household size and a
     * stable income derived from the person id.
     *
     * @throws org.esphub.simulators.population.UnknownPersonException (404) for a person SA does not know
     */
    public synchronized HouseholdFigures figuresOf(String personId) {
        Person person = population.get(personId);
        HouseholdFigures set = figuresSet.get(personId);
        if (set != null) {
            return set;
        }
        int income = Math.floorMod(personId.hashCode(), INCOME_STEPS) * INCOME_STEP;
        return new HouseholdFigures(Math.max(1, person.householdSize()), income + ".00");
    }

    /** A demo sets the figures SA's registry gives for a person it knows. */
    public synchronized HouseholdFigures setFigures(String personId, HouseholdFigures figures) {
        population.get(personId);
        if (figures.householdSize() < 1) {
            throw new InvalidRequestException("figures.invalid", "household_size must be at least 1.");
        }
        if (incomeOf(figures) == null || incomeOf(figures).signum() < 0) {
            throw new InvalidRequestException("figures.invalid",
                    "monthly_household_income must be a decimal, not negative, e.g. \"600.00\".");
        }
        figuresSet.put(personId, figures);
        return figures;
    }

    @Nullable
    private static BigDecimal incomeOf(HouseholdFigures figures) {
        if (figures.monthlyHouseholdIncome() == null) {
            return null;
        }
        try {
            return new BigDecimal(figures.monthlyHouseholdIncome().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Records an application; one with an Idempotency-Key seen before is the earlier one. */
    public synchronized Outcome record(JsonNode application, @Nullable String idempotencyKey,
            @Nullable String correlationId) {
        for (String field : new String[] {"reference_id", "person_id", "sa_decision"}) {
            if (!application.path(field).isTextual() || application.path(field).asText().isBlank()) {
                throw new InvalidRequestException("request.invalid", field + " is required.");
            }
        }
        String what = application.toString();
        Optional<RecordedApplication> earlier = byKey.earlier(idempotencyKey, what);
        if (earlier.isPresent()) {
            return new Outcome(earlier.get(), false);
        }
        RecordedApplication entry = new RecordedApplication(application, clock.instant().truncatedTo(ChronoUnit.MILLIS),
                correlationId);
        recorded.add(entry);
        byKey.remember(idempotencyKey, what, entry);
        return new Outcome(entry, true);
    }

    /** Applications oldest first, optionally only those of one referral. */
    public synchronized List<RecordedApplication> all(@Nullable String referenceId) {
        return recorded.stream()
                .filter(entry -> referenceId == null || entry.received().path("reference_id").asText().equals(referenceId))
                .toList();
    }
}
