package org.esphub.hub.intake;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code esp.referrals.start}: how accepted referral items get their process (ADR 0029; defaults
 * in application.yaml).
 *
 * @param threads threads that start items right after their ACK committed
 * @param queueCapacity items waiting for one of those threads at most; beyond it an item is left
 *        to the sweeper (the ACK never waits for a start)
 * @param sweepInterval pause between two sweeps for items nobody started
 * @param leftBehindAfter how long after its ACK an item counts as left behind (its node died, its
 *        queue was full) and any node's sweeper takes it
 * @param batchSize items one sweep takes at most
 * @param retryDelays delay before each new attempt after a failed start; once every delay is used,
 *        the next failure parks the item for an operator
 */
@ConfigurationProperties("esp.referrals.start")
public record ReferralStartProperties(int threads, int queueCapacity, Duration sweepInterval,
        Duration leftBehindAfter, int batchSize, List<Duration> retryDelays) {

    /** Attempts an item gets before it is parked: the first and one after each delay. */
    public int maxAttempts() {
        return retryDelays.size() + 1;
    }
}
