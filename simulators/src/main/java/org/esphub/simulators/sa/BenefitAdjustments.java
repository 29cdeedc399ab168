package org.esphub.simulators.sa;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.esphub.simulators.IdempotencyKeys;
import org.esphub.simulators.InvalidRequestException;
import org.esphub.simulators.UnprocessableRequestException;
import org.esphub.simulators.population.SyntheticPopulation;
import org.springframework.lang.Nullable;
import org.springframework.util.StringUtils;

/**
 * The benefit adjustments SA applied on the hub's instructions. An instruction repeats an earlier
 * one when it carries the same {@code Idempotency-Key} or, without one, says word for word what an
 * earlier one for the same referral said. All methods are synchronized.
 */
public class BenefitAdjustments {

    /** The decisions of the hub's DMN {@code benefit-adjustment}. */
    public static final Set<String> DECISIONS = Set.of("CONTINUE", "REDUCE", "SUSPEND", "GRADUATE");
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final SyntheticPopulation population;
    private final Clock clock;
    private final List<AppliedAdjustment> applied = new ArrayList<>();
    private final Map<String, AppliedAdjustment> byInstruction = new HashMap<>();
    private final IdempotencyKeys<AppliedAdjustment> byKey = new IdempotencyKeys<>();

    public BenefitAdjustments(SyntheticPopulation population, Clock clock) {
        this.population = population;
        this.clock = clock;
    }

    /** The outcome of an instruction; {@code created} is false when it repeated an earlier one. */
    public record Outcome(AppliedAdjustment adjustment, boolean created) {
    }

    /**
     * @throws org.esphub.simulators.population.UnknownPersonException (404) for a person SA does not know
     * @throws UnprocessableRequestException (422 {@code adjustment.invalid}) for a decision SA cannot apply
     */
    public synchronized Outcome apply(BenefitAdjustmentInstruction instruction, @Nullable String idempotencyKey,
                                      @Nullable String correlationId) {
        String referenceId = required(instruction.referenceId(), "reference_id");
        String personId = required(instruction.personId(), "person_id");
        String decision = required(instruction.adjustmentDecision(), "adjustment_decision");
        population.get(personId);
        validate(instruction, decision);
        String what = String.join(" ", "adjust", referenceId, decision, String.valueOf(instruction.adjustedBenefitPercent()),
                String.valueOf(instruction.taperingSchedule()), String.valueOf(instruction.appealOutcome()));
        Optional<AppliedAdjustment> earlier = byKey.earlier(idempotencyKey, what)
                .or(() -> Optional.ofNullable(byInstruction.get(what)));
        if (earlier.isPresent()) {
            return new Outcome(earlier.get(), false);
        }
        AppliedAdjustment adjustment = new AppliedAdjustment(String.format(Locale.ROOT, "ADJ-%06d", applied.size() + 1),
                referenceId, personId, decision, instruction.adjustedBenefitPercent(), instruction.taperingSchedule(),
                instruction.currentMonthlyBenefit(), newMonthlyBenefit(instruction), instruction.adjustmentRuleId(),
                instruction.appealOutcome(), AppliedAdjustment.APPLIED, clock.instant().truncatedTo(ChronoUnit.MILLIS),
                correlationId);
        applied.add(adjustment);
        byInstruction.put(what, adjustment);
        byKey.remember(idempotencyKey, what, adjustment);
        return new Outcome(adjustment, true);
    }

    /** Applied adjustments oldest first, optionally only those of one referral or person. */
    public synchronized List<AppliedAdjustment> all(@Nullable String referenceId, @Nullable String personId) {
        return applied.stream()
                .filter(adjustment -> referenceId == null || adjustment.referenceId().equals(referenceId))
                .filter(adjustment -> personId == null || adjustment.personId().equals(personId))
                .toList();
    }

    private static void validate(BenefitAdjustmentInstruction instruction, String decision) {
        if (!DECISIONS.contains(decision)) {
            throw invalid("adjustment_decision must be one of " + DECISIONS + ".");
        }
        BigDecimal percent = instruction.adjustedBenefitPercent();
        if (percent != null && (percent.signum() < 0 || percent.compareTo(HUNDRED) > 0)) {
            throw invalid("adjusted_benefit_percent must be between 0 and 100.");
        }
        String schedule = instruction.taperingSchedule();
        if (schedule != null && !schedule.isBlank() && !schedule.matches("(100|\\d{1,2})(\\s*,\\s*(100|\\d{1,2}))*")) {
            throw invalid("tapering_schedule must list whole percentages 0 to 100, comma-separated, e.g. 75,50,25,0.");
        }
    }

    private static BigDecimal newMonthlyBenefit(BenefitAdjustmentInstruction instruction) {
        if (instruction.currentMonthlyBenefit() == null || instruction.adjustedBenefitPercent() == null) {
            return null;
        }
        return instruction.currentMonthlyBenefit().multiply(instruction.adjustedBenefitPercent())
                .divide(HUNDRED, 2, RoundingMode.HALF_UP);
    }

    private static UnprocessableRequestException invalid(String message) {
        return new UnprocessableRequestException("adjustment.invalid", message);
    }

    private static String required(@Nullable String value, String field) {
        if (!StringUtils.hasText(value)) {
            throw new InvalidRequestException("request.invalid", field + " is required.");
        }
        return value.strip();
    }
}
