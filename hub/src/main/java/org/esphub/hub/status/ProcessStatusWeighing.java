package org.esphub.hub.status;

import static org.esphub.processes.EmploymentStatusVerification.*;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.esphub.routes.EmploymentStatusWeighing;

/**
 * The step {@code hub.weigh-employment-status} of employment-status-verification: the findings the
 * process collected become {@link SourceObservation}s and the {@link ConfidenceRule} (configured for the
 * process's three sources) weighs them. A source that did not answer is left out, so it counts as not
 * answered and lowers the confidence.
 */
public class ProcessStatusWeighing implements EmploymentStatusWeighing {

    private final ConfidenceRule rule;
    private final Clock clock;

    public ProcessStatusWeighing(ConfidenceRule rule, Clock clock) {
        this.rule = rule;
        this.clock = clock;
    }

    @Override
    public Map<String, Object> weigh(Map<String, Object> findings) {
        Map<StatusSource, SourceObservation> observations = new EnumMap<>(StatusSource.class);
        add(observations, StatusSource.PES, findings.get(VAR_PES_FINDING), findings.get(VAR_PES_AS_OF));
        add(observations, StatusSource.TAX_SOCIAL_INSURANCE, findings.get(VAR_TAX_FINDING), findings.get(VAR_TAX_AS_OF));
        add(observations, StatusSource.EMPLOYER_DIRECT, findings.get(VAR_EMPLOYER_FINDING),
                findings.get(VAR_EMPLOYER_AS_OF));
        StatusVerdict verdict = rule.decide(observations, clock.instant());
        Map<String, Object> result = new HashMap<>();
        result.put(VAR_EMPLOYMENT_STATUS, verdict.employmentStatus());
        result.put(VAR_CONFIDENCE, verdict.confidence());
        result.put(VAR_MANUAL_REVIEW_REQUIRED, verdict.manualReviewRequired());
        result.put(VAR_FINDINGS_SUMMARY, summary(verdict));
        return result;
    }

    private static void add(Map<StatusSource, SourceObservation> observations, StatusSource source, Object finding,
            Object asOf) {
        if (finding == null) {
            return;
        }
        // a source that does not know the person votes for nothing, so its moment does not matter
        Instant when = asOf == null && FINDING_NOT_KNOWN.equals(finding) ? Instant.EPOCH : instant(source, asOf);
        observations.put(source, new SourceObservation(source, finding.toString(), when, null, null, null, null, null,
                null, null, null));
    }

    private static Instant instant(StatusSource source, Object asOf) {
        try {
            return Instant.parse(String.valueOf(asOf));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(source + ": as of '" + asOf + "' is not an ISO instant", e);
        }
    }

    /** One line per source, in the rule's order: what it found, as of when, and how much that counted. */
    static String summary(StatusVerdict verdict) {
        return verdict.sources().stream().map(weighing -> {
            String name = weighing.source().name().toLowerCase(Locale.ROOT).replace('_', ' ');
            if (!weighing.answered()) {
                return name + ": no answer (weight " + weighing.weight() + ")";
            }
            return name + ": " + weighing.finding() + " as of " + weighing.asOf() + " (weight " + weighing.weight()
                    + ", freshness " + Math.round(weighing.freshness() * 100) / 100.0 + ")";
        }).collect(Collectors.joining("; ", "", "."));
    }
}
