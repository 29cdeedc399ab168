package org.esphub.hub.placements;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The hub's record of the placements PES reported through the API: which reference_ids were taken
 * (a resend starts nothing), who sent each (only that sender may update it), its job-placement
 * instance and, for one taken by the person's referral, that referral.
 */
@Repository
public class PlacementRegister {

    /** A placement as recorded at intake; {@code processInstanceId} is null when it was refused. */
    public record Placement(String referenceId, String personId, String senderId, String correlationId,
            String processInstanceId) {
    }

    private final JdbcTemplate jdbc;

    public PlacementRegister(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Placement> find(String referenceId) {
        List<Placement> found = jdbc.query("SELECT reference_id, person_id, sender_id, correlation_id,"
                + " process_instance_id FROM esp_placement WHERE reference_id = ?",
                (row, n) -> new Placement(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5)), referenceId);
        return found.stream().findFirst();
    }

    public void recordStarted(String referenceId, String personId, String senderId, String messageId,
            String correlationId, String processInstanceId, Instant receivedAt) {
        jdbc.update("INSERT INTO esp_placement (reference_id, person_id, sender_id, message_id, correlation_id,"
                + " process_instance_id, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)", referenceId, personId, senderId,
                messageId, correlationId, processInstanceId, Timestamp.from(receivedAt));
    }

    /**
     * A placement that entered the running job-placement of the person's referral {@code referralReferenceId}
     * (its instance {@code processInstanceId}): updates go there, and agency events that name the placement too.
     */
    public void recordAttached(String referenceId, String personId, String senderId, String messageId,
            String correlationId, String processInstanceId, String referralReferenceId, Instant receivedAt) {
        jdbc.update("INSERT INTO esp_placement (reference_id, person_id, sender_id, message_id, correlation_id,"
                + " process_instance_id, referral_reference_id, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                referenceId, personId, senderId, messageId, correlationId, processInstanceId, referralReferenceId,
                Timestamp.from(receivedAt));
    }

    public void recordRejected(String referenceId, String personId, String senderId, String messageId,
            String correlationId, String rejectionCode, String rejectionReason, Instant receivedAt) {
        jdbc.update("INSERT INTO esp_placement (reference_id, person_id, sender_id, message_id, correlation_id,"
                + " rejection_code, rejection_reason, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", referenceId,
                personId, senderId, messageId, correlationId, rejectionCode, rejectionReason, Timestamp.from(receivedAt));
    }
}
