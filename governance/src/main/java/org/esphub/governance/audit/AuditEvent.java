package org.esphub.governance.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.esphub.governance.storage.StoredField;

/**
 * One audit record before it is chained: the record the hub's governance rules ask for ({@code timestamp},
 * {@code actor_id}, {@code action}, {@code resource_type}, {@code resource_id}, {@code purpose},
 * {@code legal_basis}, {@code correlation_id}) plus who the data is about, where it went, under
 * which agreement and consent, the outcome and the filters applied.
 *
 * <p>Values are normalised here (millisecond timestamps; text fitted to its column with
 * {@link StoredField#fit}: characters no column holds replaced, a value too long cut and ended
 * with a digest of the whole), because the hash covers exactly what the database keeps, and one
 * record must never be refused by the database (it would fail the group commit it shares).
 *
 * @param filtersApplied the payload paths the gate removed, comma-separated; empty when none
 * @param payloadDigest SHA-256 of the released payload, so an agency's copy can be checked against
 *     the record without the hub keeping the personal data itself
 * @param partner when the receiver is a group of partners ({@code employers}), the one partner the exchange
 *     reached, as the payload named it (the agreement exchange's {@code partner_field}); null otherwise
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
        String payloadDigest,
        String partner) {

    public AuditEvent {
        occurredAt = Objects.requireNonNull(occurredAt, "occurredAt").truncatedTo(ChronoUnit.MILLIS);
        actorId = StoredField.AUDIT_ACTOR_ID.fit(Objects.requireNonNull(actorId, "actorId"));
        Objects.requireNonNull(action, "action");
        resourceType = StoredField.AUDIT_RESOURCE_TYPE.fit(Objects.requireNonNull(resourceType, "resourceType"));
        resourceId = StoredField.AUDIT_RESOURCE_ID.fit(resourceId);
        personId = StoredField.AUDIT_PERSON_ID.fit(personId);
        purpose = StoredField.AUDIT_PURPOSE.fit(purpose);
        legalBasis = StoredField.AUDIT_LEGAL_BASIS.fit(legalBasis);
        correlationId = StoredField.AUDIT_CORRELATION_ID.fit(correlationId);
        exchange = StoredField.AUDIT_EXCHANGE.fit(exchange);
        agreement = StoredField.AUDIT_AGREEMENT.fit(agreement);
        receiver = StoredField.AUDIT_RECEIVER.fit(receiver);
        Objects.requireNonNull(outcome, "outcome");
        reason = StoredField.AUDIT_REASON.fit(reason);
        filtersApplied = StoredField.AUDIT_FILTERS_APPLIED.fit(filtersApplied == null ? "" : filtersApplied);
        consentId = StoredField.AUDIT_CONSENT_ID.fit(consentId);
        payloadDigest = StoredField.AUDIT_PAYLOAD_DIGEST.fit(payloadDigest);
        partner = StoredField.AUDIT_PARTNER.fit(partner);
    }

    /** A record of an exchange that reaches its receiver as a whole, not one partner of a group. */
    public AuditEvent(Instant occurredAt, String actorId, AuditAction action, String resourceType, String resourceId,
            String personId, String purpose, String legalBasis, String correlationId, String exchange,
            String agreement, String receiver, AuditOutcome outcome, String reason, String filtersApplied,
            String consentId, String payloadDigest) {
        this(occurredAt, actorId, action, resourceType, resourceId, personId, purpose, legalBasis, correlationId,
                exchange, agreement, receiver, outcome, reason, filtersApplied, consentId, payloadDigest, null);
    }

    public static String filters(List<String> removedPaths) {
        return String.join(",", removedPaths);
    }

}
