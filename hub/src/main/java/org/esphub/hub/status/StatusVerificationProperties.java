package org.esphub.hub.status;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.validation.annotation.Validated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * Settings of employment-status verification (PRS.EMPL.02), under {@code esp.status}.
 *
 * @param manualReviewBelow a verdict whose confidence is below this needs a caseworker's review
 * @param projectionMaxAge  a projection refreshed longer ago than this is re-read from the sources
 * @param liveTimeoutMs     how long one live source query may take before it counts as unavailable
 * @param sources           weight and freshness rule per source, keyed by {@link StatusSource}
 */
@Validated
@ConfigurationProperties("esp.status")
public record StatusVerificationProperties(
        @DecimalMin("0.0") @DecimalMax("1.0") double manualReviewBelow,
        @NotNull Duration projectionMaxAge,
        int liveTimeoutMs,
        @NotEmpty Map<StatusSource, @Valid Source> sources) {

    /**
     * @param weight       share of the verdict this source carries; weights of all sources add up to 1
     * @param freshWithin  data at most this old counts fully (without {@code decayPerWeek})
     * @param staleAfter   data older than this counts for nothing; in between it counts half, or decays
     * @param decayPerWeek when set, the standard's freshness decay instead of the two steps: data counts
     *                     {@code max(0.5, 1 - decayPerWeek x age in weeks)} until {@code staleAfter}
     */
    public record Source(
            @DecimalMin("0.0") @DecimalMax("1.0") double weight,
            Duration freshWithin,
            @NotNull Duration staleAfter,
            @DecimalMin("0.0") @DecimalMax("1.0") Double decayPerWeek) {

        /** The one configuration binds (a record with a second constructor must say which). */
        @ConstructorBinding
        public Source {
        }

        public Source(double weight, Duration freshWithin, Duration staleAfter) {
            this(weight, freshWithin, staleAfter, null);
        }
    }

    public Source source(StatusSource source) {
        Source settings = sources.get(source);
        if (settings == null) {
            throw new IllegalStateException("esp.status.sources." + source + " is not configured");
        }
        return settings;
    }
}
