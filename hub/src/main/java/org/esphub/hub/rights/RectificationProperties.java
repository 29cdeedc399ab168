package org.esphub.hub.rights;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Deadlines of a rectification ({@code esp.lifecycle.rectification}).
 *
 * @param checkWithin how long the source agency has to check the field, from receipt (DG.EMPL.05: 30 days)
 * @param escalateBefore how long before the deadline an unchecked request becomes an urgent check
 */
@ConfigurationProperties(prefix = "esp.lifecycle.rectification")
public record RectificationProperties(
        @DefaultValue("P30D") Duration checkWithin,
        @DefaultValue("P5D") Duration escalateBefore) {

    public RectificationProperties {
        if (checkWithin.isNegative() || checkWithin.isZero()) {
            throw new IllegalArgumentException("esp.lifecycle.rectification.check-within must be positive");
        }
        if (escalateBefore.isNegative() || escalateBefore.compareTo(checkWithin) >= 0) {
            throw new IllegalArgumentException(
                    "esp.lifecycle.rectification.escalate-before must be at least 0 and less than check-within");
        }
    }
}
