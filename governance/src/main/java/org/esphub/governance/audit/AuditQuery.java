package org.esphub.governance.audit;

import java.time.Instant;

/**
 * What an auditor asks the log for; every filter is optional. Records come oldest first, at most
 * {@code limit} of them after the record {@code afterSequence} (a cursor, for paging).
 *
 * @param agency the party that received the data
 * @param from inclusive
 * @param to exclusive
 */
public record AuditQuery(String personId, String agency, String purpose, String correlationId, Instant from,
        Instant to, long afterSequence, int limit) {

    public static final int MAX_LIMIT = 1000;

    public AuditQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
        }
        if (afterSequence < 0) {
            throw new IllegalArgumentException("after must not be negative");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
    }
}
