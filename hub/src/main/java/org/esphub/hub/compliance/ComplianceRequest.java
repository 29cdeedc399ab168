package org.esphub.hub.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One compliance_request item of {@code POST /compliance/monitor} as the hub keeps it.
 *
 * @param referralReferenceId the person's referral from the same sender, the activation whose
 *        obligations are to be monitored; null when the item was refused
 * @param status {@link #RECEIVED} or {@link #REJECTED}
 */
public record ComplianceRequest(String referenceId, String personId, String senderId, String messageId,
        String correlationId, String referralReferenceId, LocalDate periodStart, LocalDate periodEnd,
        List<String> complianceAreas, String requestedAssessment, String status, String rejectionCode,
        String rejectionReason, Instant receivedAt) {

    /**
     * Accepted: handed to the monitoring of its referral ({@code fed_at}), or held until that monitoring
     * starts when the activation plan is agreed (ADR 0040).
     */
    public static final String RECEIVED = "RECEIVED";
    /** Refused with a reason; nothing will be monitored. */
    public static final String REJECTED = "REJECTED";
    /** The annex's compliance_status of a request nobody has assessed yet. */
    public static final String PENDING = "PENDING";
}
