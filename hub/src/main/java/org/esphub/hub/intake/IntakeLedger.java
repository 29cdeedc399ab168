package org.esphub.hub.intake;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The hub's record of accepted messages and referral items, used to make intake idempotent.
 * Shares the engine's transaction, so a row exists exactly when its process instance does.
 */
@Repository
public class IntakeLedger {

    private final JdbcTemplate jdbc;

    public IntakeLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records a message as taken.
     *
     * @return false if the same sender already sent this message_id (nothing is written)
     */
    public boolean recordMessage(String senderId, String messageId, String action, String channel,
            String correlationId, String transactionId, int itemCount, Instant receivedAt) {
        // the primary key settles races between consumers: the loser's transaction sees the
        // duplicate on redelivery and starts nothing
        Integer known = jdbc.queryForObject(
                "SELECT COUNT(*) FROM esp_inbound_message WHERE sender_id = ? AND message_id = ?",
                Integer.class, senderId, messageId);
        if (known != null && known > 0) {
            return false;
        }
        jdbc.update("INSERT INTO esp_inbound_message (sender_id, message_id, action, channel, correlation_id,"
                + " transaction_id, item_count, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                senderId, messageId, action, channel, correlationId, transactionId, itemCount,
                Timestamp.from(receivedAt));
        return true;
    }

    public boolean referralExists(String referenceId) {
        Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM esp_referral WHERE reference_id = ?",
                Integer.class, referenceId);
        return known != null && known > 0;
    }

    public void recordReferral(String referenceId, String personId, String senderId, String messageId,
            String correlationId, String processInstanceId, Instant receivedAt) {
        jdbc.update("INSERT INTO esp_referral (reference_id, person_id, sender_id, message_id, correlation_id,"
                + " process_instance_id, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                referenceId, personId, senderId, messageId, correlationId, processInstanceId,
                Timestamp.from(receivedAt));
    }
}
