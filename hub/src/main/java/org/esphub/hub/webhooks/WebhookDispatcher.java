package org.esphub.hub.webhooks;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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

    /**
     * Claims and sends batches until one comes back less than full: a backlog (a subscriber back
     * after an outage, a burst of referrals) drains at the rate the sends allow, not one batch
     * per poll interval.
     */
    @Scheduled(fixedDelayString = "${esp.webhooks.poll-interval}")
    public void poll() {
        try {
            while (dispatchDue() == properties.batchSize() && !Thread.currentThread().isInterrupted()) {
                // the next batch at once
            }
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
        record(due, sends.stream().map(CompletableFuture::join).toList());
        return due.size();
    }

    /**
     * Records a batch's outcomes: the deliveries that arrived, the common case, in one statement
     * batch; each failed one with its retry or its end.
     */
    void record(List<ClaimedDelivery> due, List<DeliveryOutcome> outcomes) {
        Instant at = clock.instant();
        List<WebhookDeliveries.Delivered> delivered = new ArrayList<>();
        for (int i = 0; i < due.size(); i++) {
            ClaimedDelivery delivery = due.get(i);
            DeliveryOutcome outcome = outcomes.get(i);
            if (outcome.delivered()) {
                delivered.add(new WebhookDeliveries.Delivered(delivery.id(), delivery.attempts() + 1, outcome));
                LOG.debug("Webhook delivery {} ({}) delivered", delivery.id(), delivery.eventType());
            } else {
                recordFailure(delivery, outcome, at);
            }
        }
        if (!delivered.isEmpty()) {
            deliveries.markDelivered(delivered, at);
        }
    }

    private void recordFailure(ClaimedDelivery delivery, DeliveryOutcome outcome, Instant at) {
        int attempts = delivery.attempts() + 1;
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
