package org.esphub.hub.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a delivery is tried: step {@code n} of the schedule is the delay before attempt
 * {@code n + 1}. The companion document's schedule is immediate, 1 min, 5 min, 15 min, 1 h,
 * 6 h, 24 h; after as many failed attempts as it has steps the delivery is given up.
 */
public final class RetrySchedule {

    private final List<Duration> delays;

    public RetrySchedule(List<Duration> delays) {
        if (delays == null || delays.isEmpty() || delays.stream().anyMatch(d -> d.isNegative())) {
            throw new IllegalArgumentException("esp.webhooks.retry-schedule needs at least one delay, none negative");
        }
        this.delays = List.copyOf(delays);
    }

    /** When a new event is first tried. */
    public Instant firstAttempt(Instant occurredAt) {
        return occurredAt.plus(delays.get(0));
    }

    /**
     * @param failedAttempts attempts made so far, all failed (at least 1)
     * @return when to try again, or empty if the delivery has had all its attempts
     */
    public Optional<Instant> nextAttempt(int failedAttempts, Instant now) {
        if (failedAttempts >= delays.size()) {
            return Optional.empty();
        }
        return Optional.of(now.plus(delays.get(failedAttempts)));
    }

    public int maxAttempts() {
        return delays.size();
    }
}
