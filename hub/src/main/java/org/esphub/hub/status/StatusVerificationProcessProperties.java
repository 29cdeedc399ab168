package org.esphub.hub.status;

import java.time.Duration;
import java.util.Map;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the process employment-status-verification, under {@code esp.status-verification}: its
 * three sources weighed by the same {@link ConfidenceRule} as {@code GET /status}, with the standard's
 * weights and freshness decay (BR.EMPL.02.02, BR.EMPL.02.03) as defaults in application.yaml.
 *
 * @param manualReviewBelow    a verdict below this confidence goes to the SA caseworkers for review
 * @param sourceWaitLimit      how long the process waits for one source before weighing without it
 * @param reverificationEvery  how often the hub re-verifies every person in an active referral or
 *                             benefit adjustment; zero or negative turns the schedule off
 * @param sources              weight and ageing per source, keyed by {@link StatusSource}
 */
@Validated
@ConfigurationProperties("esp.status-verification")
public record StatusVerificationProcessProperties(
        @DecimalMin("0.0") @DecimalMax("1.0") double manualReviewBelow,
        @NotNull Duration sourceWaitLimit,
        @NotNull Duration reverificationEvery,
        @NotEmpty Map<StatusSource, StatusVerificationProperties.@Valid Source> sources) {
}
