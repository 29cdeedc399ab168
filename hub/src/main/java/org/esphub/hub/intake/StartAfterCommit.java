package org.esphub.hub.intake;

import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Hands the items an intake transaction accepted to {@link ReferralStarter} once that transaction
 * committed, on a few threads of their own, so the ACK never waits for a process start. The
 * hand-off is only the fast path: an item it cannot take (queue full, node stopping or killed) is
 * still in the inbox, and {@link ReferralStartSweeper} starts it.
 */
@Component
public class StartAfterCommit {

    private static final Logger LOG = LoggerFactory.getLogger(StartAfterCommit.class);

    private final ReferralStarter starter;
    private final ThreadPoolExecutor executor;

    public StartAfterCommit(ReferralStarter starter, ReferralStartProperties properties) {
        this.starter = starter;
        AtomicInteger count = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(properties.threads(), properties.threads(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(properties.queueCapacity()), runnable -> {
                    Thread thread = new Thread(runnable, "referral-start-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    /**
     * Starts the items once the caller's transaction commits; nothing if it rolls back.
     *
     * @throws IllegalStateException outside a transaction: the items would start before they are durable
     */
    void afterCommit(List<String> referenceIds) {
        if (referenceIds.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("referral starts are handed off only by a transaction that accepted them");
        }
        List<String> items = List.copyOf(referenceIds);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                items.forEach(StartAfterCommit.this::handOff);
            }
        });
    }

    private void handOff(String referenceId) {
        try {
            executor.execute(() -> start(referenceId));
        } catch (RejectedExecutionException full) {
            LOG.debug("referral {}: every start thread is busy; the sweeper starts it", referenceId);
        }
    }

    private void start(String referenceId) {
        try {
            starter.start(referenceId);
        } catch (RuntimeException e) {
            // the starter records failed starts itself; this is e.g. the database gone while reading the item
            LOG.warn("referral {}: not started now ({}); the sweeper starts it", referenceId, e.getMessage());
        }
    }

    /**
     * Stops with the node: items still queued stay in the inbox for the sweeper (here after a
     * restart, or on another node), starts under way get a moment to commit.
     */
    @PreDestroy
    void stop() throws InterruptedException {
        executor.getQueue().clear();
        executor.shutdown();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }
}
