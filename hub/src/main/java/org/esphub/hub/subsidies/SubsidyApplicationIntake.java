package org.esphub.hub.subsidies;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.esphub.dci.CompanionOperation;
import org.esphub.dci.DciRejection;
import org.esphub.governance.audit.AuditAction;
import org.esphub.hub.agencies.AgencySenders;
import org.esphub.hub.intake.AdmittedMessage;
import org.esphub.hub.intake.ApiItem;
import org.esphub.hub.intake.ApiItemIntake;
import org.esphub.hub.intake.ApiItemOperation;
import org.esphub.hub.intake.ApiItemTerms;
import org.esphub.hub.intake.IntakeLedger;
import org.esphub.hub.intake.ReferralParticipants;
import org.esphub.hub.outcomes.CallbackItem;
import org.esphub.hub.outcomes.DciCallbacks;
import org.esphub.hub.webhooks.CallbackItems;
import org.esphub.processes.AgencyKind;
import org.esphub.processes.EmploymentSubsidy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code POST /subsidy-applications} (UC4, PRS.EMPL.08): an employer applies for a wage subsidy for
 * each worker it hires. Each new item starts {@code employment-subsidy} under its reference_id, with
 * the variables a subsidy officer's paper application sets; the worker's percentile, the employer's
 * standing and the officer's decision follow in the case, and the decision reaches the employer as
 * the subsidy's notice. An item is refused on its own, changing nothing, when its programme is not one
 * the eligibility rules run ({@link SubsidyProgrammes}), when it names an employer the sender does not
 * speak for ({@code esp.agencies.partners}), or when its reference_id names another case; an item whose
 * subsidy case exists already (a resend under a new message_id) adds nothing.
 *
 * <p>Taken as every API item is ({@link ApiItemIntake}: schema {@link CompanionOperation#APPLY_SUBSIDY},
 * sender, signature, the data-sharing gate under exchange {@link #EXCHANGE} of the agreement
 * employment-subsidy-targeting, the ledger's refusal of a resent message_id), all in one transaction
 * with the engine's writes. This class is the per-item step. The case has no intake table: like the
 * paper application it is found in the engine by its business key.
 *
 * <p>Each item's outcome is called back ({@code on-apply-subsidy}) to the message's
 * {@code header.sender_uri}, through the webhook outbox (retries, the data-sharing gate as exchange
 * {@code callback.on-apply-subsidy}, the hub's signature); a resent application is not reported again.
 * The decision itself reaches the employer later, as the subsidy's notice.
 */
@Service
public class SubsidyApplicationIntake implements ApiItemOperation<CallbackItem> {

    /** The agreements' name of this operation (employment-subsidy-targeting). */
    public static final String EXCHANGE = "api.apply-subsidy";
    public static final String PURPOSE = EmploymentSubsidy.PURPOSE_EMPLOYMENT_SUBSIDY;
    /** The outcome of a taken application, as the employer's systems read it. */
    static final String OUTCOME_APPLICATION_STARTED = "APPLICATION_STARTED";
    /** The item refusal when its programme is not one the eligibility rules know. */
    public static final String UNKNOWN_PROGRAMME = "rjct.subsidy.unknown_programme";
    /** The item refusal when the sender does not speak for the employer the item names. */
    public static final String OTHER_EMPLOYER = "rjct.subsidy.other_employer";
    /** The item refusal when its reference_id already names another case of the hub. */
    public static final String REFERENCE_TAKEN = "rjct.subsidy.reference_taken";
    private static final ApiItemTerms TERMS = new ApiItemTerms(CompanionOperation.APPLY_SUBSIDY,
            Set.of(AgencyKind.EMPLOYER), "only employers apply for wage subsidies for the workers they hire",
            EXCHANGE, PURPOSE, AuditAction.CREATE, "the subsidy applications name ids the hub cannot use; nothing"
            + " was stored or started");
    private static final Logger LOG = LoggerFactory.getLogger(SubsidyApplicationIntake.class);

    private final ApiItemIntake intake;
    private final IntakeLedger ledger;
    private final ReferralParticipants participants;
    private final SubsidyProgrammes programmes;
    private final AgencySenders agencies;
    private final DciCallbacks callbacks;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;

    public SubsidyApplicationIntake(ApiItemIntake intake, IntakeLedger ledger, ReferralParticipants participants,
            SubsidyProgrammes programmes, AgencySenders agencies, DciCallbacks callbacks,
            RuntimeService runtimeService, HistoryService historyService) {
        this.intake = intake;
        this.ledger = ledger;
        this.participants = participants;
        this.programmes = programmes;
        this.agencies = agencies;
        this.callbacks = callbacks;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
    }

    /**
     * @param clientId the OAuth2 client that called; it must be allowed to send as the envelope's sender_id
     * @param correlationId the caller's X-Correlation-ID or one the hub made; the cases carry it
     * @return each item's outcome (started, known before as a resend, or refused with a reason), in the
     *         message's order
     * @throws DciRejection when the message is refused as a whole; nothing was written then
     */
    @Transactional
    public List<CallbackItem> accept(String body, String clientId, String correlationId) {
        return intake.take(this, body, clientId, correlationId).outcomes();
    }

    @Override
    public ApiItemTerms terms() {
        return TERMS;
    }

    @Override
    public void report(AdmittedMessage message, List<CallbackItem> outcomes) {
        callbacks.queueOutcomes(message.envelope(), CallbackItems.ON_APPLY_SUBSIDY, message.correlationId(),
                outcomes);
    }

    @Override
    public CallbackItem accept(ApiItem item, AdmittedMessage message) {
        String referenceId = item.referenceId();
        String employerId = SubsidyApplication.employerOf(item.json());
        if (!agencies.senderForPartner(employerId).filter(message.senderId()::equals).isPresent()) {
            // checked first: a stranger learns nothing of the cases under the reference it names
            return refuse(item, OTHER_EMPLOYER, "sender_id '" + message.senderId() + "' does not speak for employer '"
                    + employerId + "' (esp.agencies.partners); an employer applies for its own hires");
        }
        Optional<HistoricProcessInstance> known = subsidyCase(referenceId);
        if (known.isPresent()) {
            if (item.personId().equals(caseValue(known.get(), EmploymentSubsidy.VAR_PERSON_ID))
                    && employerId.equals(caseValue(known.get(), EmploymentSubsidy.VAR_EMPLOYER_ID))) {
                LOG.info("subsidy application {}: taken before; nothing new starts", referenceId);
                return CallbackItem.known(referenceId, item.personId());
            }
            return refuse(item, REFERENCE_TAKEN, "reference_id " + referenceId + " names a subsidy for another"
                    + " worker or employer; each application needs its own");
        }
        if (participants.referral(referenceId).isPresent() || ledger.referralExists(referenceId)) {
            // one business key, one case: agency events about it must not find two processes
            return refuse(item, REFERENCE_TAKEN, "reference_id " + referenceId + " names another case of the hub;"
                    + " a subsidy application needs its own");
        }
        String programme = SubsidyApplication.programmeOf(item.json());
        Set<String> offered = programmes.codes();
        if (!offered.contains(programme)) {
            return refuse(item, UNKNOWN_PROGRAMME, "programme_code '" + programme + "' is not a subsidy programme"
                    + " of the hub; the programmes are " + offered);
        }
        runtimeService.startProcessInstanceByKey(EmploymentSubsidy.PROCESS_KEY, referenceId,
                SubsidyApplication.startVariables(item.json(), message.correlationId()));
        LOG.info("subsidy application {}: sent by {} (message {}) for programme {}, case started", referenceId,
                message.senderId(), message.messageId(), programme);
        return CallbackItem.accepted(referenceId, item.personId(), OUTCOME_APPLICATION_STARTED);
    }

    private CallbackItem refuse(ApiItem item, String code, String reason) {
        LOG.info("subsidy application {}: refused at intake: {}", item.referenceId(), reason);
        return CallbackItem.rejected(item.referenceId(), item.personId(), code, reason + "; nothing was started");
    }

    /** The subsidy case under this business key, running or ended, from an earlier application or on paper. */
    private Optional<HistoricProcessInstance> subsidyCase(String referenceId) {
        return historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKey(EmploymentSubsidy.PROCESS_KEY)
                .processInstanceBusinessKey(referenceId)
                .listPage(0, 1).stream().findFirst();
    }

    /** A variable the application set on the case (its worker, its employer). */
    private String caseValue(HistoricProcessInstance instance, String name) {
        return historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(name).list().stream()
                .map(HistoricVariableInstance::getValue).filter(String.class::isInstance).map(String.class::cast)
                .findFirst().orElse(null);
    }
}
