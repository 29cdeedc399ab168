package org.esphub.hub.intake;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Starts the accepted referral items nobody started: their node died before or during the start,
 * its hand-off queue was full, or an earlier start failed and its next attempt is due. Every node
 * sweeps the same inbox; {@link ReferralStarter} makes sure each item starts once.
 */
@Component
public class ReferralStartSweeper {

    private static final Logger LOG = LoggerFactory.getLogger(ReferralStartSweeper.class);

    private final ReferralStartInbox inbox;
    private final ReferralStarter starter;
    private final ReferralStartMetrics metrics;
    private final ReferralStartProperties properties;
    private final Clock clock;

    public ReferralStartSweeper(ReferralStartInbox inbox, ReferralStarter starter, ReferralStartMetrics metrics,
            ReferralStartProperties properties, Clock clock) {
        this.inbox = inbox;
        this.starter = starter;
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${esp.referrals.start.sweep-interval}")
    public void sweep() {
        try {
            sweepDue();
        } catch (DataAccessException e) {
            // e.g. the database is restarting; the items are still there at the next sweep
            LOG.warn("Referral start sweep skipped: {}", e.getMessage());
        }
    }

    /** @return how many items this sweep started */
    public int sweepDue() {
        List<String> due = inbox.due(clock.instant(), properties.batchSize());
        int started = 0;
        for (String referenceId : due) {
            if (starter.start(referenceId) == ReferralStarter.Outcome.STARTED) {
                started++;
            }
        }
        metrics.counted(inbox.waitingCount(), inbox.parkedCount());
        return started;
    }
}
