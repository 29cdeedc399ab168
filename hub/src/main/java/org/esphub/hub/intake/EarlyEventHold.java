package org.esphub.hub.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The agency events held until their process waits for them ({@code esp_early_event}, ADR 0035).
 * The intake adds a row in the transaction that acknowledges the event to the broker; the row goes
 * in the transaction that takes the event into its process, or once the event is parked.
 */
@Repository
public class EarlyEventHold {

    private final JdbcTemplate jdbc;

    public EarlyEventHold(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Holds the event unless it is held already (a redelivery of the same message). */
    void hold(HeldEvent event) {
        Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM esp_early_event WHERE sender_id = ? AND message_id = ?",
                Integer.class, event.senderId(), event.messageId());
        if (known != null && known > 0) {
            return;
        }
        jdbc.update("INSERT INTO esp_early_event (sender_id, message_id, agency, event_type, reference_id, broker_user,"
                + " envelope, held_at, attempts, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                event.senderId(), event.messageId(), event.agency(), event.eventType(), event.referenceId(),
                event.brokerUser(), event.envelope(), Timestamp.from(event.heldAt()), event.attempts(),
                Timestamp.from(event.nextAttemptAt()));
    }

    /** Held events whose next retry is due, longest waiting first. */
    List<HeldEvent> due(Instant now, int limit) {
        return jdbc.query("SELECT sender_id, message_id, agency, event_type, reference_id, broker_user, envelope,"
                + " held_at, attempts, next_attempt_at FROM esp_early_event WHERE next_attempt_at <= ?"
                + " ORDER BY next_attempt_at LIMIT ?", EarlyEventHold::heldEvent, Timestamp.from(now), limit);
    }

    /**
     * Claims the due retry for this node: moves its next attempt to {@code until} if no other
     * node moved it first. Every hub node sweeps the same rows; the claim keeps two of them from
     * retrying one event at once (the intake ledger would refuse the second take anyway).
     */
    boolean claim(HeldEvent event, Instant until) {
        return jdbc.update("UPDATE esp_early_event SET next_attempt_at = ? WHERE sender_id = ? AND message_id = ?"
                + " AND next_attempt_at = ?", Timestamp.from(until), event.senderId(), event.messageId(),
                Timestamp.from(event.nextAttemptAt())) == 1;
    }

    /** Still early: counted, and retried at {@code nextAttemptAt}. */
    void retryLater(HeldEvent event, Instant nextAttemptAt) {
        jdbc.update("UPDATE esp_early_event SET attempts = attempts + 1, next_attempt_at = ?"
                + " WHERE sender_id = ? AND message_id = ?", Timestamp.from(nextAttemptAt), event.senderId(),
                event.messageId());
    }

    /** The event was taken, ignored as taken before, or parked: it is held no more. */
    void release(HeldEvent event) {
        jdbc.update("DELETE FROM esp_early_event WHERE sender_id = ? AND message_id = ?", event.senderId(),
                event.messageId());
    }

    /** Events held now. */
    public long heldCount() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM esp_early_event", Long.class);
        return count == null ? 0 : count;
    }

    private static HeldEvent heldEvent(ResultSet row, int rowNum) throws SQLException {
        return new HeldEvent(row.getString("sender_id"), row.getString("message_id"), row.getString("agency"),
                row.getString("event_type"), row.getString("reference_id"), row.getString("broker_user"),
                row.getString("envelope"), row.getTimestamp("held_at").toInstant(), row.getInt("attempts"),
                row.getTimestamp("next_attempt_at").toInstant());
    }
}
