package org.esphub.governance.audit;

import java.util.concurrent.CompletableFuture;

/** The append-only, hash-chained audit log. */
public interface AuditLog {

    /** Queues the record; the future completes once it is committed, with its place in the chain. */
    CompletableFuture<AuditEntry> append(AuditEvent event);

    /**
     * Appends and returns once the record is committed, so whatever it records may now be
     * reported done.
     *
     * @throws AuditUnavailable if it could not be committed in time
     */
    AuditEntry record(AuditEvent event);
}
