package org.esphub.hub.intake;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code esp.events.early}: agency events that came before their process waits for them (ADR
 * 0035; defaults in application.yaml).
 *
 * @param holdFor how long an event is held for a process that is on its way to wait for it; a
 *        dead worker's step is taken over within its lock time, a dead node's within its restart,
 *        so this is the time to leave an operator before the event is parked
 * @param sweepInterval pause between two looks at the held events
 * @param firstRetry the first retry after an event is held; each next one waits twice as long
 * @param maxRetryDelay the longest wait between two retries of one event
 * @param batchSize held events one sweep retries at most
 */
@ConfigurationProperties("esp.events.early")
public record EarlyEventProperties(Duration holdFor, Duration sweepInterval, Duration firstRetry,
        Duration maxRetryDelay, int batchSize) {

    /** The wait before retry number {@code attempts + 1} of a held event. */
    public Duration retryDelay(int attempts) {
        Duration delay = firstRetry;
        for (int i = 0; i < attempts && delay.compareTo(maxRetryDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxRetryDelay) < 0 ? delay : maxRetryDelay;
    }
}
