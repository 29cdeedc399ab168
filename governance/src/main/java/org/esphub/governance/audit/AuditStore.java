package org.esphub.governance.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
            + " filters_applied, consent_id, payload_digest, partner, previous_hash, hash";

    private static final Logger LOG = LoggerFactory.getLogger(AuditStore.class);
    private static final String CHAIN = "SELECT head_sequence, head_hash, anchor_sequence, anchor_hash, head_mac"
            + " FROM esp_audit_chain WHERE id = 1";

    private final JdbcTemplate jdbc;
    private final ChainKey key;
    private final TransactionTemplate ownTransaction;

    /** @param key keys the chain head; the database never holds it */
    public AuditStore(JdbcTemplate jdbc, PlatformTransactionManager transactions, ChainKey key) {
        this.jdbc = jdbc;
        this.key = key;
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
                    + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
            ChainState extended = new ChainState(sequence, previous, chain.anchorSequence(), chain.anchorHash(), null);
            jdbc.update("UPDATE esp_audit_chain SET head_sequence = ?, head_hash = ?, head_mac = ? WHERE id = 1",
                    sequence, previous, nextMac(chain, extended));
            return entries;
        });
    }

    public ChainState chainState() {
        return jdbc.queryForObject(CHAIN, AuditStore::chainState);
    }

    /** Whether the recorded head MAC is the one the hub's key gives. */
    public boolean headKeyed(ChainState chain) {
        return key.verifies(chain);
    }

    /**
     * Keys a head that has never been keyed (a database from before the key, or a new one), once,
     * at start-up. A head whose MAC is there but wrong is left as it is, for the verification to report.
     */
    public void keyUnkeyedHead() {
        ownTransaction.executeWithoutResult(status -> {
            ChainState chain = lockChain();
            if (chain.headMac() == null) {
                if (chain.headSequence() > 0) {
                    LOG.warn("The audit chain head (record {}) had no key MAC; it is keyed from now on. Records"
                            + " written before were protected by their hashes only.", chain.headSequence());
                }
                jdbc.update("UPDATE esp_audit_chain SET head_mac = ? WHERE id = 1", key.mac(chain));
            }
        });
    }

    /**
     * The MAC of the chain's new ends: computed only when the ends it replaces were keyed by this
     * hub. Otherwise the old MAC stays, so the verification keeps reporting that the head was
     * changed outside the hub instead of the next append vouching for it.
     */
    private String nextMac(ChainState before, ChainState after) {
        if (key.verifies(before) || before.unwrittenAndUnkeyed()) {
            return key.mac(after);
        }
        LOG.error("The audit chain head's MAC does not verify (changed outside the hub, or another key): the head"
                + " is not re-keyed; GET /api/audit/verification reports it");
        return before.headMac();
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
            ChainState moved = new ChainState(chain.headSequence(), chain.headHash(), lastPurged, anchorHash, null);
            jdbc.update("UPDATE esp_audit_chain SET anchor_sequence = ?, anchor_hash = ?, head_mac = ? WHERE id = 1",
                    lastPurged, anchorHash, nextMac(chain, moved));
            return deleted;
        });
        return purged == null ? 0 : purged;
    }

    private ChainState lockChain() {
        return jdbc.queryForObject(CHAIN + " FOR UPDATE", AuditStore::chainState);
    }

    private static ChainState chainState(ResultSet row, int n) throws SQLException {
        return new ChainState(row.getLong("head_sequence"), row.getString("head_hash"),
                row.getLong("anchor_sequence"), row.getString("anchor_hash"), row.getString("head_mac"));
    }

    private static Object[] row(AuditEntry entry) {
        AuditEvent e = entry.event();
        return new Object[] {entry.sequence(), entry.eventId(), utc(e.occurredAt()), e.actorId(), e.action().name(),
            e.resourceType(), e.resourceId(), e.personId(), e.purpose(), e.legalBasis(), e.correlationId(),
            e.exchange(), e.agreement(), e.receiver(), e.outcome().name(), e.reason(), e.filtersApplied(),
            e.consentId(), e.payloadDigest(), e.partner(), entry.previousHash(), entry.hash()};
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
                            row.getString("payload_digest"),
                            row.getString("partner")),
                    row.getString("previous_hash"),
                    row.getString("hash"));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new UnreadableAuditRecord(sequence, e.getMessage());
        }
    };
}
