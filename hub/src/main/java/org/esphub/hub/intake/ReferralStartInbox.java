package org.esphub.hub.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.esphub.governance.storage.StoredText;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The inbox of accepted referral items waiting for their process ({@code esp_referral_start},
 * ADR 0029). The intake adds a row in its ACK transaction; {@link ReferralStarter} takes it in the
 * transaction that starts the process. A row exists exactly while its item waits or is parked.
 */
@Repository
public class ReferralStartInbox {

    /** The longest error text kept with a row (esp_referral_start.last_error). */
    static final int MAX_ERROR = 1000;

    private final JdbcTemplate jdbc;

    public ReferralStartInbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Called by the intake, in its transaction, next to the item's esp_referral row. */
    void add(PendingStart start, Instant sweepableAt) {
        jdbc.update("INSERT INTO esp_referral_start (reference_id, referral_reason, program_id, benefit_type,"
                + " intake_working_days, created_at, attempts, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?)",
                start.referenceId(), start.referralReason(), start.programId(), start.benefitType(),
                start.intakeWorkingDays(), Timestamp.from(start.createdAt()), Timestamp.from(sweepableAt));
    }

    /** The item if it still waits (not started by anyone, not parked). Reads without locking. */
    Optional<PendingStart> waiting(String referenceId) {
        return jdbc.query("SELECT s.reference_id, r.person_id, r.sender_id, r.message_id, r.correlation_id,"
                + " r.received_at, s.referral_reason, s.program_id, s.benefit_type, s.intake_working_days,"
                + " s.created_at, s.attempts FROM esp_referral_start s"
                + " JOIN esp_referral r ON r.reference_id = s.reference_id"
                + " WHERE s.reference_id = ? AND s.parked_at IS NULL", ReferralStartInbox::pendingStart, referenceId)
                .stream().findFirst();
    }

    /**
     * Takes the item for the calling transaction, which then starts its process. A concurrent
     * taker waits on the row lock until this transaction ends: after a commit it finds nothing,
     * after a rollback it takes the row itself.
     *
     * @return whether this transaction took it; false if another did (or it was parked)
     */
    boolean take(String referenceId) {
        return jdbc.update("DELETE FROM esp_referral_start WHERE reference_id = ? AND parked_at IS NULL",
                referenceId) == 1;
    }

    /** Items not parked whose next attempt is due, longest waiting first. */
    List<String> due(Instant now, int limit) {
        return jdbc.queryForList("SELECT reference_id FROM esp_referral_start WHERE parked_at IS NULL"
                + " AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ?", String.class, Timestamp.from(now),
                limit);
    }

    /** A failed start: counted, with its error, and tried again at {@code nextAttemptAt}. */
    void failedAttempt(String referenceId, String error, Instant nextAttemptAt) {
        jdbc.update("UPDATE esp_referral_start SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?"
                + " WHERE reference_id = ? AND parked_at IS NULL", fit(error), Timestamp.from(nextAttemptAt),
                referenceId);
    }

    /** The last failed start: the row stays, with its error, but no starter takes it any more. */
    void park(String referenceId, String error, Instant at) {
        jdbc.update("UPDATE esp_referral_start SET attempts = attempts + 1, last_error = ?, parked_at = ?"
                + " WHERE reference_id = ? AND parked_at IS NULL", fit(error), Timestamp.from(at), referenceId);
    }

    /** Items accepted and waiting for their start (parked ones not counted). */
    long waitingCount() {
        return count("SELECT COUNT(*) FROM esp_referral_start WHERE parked_at IS NULL");
    }

    /** Items whose every start failed, waiting for an operator. */
    long parkedCount() {
        return count("SELECT COUNT(*) FROM esp_referral_start WHERE parked_at IS NOT NULL");
    }

    private long count(String sql) {
        Long count = jdbc.queryForObject(sql, Long.class);
        return count == null ? 0 : count;
    }

    private static String fit(String error) {
        return StoredText.fit(error == null ? "unknown error" : error, MAX_ERROR);
    }

    private static PendingStart pendingStart(ResultSet row, int i) throws SQLException {
        return new PendingStart(row.getString("reference_id"), row.getString("person_id"), row.getString("sender_id"),
                row.getString("message_id"), row.getString("correlation_id"),
                row.getTimestamp("received_at").toInstant(),
                row.getString("referral_reason"), row.getString("program_id"), row.getString("benefit_type"),
                row.getInt("intake_working_days"), row.getTimestamp("created_at").toInstant(), row.getInt("attempts"));
    }
}
