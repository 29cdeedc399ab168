package org.esphub.hub.intake;

import java.time.Instant;

/**
 * A referral item accepted and acknowledged whose {@code referral-to-pes} instance is not started
 * yet: everything its start needs, as the intake recorded it.
 *
 * @param attempts failed starts so far
 */
public record PendingStart(String referenceId, String personId, String senderId, String messageId,
        String correlationId, Instant receivedAt, String referralReason, String programId, String benefitType,
        int intakeWorkingDays, Instant createdAt, int attempts) {
}
