package org.esphub.hub.governance;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.esphub.governance.agreements.AgreementCatalogue;
import org.esphub.governance.agreements.DataSharingAgreement;
import org.esphub.governance.consent.Consent;
import org.esphub.governance.consent.ConsentRegistry;
import org.esphub.processes.ReferralToPes;
import org.springframework.stereotype.Component;

/**
 * The running processes a withdrawn consent stops: those of the processes named by every
 * agreement it was given under that needs consent for its purpose, for the same person, unless another
 * consent for that purpose is still in force. Each is sent the BPMN message
 * {@code ConsentWithdrawn}, which an interrupting event sub-process of the model catches.
 */
@Component
public class ReferralsRelyingOnConsent {

    private final AgreementCatalogue agreements;
    private final ConsentRegistry consents;
    private final RuntimeService runtimeService;
    private final Clock clock;

    public ReferralsRelyingOnConsent(AgreementCatalogue agreements, ConsentRegistry consents,
            RuntimeService runtimeService, Clock clock) {
        this.agreements = agreements;
        this.consents = consents;
        this.runtimeService = runtimeService;
        this.clock = clock;
    }

    /**
     * Runs in the caller's (the withdrawal's) transaction.
     *
     * @return the business keys of the instances that took their consent-withdrawn path
     */
    public List<String> stop(Consent withdrawn) {
        boolean stillConsented = consents.ofPerson(withdrawn.personId(), withdrawn.purpose()).stream()
                .anyMatch(consent -> consent.activeAt(clock.instant()));
        // the agreements the consent was given under (its scope), of those that need consent
        List<DataSharingAgreement> givenUnder = consents.agreements().under(withdrawn.purpose(), withdrawn.scope());
        Set<String> processKeys = new LinkedHashSet<>();
        agreements.needingConsentFor(withdrawn.purpose()).stream()
                .filter(givenUnder::contains)
                .map(DataSharingAgreement::processes)
                .forEach(processKeys::addAll);
        if (stillConsented || processKeys.isEmpty()) {
            return List.of();
        }
        String description = "consent " + withdrawn.id() + " for " + withdrawn.purpose() + " withdrawn at "
                + withdrawn.withdrawnAt() + (withdrawn.withdrawalReason() == null ? ""
                        : ": " + withdrawn.withdrawalReason());
        List<ProcessInstance> running = runtimeService.createProcessInstanceQuery()
                .processDefinitionKeyIn(processKeys.toArray(String[]::new))
                .variableValueEquals(ReferralToPes.VAR_PERSON_ID, withdrawn.personId())
                .active()
                .list();
        List<String> stopped = new ArrayList<>();
        for (ProcessInstance instance : running) {
            boolean caught = !runtimeService.createMessageCorrelation(ReferralToPes.MESSAGE_CONSENT_WITHDRAWN)
                    .processInstanceId(instance.getId())
                    .setVariable(ReferralToPes.VAR_CONSENT_WITHDRAWAL, description)
                    .correlateAllWithResult()
                    .isEmpty();
            if (caught) {
                stopped.add(instance.getBusinessKey());
            }
        }
        return stopped;
    }
}
