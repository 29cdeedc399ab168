package org.esphub.hub.governance;

import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.esphub.governance.audit.AuditAction;
import org.esphub.governance.consent.Consent;
import org.esphub.governance.consent.ConsentActor;
import org.esphub.governance.consent.ConsentRegistry;
import org.esphub.governance.consent.NewConsent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changes to consents through the API, each in one transaction with its effects: the audit
 * record is committed before the change, so a change the log cannot record does not happen; a
 * withdrawal also makes every running process that relied on the consent take its
 * consent-withdrawn path. A process moving at the same moment (a worker completing its task)
 * makes the engine refuse the withdrawal's transaction; it is then tried again on the new state.
 */
@Service
public class ConsentAdministration {

    private static final Logger LOG = LoggerFactory.getLogger(ConsentAdministration.class);
    private static final int ATTEMPTS = 3;

    private final ConsentRegistry consents;
    private final ReferralsRelyingOnConsent referrals;
    private final GovernanceAudit audit;
    private final TransactionTemplate transaction;

    public ConsentAdministration(ConsentRegistry consents, ReferralsRelyingOnConsent referrals, GovernanceAudit audit,
            PlatformTransactionManager transactions) {
        this.consents = consents;
        this.referrals = referrals;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Records a consent given through the API or carried by a referral (joining the intake's
     * transaction, so it exists exactly when the referral does).
     *
     * @throws org.esphub.governance.consent.InvalidConsent if the consent breaks a rule (nothing is written)
     * @throws org.esphub.governance.consent.NotAPartyToConsent if the recorder's party has no standing on it
     */
    public Consent record(NewConsent request, ConsentActor recorder, String correlationId) {
        return transaction.execute(status -> {
            Consent consent = consents.record(request, recorder);
            audit.consentChanged(AuditAction.CREATE, consent, recorder, correlationId,
                    "consent recorded from " + consent.source());
            return consent;
        });
    }

    /**
     * @throws org.esphub.governance.consent.UnknownConsent if no consent has the id
     * @throws org.esphub.governance.consent.NotAPartyToConsent if the withdrawer's party has no standing on it
     */
    public Withdrawal withdraw(String consentId, ConsentActor withdrawer, String reason, String correlationId) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> {
                    ConsentRegistry.Withdrawal withdrawal = consents.withdraw(consentId, withdrawer, reason);
                    if (!withdrawal.changed()) {
                        return new Withdrawal(withdrawal.consent(), false, List.of());
                    }
                    List<String> stopped = referrals.stop(withdrawal.consent());
                    audit.consentChanged(AuditAction.UPDATE, withdrawal.consent(), withdrawer, correlationId,
                            "consent withdrawn; referrals closed: " + stopped);
                    return new Withdrawal(withdrawal.consent(), true, stopped);
                });
            } catch (OptimisticLockingException concurrent) {
                if (attempt == ATTEMPTS) {
                    throw concurrent;
                }
                LOG.info("Withdrawal of consent {} met a process moving at the same time; trying again", consentId);
            }
        }
    }

    /**
     * @param changed false when the consent had been withdrawn before (nothing was done again)
     * @param stoppedReferrals business keys of the processes that took their consent-withdrawn path
     */
    public record Withdrawal(Consent consent, boolean changed, List<String> stoppedReferrals) {
    }
}
