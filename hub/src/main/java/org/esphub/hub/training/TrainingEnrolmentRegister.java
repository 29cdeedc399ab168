package org.esphub.hub.training;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The hub's record of the training enrolments requested through {@code POST /training-benefits}:
 * which reference_ids were taken (a resend starts nothing), who sent each and its process instance,
 * and for a request a running referral took, that referral.
 */
@Repository
public class TrainingEnrolmentRegister {

    /** An enrolment as recorded at intake; {@code processInstanceId} is null when it was refused. */
    public record Enrolment(String referenceId, String personId, String senderId, String correlationId,
            String processInstanceId) {
    }

    private final JdbcTemplate jdbc;

    public TrainingEnrolmentRegister(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Enrolment> find(String referenceId) {
        return jdbc.query("SELECT reference_id, person_id, sender_id, correlation_id, process_instance_id"
                + " FROM esp_training_enrolment WHERE reference_id = ?",
                (row, n) -> new Enrolment(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5)), referenceId).stream().findFirst();
    }

    public void recordStarted(String referenceId, String personId, String senderId, String messageId,
            String correlationId, String programmeId, String processInstanceId, Instant receivedAt) {
        jdbc.update("INSERT INTO esp_training_enrolment (reference_id, person_id, sender_id, message_id,"
                + " correlation_id, programme_id, process_instance_id, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                referenceId, personId, senderId, messageId, correlationId, programmeId, processInstanceId,
                Timestamp.from(receivedAt));
    }

    /** A request the person's referral took: its training-enrolment instance and the referral's reference_id. */
    public void recordAttached(String referenceId, String personId, String senderId, String messageId,
            String correlationId, String programmeId, String processInstanceId, String referralReferenceId,
            Instant receivedAt) {
        jdbc.update("INSERT INTO esp_training_enrolment (reference_id, person_id, sender_id, message_id,"
                + " correlation_id, programme_id, process_instance_id, referral_reference_id, received_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", referenceId, personId, senderId, messageId, correlationId,
                programmeId, processInstanceId, referralReferenceId, Timestamp.from(receivedAt));
    }

    public void recordRejected(String referenceId, String personId, String senderId, String messageId,
            String correlationId, String programmeId, String rejectionCode, String rejectionReason,
            Instant receivedAt) {
        jdbc.update("INSERT INTO esp_training_enrolment (reference_id, person_id, sender_id, message_id,"
                + " correlation_id, programme_id, rejection_code, rejection_reason, received_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", referenceId, personId, senderId, messageId, correlationId,
                programmeId, rejectionCode, rejectionReason, Timestamp.from(receivedAt));
    }
}
