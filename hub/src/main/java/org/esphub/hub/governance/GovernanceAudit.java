package org.esphub.hub.governance;

import java.time.Clock;
import org.esphub.governance.audit.AuditAction;
import org.esphub.governance.audit.AuditEvent;
import org.esphub.governance.audit.AuditLog;
import org.esphub.governance.audit.AuditOutcome;
import org.esphub.governance.consent.Consent;
import org.springframework.stereotype.Component;

/**
 * Audit records of changes to governance data made through the API (a consent recorded or
 * withdrawn), so an auditor sees who changed what a person allowed, next to the exchanges.
 */
@Component
public class GovernanceAudit {

    private final AuditLog audit;
    private final Clock clock;

    public GovernanceAudit(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** @param action CREATE for a recorded consent, UPDATE for a withdrawal */
    public void consentChanged(AuditAction action, Consent consent, String actorId, String correlationId,
            String detail) {
        audit.record(new AuditEvent(clock.instant(), actorId, action, "consent", consent.id(), consent.personId(),
                consent.purpose(), consent.legalBasis(), correlationId, null, null, null, AuditOutcome.COMPLETED,
                detail, "", null, null));
    }
}
