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
 * <p>"Not employed" is reported as UNEMPLOYED when PES has the person as a registered jobseeker,
 * INACTIVE when PES answered that it does not know the person, and UNKNOWN when PES could not
 * be asked; UNKNOWN always needs a manual review.
 */
public class ConfidenceRule {

    private final StatusVerificationProperties properties;

    public ConfidenceRule(StatusVerificationProperties properties) {
        this.properties = properties;
    }

    public StatusVerdict decide(Map<StatusSource, SourceObservation> observations, Instant now) {
        double employed = 0;
        double notEmployed = 0;
        double total = 0;
        List<StatusVerdict.Weighing> weighings = new ArrayList<>();
        for (StatusSource source : properties.sources().keySet()) {
            StatusVerificationProperties.Source settings = properties.source(source);
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
        boolean review = confidence < properties.manualReviewBelow() || "UNKNOWN".equals(status);
        return new StatusVerdict(status, confidence, review, weighings);
    }

    static double freshness(Instant asOf, Instant now, StatusVerificationProperties.Source settings) {
        Duration age = Duration.between(asOf, now);
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
