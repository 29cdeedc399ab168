package org.esphub.governance.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * One audit record before it is chained: the record DESIGN.md asks for ({@code timestamp},
 * {@code actor_id}, {@code action}, {@code resource_type}, {@code resource_id}, {@code purpose},
 * {@code legal_basis}, {@code correlation_id}) plus who the data is about, where it went, under
 * which agreement and consent, the outcome and the filters applied.
 *
 * <p>Values are normalised here (millisecond timestamps, bounded text), because the hash covers
 * exactly what the database keeps.
 *
 * @param filtersApplied the payload paths the gate removed, comma-separated; empty when none
 * @param payloadDigest SHA-256 of the released payload, so an agency's copy can be checked against
 *     the record without the hub keeping the personal data itself
 */
public record AuditEvent(
        Instant occurredAt,
        String actorId,
        AuditAction action,
        String resourceType,
        String resourceId,
        String personId,
        String purpose,
        String legalBasis,
        String correlationId,
        String exchange,
        String agreement,
        String receiver,
        AuditOutcome outcome,
        String reason,
        String filtersApplied,
        String consentId,
        String payloadDigest) {

    static final int SHORT = 255;
    static final int LONG = 1000;

    public AuditEvent {
        occurredAt = Objects.requireNonNull(occurredAt, "occurredAt").truncatedTo(ChronoUnit.MILLIS);
        actorId = bounded(Objects.requireNonNull(actorId, "actorId"), SHORT);
        Objects.requireNonNull(action, "action");
        resourceType = bounded(Objects.requireNonNull(resourceType, "resourceType"), 64);
        resourceId = bounded(resourceId, SHORT);
        personId = bounded(personId, SHORT);
        purpose = bounded(purpose, 64);
        legalBasis = bounded(legalBasis, LONG);
        correlationId = bounded(correlationId, SHORT);
        exchange = bounded(exchange, 128);
        agreement = bounded(agreement, 128);
        receiver = bounded(receiver, SHORT);
        Objects.requireNonNull(outcome, "outcome");
        reason = bounded(reason, LONG);
        filtersApplied = bounded(filtersApplied == null ? "" : filtersApplied, 2000);
        consentId = bounded(consentId, 36);
        payloadDigest = bounded(payloadDigest, 64);
    }

    public static String filters(List<String> removedPaths) {
        return String.join(",", removedPaths);
    }

    private static String bounded(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 3) + "...";
    }
}
