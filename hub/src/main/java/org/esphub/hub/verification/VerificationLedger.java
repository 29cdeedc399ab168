package org.esphub.hub.verification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The hub's record of the verifications it started ({@code esp_status_verification}). */
@Repository
class VerificationLedger {

    private final JdbcTemplate jdbc;

    VerificationLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(String referenceId) {
        Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM esp_status_verification WHERE reference_id = ?",
                Integer.class, referenceId);
        return known != null && known > 0;
    }

    void record(String referenceId, String personId, String trigger, String senderId, String messageId,
            String clientId, String correlationId, String processInstanceId, Instant receivedAt) {
        jdbc.update("INSERT INTO esp_status_verification (reference_id, person_id, verification_trigger, sender_id,"
                + " message_id, client_id, correlation_id, process_instance_id, received_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", referenceId, personId, trigger, senderId, messageId, clientId,
                correlationId, processInstanceId, Timestamp.from(receivedAt));
    }

    /** The request behind a verification instance, with its message's sender_uri; null if the hub started it. */
    Map<String, Object> requestOf(String processInstanceId) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT v.reference_id, v.person_id, v.client_id,"
                + " v.correlation_id, m.sender_id, m.sender_uri, m.transaction_id FROM esp_status_verification v"
                + " JOIN esp_inbound_message m ON m.sender_id = v.sender_id AND m.message_id = v.message_id"
                + " WHERE v.process_instance_id = ?", processInstanceId);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /**
     * Takes the named periodic run if it is due: the one UPDATE that moves {@code last_run_at} wins, so
     * of several hub nodes exactly one does the run.
     */
    boolean claimRun(String name, Instant now, Instant dueIfLastBefore) {
        return jdbc.update("UPDATE esp_scheduled_run SET last_run_at = ? WHERE name = ? AND last_run_at < ?",
                Timestamp.from(now), name, Timestamp.from(dueIfLastBefore)) == 1;
    }
}
