package org.esphub.hub.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code esp.login-throttle}: how many failed logins one client address may make. After
 * {@code max-failures} failures in a row its logins are refused with 429 until the allowance
 * refills, evenly over {@code window} (10 per 15 minutes: one more try every 90 seconds).
 *
 * @param maxTrackedAddresses addresses remembered at once; the least recently seen are forgotten
 *        first, so a flood of addresses costs bounded memory
 */
@ConfigurationProperties("esp.login-throttle")
public record LoginThrottleProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("10") int maxFailures,
        @DefaultValue("15m") Duration window,
        @DefaultValue("100000") long maxTrackedAddresses) {

    public LoginThrottleProperties {
        if (maxFailures < 1 || window.isNegative() || window.isZero() || maxTrackedAddresses < 1) {
            throw new IllegalArgumentException("esp.login-throttle: max-failures, window and max-tracked-addresses"
                    + " must be positive");
        }
    }
}
