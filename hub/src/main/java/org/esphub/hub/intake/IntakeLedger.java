package org.esphub.hub.intake;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.esphub.dci.DciReasonCode;
import org.esphub.dci.DciRejection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The hub's record of accepted messages and referral items, used to make intake idempotent.
 * Written in the intake's transaction (the ACK); an item's process instance id is added by the
 * transaction that starts it ({@link ReferralStarter}).
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
            String correlationId, String transactionId, String senderUri, int itemCount, Instant receivedAt) {
        // the primary key settles races between consumers: the loser's transaction sees the
        // duplicate on redelivery and starts nothing
        if (knowsMessage(senderId, messageId)) {
            return false;
        }
        jdbc.update("INSERT INTO esp_inbound_message (sender_id, message_id, action, channel, correlation_id,"
                + " transaction_id, sender_uri, item_count, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                senderId, messageId, action, channel, correlationId, transactionId, senderUri, itemCount,
                Timestamp.from(receivedAt));
        return true;
    }

    /**
     * Records a message taken through the API, or refuses it whole when its sender sent the same
     * message_id before: the one answer every API intake gives a resent message.
     *
     * @param unchanged what the refusal says was left undone, e.g. "nothing new was accepted"
     * @throws DciRejection {@code rjct.message_id.duplicate}; nothing was written
     */
    public void recordOrRefuseDuplicate(ReceivedMessage message, String unchanged) {
        if (!recordMessage(message.senderId(), message.messageId(), message.action(), message.channel(),
                message.correlationId(), message.transactionId(), message.senderUri(), message.itemCount(),
                message.receivedAt())) {
            throw new DciRejection(DciReasonCode.MESSAGE_ID_DUPLICATE, "message_id '" + message.messageId()
                    + "' from sender '" + message.senderId() + "' was received before; " + unchanged);
        }
    }

    /** Whether the sender's message_id was taken before; reads only. */
    public boolean knowsMessage(String senderId, String messageId) {
        Integer known = jdbc.queryForObject(
                "SELECT COUNT(*) FROM esp_inbound_message WHERE sender_id = ? AND message_id = ?",
                Integer.class, senderId, messageId);
        return known != null && known > 0;
    }

    public boolean referralExists(String referenceId) {
        Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM esp_referral WHERE reference_id = ?",
                Integer.class, referenceId);
        return known != null && known > 0;
    }

    /** An accepted item; its process starts after the ACK ({@link #recordProcessStarted}). */
    public void recordReferral(String referenceId, String personId, String senderId, String messageId,
            String correlationId, Instant receivedAt) {
        jdbc.update("INSERT INTO esp_referral (reference_id, person_id, sender_id, message_id, correlation_id,"
                + " received_at) VALUES (?, ?, ?, ?, ?, ?)",
                referenceId, personId, senderId, messageId, correlationId, Timestamp.from(receivedAt));
    }

    /** In the transaction that started the item's process: the instance is the referral's from now on. */
    public void recordProcessStarted(String referenceId, String processInstanceId) {
        int updated = jdbc.update("UPDATE esp_referral SET process_instance_id = ? WHERE reference_id = ?"
                + " AND process_instance_id IS NULL AND rejection_code IS NULL", processInstanceId, referenceId);
        if (updated != 1) {
            // never expected: only an accepted item has an inbox row; rolling back keeps the row waiting
            throw new IllegalStateException("referral " + referenceId
                    + " is not an accepted item waiting for its process");
        }
    }

    /** Keeps an item the intake refused, with its reason, so the sender can look it up. */
    public void recordRejectedReferral(String referenceId, String personId, String senderId, String messageId,
            String correlationId, String rejectionCode, String rejectionReason, Instant receivedAt) {
        jdbc.update("INSERT INTO esp_referral (reference_id, person_id, sender_id, message_id, correlation_id,"
                + " rejection_code, rejection_reason, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                referenceId, personId, senderId, messageId, correlationId, rejectionCode, rejectionReason,
                Timestamp.from(receivedAt));
    }

    /** The reference_id of the person's active referral, or null. */
    public String activeReferralOf(String personId) {
        List<String> active = jdbc.queryForList("SELECT reference_id FROM esp_active_referral WHERE person_id = ?",
                String.class, personId);
        return active.isEmpty() ? null : active.get(0);
    }

    /**
     * Marks the referral as the person's active one. The primary key refuses a second one that a
     * concurrent transaction opened first; that transaction's rollback makes the message come
     * again, and then it finds the active referral.
     */
    public void openActiveReferral(String personId, String referenceId, Instant openedAt) {
        jdbc.update("INSERT INTO esp_active_referral (person_id, reference_id, opened_at) VALUES (?, ?, ?)",
                personId, referenceId, Timestamp.from(openedAt));
    }

    /** Called when the referral's process ends: the person may be referred again. */
    public void closeActiveReferral(String referenceId) {
        jdbc.update("DELETE FROM esp_active_referral WHERE reference_id = ?", referenceId);
    }
}
