package org.esphub.governance.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tables {@code esp_audit_event} (the records) and {@code esp_audit_chain} (one row: the head and
 * the anchor). Appends lock the chain row, so hub instances sharing a database extend one chain.
 * Records are only ever inserted here; the one delete is the retention purge of records past
 * their retention, which moves the anchor so the rest still verifies.
 */
public class AuditStore {

    static final String COLUMNS = "sequence, event_id, occurred_at, actor_id, action, resource_type, resource_id,"
            + " person_id, purpose, legal_basis, correlation_id, exchange_name, agreement, receiver, outcome, reason,"
            + " filters_applied, consent_id, payload_digest, previous_hash, hash";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    public AuditStore(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        // never part of a caller's transaction: a record is durable on its own, whatever the caller does next
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Chains and inserts the events in one transaction; returns them in chain order. */
    public List<AuditEntry> append(List<AuditEvent> events) {
        return ownTransaction.execute(status -> {
            ChainState chain = lockChain();
            long sequence = chain.headSequence();
            String previous = chain.headHash();
            List<AuditEntry> entries = new ArrayList<>(events.size());
            List<Object[]> rows = new ArrayList<>(events.size());
            for (AuditEvent event : events) {
                sequence++;
                String eventId = UUID.randomUUID().toString();
                String hash = AuditChain.hash(previous, sequence, eventId, event);
                AuditEntry entry = new AuditEntry(sequence, eventId, event, previous, hash);
                entries.add(entry);
                rows.add(row(entry));
                previous = hash;
            }
            jdbc.batchUpdate("INSERT INTO esp_audit_event (" + COLUMNS + ") VALUES"
                    + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
            jdbc.update("UPDATE esp_audit_chain SET head_sequence = ?, head_hash = ? WHERE id = 1", sequence, previous);
            return entries;
        });
    }

    public ChainState chainState() {
        return jdbc.queryForObject("SELECT head_sequence, head_hash, anchor_sequence, anchor_hash FROM esp_audit_chain"
                + " WHERE id = 1", AuditStore::chainState);
    }

    /** Up to {@code limit} records after {@code afterSequence}, up to and including {@code maxSequence}. */
    public List<AuditEntry> page(long afterSequence, long maxSequence, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM esp_audit_event WHERE sequence > ? AND sequence <= ?"
                + " ORDER BY sequence FETCH FIRST " + limit + " ROWS ONLY", ENTRY, afterSequence, maxSequence);
    }

    /**
     * Deletes the oldest records, up to the last one that occurred before {@code cutoff} with
     * nothing younger before it, and makes the last deleted one the anchor.
     *
     * @return how many records were deleted
     */
    public int purgeBefore(Instant cutoff) {
        Integer purged = ownTransaction.execute(status -> {
            ChainState chain = lockChain();
            Long firstKept = jdbc.queryForObject("SELECT MIN(sequence) FROM esp_audit_event WHERE occurred_at >= ?",
                    Long.class, utc(cutoff));
            long lastPurged = firstKept == null ? chain.headSequence() : firstKept - 1;
            if (lastPurged <= chain.anchorSequence()) {
                return 0;
            }
            String anchorHash = jdbc.queryForObject("SELECT hash FROM esp_audit_event WHERE sequence = ?",
                    String.class, lastPurged);
            int deleted = jdbc.update("DELETE FROM esp_audit_event WHERE sequence <= ?", lastPurged);
            jdbc.update("UPDATE esp_audit_chain SET anchor_sequence = ?, anchor_hash = ? WHERE id = 1", lastPurged,
                    anchorHash);
            return deleted;
        });
        return purged == null ? 0 : purged;
    }

    private ChainState lockChain() {
        return jdbc.queryForObject("SELECT head_sequence, head_hash, anchor_sequence, anchor_hash FROM esp_audit_chain"
                + " WHERE id = 1 FOR UPDATE", AuditStore::chainState);
    }

    private static ChainState chainState(ResultSet row, int n) throws SQLException {
        return new ChainState(row.getLong("head_sequence"), row.getString("head_hash"),
                row.getLong("anchor_sequence"), row.getString("anchor_hash"));
    }

    private static Object[] row(AuditEntry entry) {
        AuditEvent e = entry.event();
        return new Object[] {entry.sequence(), entry.eventId(), utc(e.occurredAt()), e.actorId(), e.action().name(),
            e.resourceType(), e.resourceId(), e.personId(), e.purpose(), e.legalBasis(), e.correlationId(),
            e.exchange(), e.agreement(), e.receiver(), e.outcome().name(), e.reason(), e.filtersApplied(),
            e.consentId(), e.payloadDigest(), entry.previousHash(), entry.hash()};
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** Reads a stored record back exactly as it was hashed. */
    static final RowMapper<AuditEntry> ENTRY = (row, n) -> {
        long sequence = row.getLong("sequence");
        try {
            return new AuditEntry(
                    sequence,
                    row.getString("event_id"),
                    new AuditEvent(
                            row.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                            row.getString("actor_id"),
                            AuditAction.valueOf(row.getString("action")),
                            row.getString("resource_type"),
                            row.getString("resource_id"),
                            row.getString("person_id"),
                            row.getString("purpose"),
                            row.getString("legal_basis"),
                            row.getString("correlation_id"),
                            row.getString("exchange_name"),
                            row.getString("agreement"),
                            row.getString("receiver"),
                            AuditOutcome.valueOf(row.getString("outcome")),
                            row.getString("reason"),
                            row.getString("filters_applied"),
                            row.getString("consent_id"),
                            row.getString("payload_digest")),
                    row.getString("previous_hash"),
                    row.getString("hash"));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new UnreadableAuditRecord(sequence, e.getMessage());
        }
    };
}
