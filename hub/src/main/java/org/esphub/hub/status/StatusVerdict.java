package org.esphub.hub.status;

import java.time.Instant;
import java.util.List;

/**
 * The hub's answer to "is this person employed?", with how sure it is and why.
 *
 * @param employmentStatus     the annex's enum: EMPLOYED, UNEMPLOYED, INACTIVE or UNKNOWN
 * @param confidence           0..1, two decimals
 * @param manualReviewRequired below the configured threshold, or no status could be given
 * @param sources              how each configured source counted, in configuration order
 */
public record StatusVerdict(
        String employmentStatus,
        double confidence,
        boolean manualReviewRequired,
        List<Weighing> sources) {

    /**
     * @param answered  false when the source could not be asked and nothing was known from it before
     * @param freshness 1 fresh, 0.5 ageing, 0 stale (see {@link ConfidenceRule})
     */
    public record Weighing(StatusSource source, boolean answered, String finding, Instant asOf, double weight,
            double freshness) {
    }
}
