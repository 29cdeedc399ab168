package org.esphub.hub.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Weighs the sources' findings into a verdict (PRS.EMPL.02).
 *
 * <p>Each source votes "employed" or "not employed" with its configured weight times the
 * freshness of its data: 1 within {@code fresh-within}, 0.5 until {@code stale-after}, 0 after.
 * A source that does not know the person, or could not be asked, votes for nothing. The side with
 * more support wins; confidence is the winning margin over the total configured weight, so a
 * missing, stale or contradicting source lowers it. With the default weights (tax / social
 * insurance 0.75, PES 0.25) fresh insured-employment data alone just reaches the 0.75 threshold,
 * a contradiction from PES pulls it below, and PES alone never does.
 *
 * <p>A source with {@code decay-per-week} ages as the standard's formula has it instead (BR.EMPL.02.03):
 * {@code max(0.5, 1 - decayPerWeek x age in weeks)}, nothing after {@code stale-after}. The process
 * employment-status-verification weighs its three sources with its own weights this way
 * ({@code esp.status-verification}); {@code GET /status} keeps its two sources and steps ({@code esp.status}).
 *
 * <p>"Not employed" is reported as UNEMPLOYED when PES has the person as a registered jobseeker,
 * INACTIVE when PES answered that it does not know the person, and UNKNOWN when PES could not
 * be asked; UNKNOWN always needs a manual review.
 */
public class ConfidenceRule {

    private final double manualReviewBelow;
    private final Map<StatusSource, StatusVerificationProperties.Source> sources;

    public ConfidenceRule(StatusVerificationProperties properties) {
        this(properties.manualReviewBelow(), properties.sources());
    }

    /**
     * @param manualReviewBelow a verdict below this confidence needs a caseworker's review
     * @param sources           weight and ageing per source, in the order the verdict lists them
     */
    public ConfidenceRule(double manualReviewBelow, Map<StatusSource, StatusVerificationProperties.Source> sources) {
        this.manualReviewBelow = manualReviewBelow;
        this.sources = sources;
    }

    public StatusVerdict decide(Map<StatusSource, SourceObservation> observations, Instant now) {
        double employed = 0;
        double notEmployed = 0;
        double total = 0;
        List<StatusVerdict.Weighing> weighings = new ArrayList<>();
        for (Map.Entry<StatusSource, StatusVerificationProperties.Source> configured : sources.entrySet()) {
            StatusSource source = configured.getKey();
            StatusVerificationProperties.Source settings = configured.getValue();
            total += settings.weight();
            SourceObservation observation = observations.get(source);
            if (observation == null) {
                weighings.add(new StatusVerdict.Weighing(source, false, null, null, settings.weight(), 0));
                continue;
            }
            double freshness = freshness(observation.asOf(), now, settings);
            weighings.add(new StatusVerdict.Weighing(source, true, observation.finding(), observation.asOf(),
                    settings.weight(), freshness));
            Boolean vote = observation.employed();
            if (Boolean.TRUE.equals(vote)) {
                employed += settings.weight() * freshness;
            } else if (Boolean.FALSE.equals(vote)) {
                notEmployed += settings.weight() * freshness;
            }
        }
        if (employed == notEmployed || total == 0) {
            return new StatusVerdict("UNKNOWN", 0, true, weighings);
        }
        double confidence = Math.round(Math.abs(employed - notEmployed) / total * 100) / 100.0;
        String status = employed > notEmployed ? "EMPLOYED" : notEmployedStatus(observations.get(StatusSource.PES));
        boolean review = confidence < manualReviewBelow || "UNKNOWN".equals(status);
        return new StatusVerdict(status, confidence, review, weighings);
    }

    static double freshness(Instant asOf, Instant now, StatusVerificationProperties.Source settings) {
        Duration age = Duration.between(asOf, now);
        if (settings.decayPerWeek() != null) {
            if (age.compareTo(settings.staleAfter()) > 0) {
                return 0.0;
            }
            double weeks = Math.max(0, age.toMinutes()) / (7.0 * 24 * 60);
            return Math.max(0.5, 1 - settings.decayPerWeek() * weeks);
        }
        if (age.compareTo(settings.freshWithin()) <= 0) {
            return 1.0;
        }
        return age.compareTo(settings.staleAfter()) <= 0 ? 0.5 : 0.0;
    }

    private static String notEmployedStatus(SourceObservation pes) {
        if (pes == null) {
            return "UNKNOWN";
        }
        return SourceObservation.REGISTERED_JOBSEEKER.equals(pes.finding()) ? "UNEMPLOYED" : "INACTIVE";
    }
}
