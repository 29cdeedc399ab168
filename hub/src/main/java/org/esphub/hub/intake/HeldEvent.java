package org.esphub.hub.intake;

import java.time.Instant;

/**
 * An agency event held until its process waits for it ({@link EarlyEventHold}).
 *
 * @param agency the queue's agency (SA, PES), as the inbound route named it
 * @param envelope the event envelope, as JSON text
 * @param attempts retries so far
 * @param nextAttemptAt when the next retry is due; also the claim a sweeper takes it by
 */
public record HeldEvent(String senderId, String messageId, String agency, String eventType, String referenceId,
        String brokerUser, String envelope, Instant heldAt, int attempts, Instant nextAttemptAt) {
}
