package org.esphub.hub.webhooks;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox: every poll claims a batch of due deliveries, sends them in parallel and
 * records each outcome. Any number of hub instances may poll the same database; the claim
 * keeps them from sending a delivery twice at the same time. Delivery is at least once: a
 * subscriber deduplicates by {@code X-Webhook-Delivery}.
 */
@Component
public class WebhookDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final WebhookDeliveries deliveries;
    private final WebhookSender sender;
    private final RetrySchedule retrySchedule;
    private final WebhookProperties properties;
    private final Clock clock;

    public WebhookDispatcher(WebhookDeliveries deliveries, WebhookSender sender, RetrySchedule retrySchedule,
            WebhookProperties properties, Clock clock) {
        this.deliveries = deliveries;
        this.sender = sender;
        this.retrySchedule = retrySchedule;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${esp.webhooks.poll-interval}")
    public void poll() {
        try {
            dispatchDue();
        } catch (DataAccessException e) {
            // e.g. the database is restarting; the deliveries are still there at the next poll
            LOG.warn("Webhook dispatch skipped this poll: {}", e.getMessage());
        }
    }

    /** @return how many deliveries were attempted */
    int dispatchDue() {
        Instant now = clock.instant();
        List<ClaimedDelivery> due = deliveries.claimDue(now, properties.batchSize(), now.plus(properties.claimLease()));
        List<CompletableFuture<DeliveryOutcome>> sends = due.stream().map(sender::send).toList();
        for (int i = 0; i < due.size(); i++) {
            record(due.get(i), sends.get(i).join());
        }
        return due.size();
    }

    void record(ClaimedDelivery delivery, DeliveryOutcome outcome) {
        Instant at = clock.instant();
        int attempts = delivery.attempts() + 1;
        if (outcome.delivered()) {
            deliveries.markDelivered(delivery.id(), attempts, outcome, at);
            LOG.debug("Webhook delivery {} ({}) delivered", delivery.id(), delivery.eventType());
            return;
        }
        // a blocked target is not tried again: the URL leads where the hub does not send
        Optional<Instant> next = outcome.outcomeClass().retried() ? retrySchedule.nextAttempt(attempts, at)
                : Optional.empty();
        if (next.isPresent()) {
            deliveries.markRetry(delivery.id(), attempts, outcome, at, next.get());
            LOG.info("Webhook delivery {} ({}) attempt {} of {} failed ({}): {}; next attempt at {}", delivery.id(),
                    delivery.eventType(), attempts, retrySchedule.maxAttempts(), outcome.outcomeClass().label(),
                    outcome.error(), next.get());
        } else {
            deliveries.markFailed(delivery.id(), attempts, outcome, at);
            LOG.warn("Webhook delivery {} ({}) FAILED after {} attempts, last: {} ({})", delivery.id(),
                    delivery.eventType(), attempts, outcome.outcomeClass().label(), outcome.error());
        }
    }
}
