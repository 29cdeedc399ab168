package org.esphub.hub.governance;

import java.time.Clock;
import org.esphub.governance.audit.AuditAction;
import org.esphub.governance.audit.AuditEvent;
import org.esphub.governance.audit.AuditLog;
import org.esphub.governance.audit.AuditOutcome;
import org.esphub.governance.consent.Consent;
import org.esphub.governance.consent.ConsentActor;
import org.esphub.governance.consent.ConsentRegistry;
import org.esphub.governance.agreements.DataSharingAgreement;
import org.springframework.stereotype.Component;

/**
 * Audit records of changes to governance data (a consent recorded, through the API or with a
 * referral, or withdrawn), so an auditor sees who changed what a person allowed, for which agency,
 * under which agreement and legal basis, next to the exchanges.
 */
@Component
public class GovernanceAudit {

    private final AuditLog audit;
    private final ConsentRegistry consents;
    private final Clock clock;

    public GovernanceAudit(AuditLog audit, ConsentRegistry consents, Clock clock) {
        this.audit = audit;
        this.consents = consents;
        this.clock = clock;
    }

    /**
     * @param action CREATE for a recorded consent, UPDATE for a withdrawal
     * @param actor who made the change (the record's actor) and the party it acted for (in its reason)
     */
    public void consentChanged(AuditAction action, Consent consent, ConsentActor actor, String correlationId,
            String detail) {
        String agreement = consents.agreements().governing(consent.purpose(), consent.scope())
                .map(DataSharingAgreement::reference).orElse(null);
        audit.record(new AuditEvent(clock.instant(), actor.id(), action, "consent", consent.id(), consent.personId(),
                consent.purpose(), consent.legalBasis(), correlationId, null, agreement, null,
                AuditOutcome.COMPLETED, detail + " by " + actor.id() + " for " + actor.party(), "", consent.id(),
                null));
    }
}
