package org.esphub.workers.handoff;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/**
 * Back-off between attempts of an external task, read from the task's {@code retryBackoff}
 * extension property (ISO-8601 durations, comma-separated), so process owners tune it in the
 * model. One attempt is made, then one more after each listed delay; when the last one fails the
 * engine raises an incident that Cockpit shows.
 */
public final class RetrySchedule {

    /** Extension property on the service task that holds the schedule. */
    public static final String PROPERTY = "retryBackoff";

    private final List<Duration> delays;

    private RetrySchedule(List<Duration> delays) {
        this.delays = List.copyOf(delays);
    }

    public static RetrySchedule parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty retry schedule");
        }
        List<Duration> delays;
        try {
            delays = Arrays.stream(text.split(",")).map(String::trim).map(Duration::parse).toList();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("retry schedule '" + text + "' is not a list of ISO-8601 durations", e);
        }
        if (delays.isEmpty()) {
            // "," splits into nothing; a schedule without delays would fail on its first retry
            throw new IllegalArgumentException("retry schedule '" + text + "' lists no delay");
        }
        return new RetrySchedule(delays);
    }

    /** Attempts in all: the first plus one after each delay. */
    public int attempts() {
        return delays.size() + 1;
    }

    /**
     * What to tell the engine after a failed attempt.
     *
     * @param retriesLeft the task's retries as the engine reports them; {@code null} on the first failure
     */
    public Decision afterFailure(Integer retriesLeft) {
        int current = retriesLeft == null ? attempts() : retriesLeft;
        int next = Math.max(current - 1, 0);
        // retries above the schedule's (set by an operator, or left from a longer schedule) start at the first delay
        int step = Math.max(0, Math.min(attempts() - current, delays.size() - 1));
        Duration delay = next == 0 ? Duration.ZERO : delays.get(step);
        return new Decision(next, delay);
    }

    /** Retries the engine should record, and how long until the next attempt (0 retries: incident). */
    public record Decision(int retries, Duration delay) {
    }
}
