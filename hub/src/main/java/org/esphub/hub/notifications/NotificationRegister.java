package org.esphub.hub.notifications;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The notifications the hub took (esp_agency_notification): where each went, for the case's history. */
@Repository
class NotificationRegister {

    /** Reached the process waiting for it as a BPMN message. */
    static final String CORRELATED = "CORRELATED";
    /** Became a task for the caseworkers who own the case (agency-notification). */
    static final String INBOX = "INBOX";

    private final JdbcTemplate jdbc;

    NotificationRegister(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void record(String notificationId, String referenceId, String personId, String senderId, String messageId,
            String notificationType, String deliveredAs, String processInstanceId, Instant receivedAt) {
        jdbc.update("INSERT INTO esp_agency_notification (notification_id, reference_id, person_id, sender_id,"
                + " message_id, notification_type, delivered_as, process_instance_id, received_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", notificationId, referenceId, personId, senderId, messageId,
                notificationType, deliveredAs, processInstanceId, Timestamp.from(receivedAt));
    }
}
