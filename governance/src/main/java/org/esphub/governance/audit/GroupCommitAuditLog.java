package org.esphub.governance.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One writer thread that commits queued records in batches (group commit): every caller waits for
 * the commit that includes its record, but many callers share one commit, so the audit log costs
 * each exchange about one commit's latency and does not serialise the hub behind it. The chain
 * order is the commit order.
 */
public class GroupCommitAuditLog implements AuditLog, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitAuditLog.class);

    private final AuditStore store;
    private final Timer commits;
    private final DistributionSummary batchSizes;
    private final int batchSize;
    private final Duration durableTimeout;
    private final BlockingQueue<Pending> queue;
    private final Thread writer;
    private volatile boolean accepting = true;

    private record Pending(AuditEvent event, CompletableFuture<AuditEntry> committed) {
    }

    /**
     * @param batchSize the most records one commit takes
     * @param queueCapacity records waiting at most; when full, callers wait (back-pressure) up to the timeout
     * @param durableTimeout how long {@link #record} waits for the commit
     * @param metrics where the commit time ({@code esp.audit.commit}) and the records per commit
     *     ({@code esp.audit.batch.size}) are published
     */
    public GroupCommitAuditLog(AuditStore store, int batchSize, int queueCapacity, Duration durableTimeout,
            MeterRegistry metrics) {
        this.store = store;
        this.commits = Timer.builder("esp.audit.commit").description("one group commit of audit records")
                .publishPercentiles(0.5, 0.99).register(metrics);
        this.batchSizes = DistributionSummary.builder("esp.audit.batch.size")
                .description("audit records per group commit").register(metrics);
        this.batchSize = batchSize;
        this.durableTimeout = durableTimeout;
        this.queue = new LinkedBlockingQueue<>(queueCapacity);
        this.writer = new Thread(this::writeUntilClosed, "esp-audit-writer");
        this.writer.start();
    }

    @Override
    public CompletableFuture<AuditEntry> append(AuditEvent event) {
        CompletableFuture<AuditEntry> committed = new CompletableFuture<>();
        if (!accepting) {
            committed.completeExceptionally(new AuditUnavailable("the audit log is shut down", null));
            return committed;
        }
        try {
            if (!queue.offer(new Pending(event, committed), durableTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                committed.completeExceptionally(new AuditUnavailable("the audit queue stayed full for "
                        + durableTimeout, null));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            committed.completeExceptionally(new AuditUnavailable("interrupted while queueing an audit record", e));
        }
        return committed;
    }

    @Override
    public AuditEntry record(AuditEvent event) {
        try {
            return append(event).get(durableTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AuditUnavailable unavailable) {
                throw unavailable;
            }
            throw new AuditUnavailable("the audit record could not be committed: " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new AuditUnavailable("the audit record was not committed within " + durableTimeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditUnavailable("interrupted while waiting for the audit commit", e);
        }
    }

    /** Stops taking records, commits those already queued, then stops the writer. */
    @Override
    public void close() throws InterruptedException {
        accepting = false;
        writer.join(Math.max(1000, durableTimeout.toMillis() * 2));
        if (writer.isAlive()) {
            LOG.warn("The audit writer did not finish within its timeout; {} records were not committed", queue.size());
            writer.interrupt();
        }
    }

    private void writeUntilClosed() {
        List<Pending> batch = new ArrayList<>(batchSize);
        while (accepting || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, batchSize - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                batch.forEach(p -> p.committed().completeExceptionally(
                        new AuditUnavailable("the audit writer was stopped", e)));
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<Pending> batch) {
        try {
            batchSizes.record(batch.size());
            List<AuditEntry> entries = commits.record(() -> store.append(batch.stream().map(Pending::event).toList()));
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).committed().complete(entries.get(i));
            }
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                fail(batch.get(0), e);
                return;
            }
            // the batch rolled back as a whole; one bad record must not fail the exchanges of the
            // others, so each is committed on its own and only those the store refuses fail
            LOG.warn("Audit batch of {} records could not be committed ({}); committing them one by one",
                    batch.size(), e.getMessage());
            for (Pending pending : batch) {
                try {
                    pending.committed().complete(commits.record(() -> store.append(List.of(pending.event()))).get(0));
                } catch (RuntimeException single) {
                    fail(pending, single);
                }
            }
        }
    }

    /** Its caller fails and nothing it records happens. */
    private static void fail(Pending pending, RuntimeException e) {
        LOG.error("Audit record of {} ({}) could not be committed", pending.event().exchange(),
                pending.event().action(), e);
        pending.committed().completeExceptionally(
                new AuditUnavailable("the audit store refused the record: " + e.getMessage(), e));
    }
}
