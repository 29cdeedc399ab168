package org.esphub.hub.placements;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.esphub.dci.DciOperation;
import org.esphub.dci.DciRejection;
import org.esphub.governance.audit.AuditAction;
import org.esphub.hub.intake.AdmittedMessage;
import org.esphub.hub.intake.ApiItem;
import org.esphub.hub.intake.ApiItemIntake;
import org.esphub.hub.intake.ApiItemOperation;
import org.esphub.hub.intake.ApiItemTerms;
import org.esphub.hub.intake.IntakeLedger;
import org.esphub.hub.outcomes.CallbackItem;
import org.esphub.hub.outcomes.DciCallbacks;
import org.esphub.hub.webhooks.CallbackItems;
import org.esphub.processes.AgencyKind;
import org.esphub.processes.JobPlacement;
import org.esphub.processes.PesReportedPlacement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code POST /job-placements} (PRS.EMPL.04): PES reports placements it made itself. Each new item
 * for a person outside a referral starts {@code pes-reported-placement} (message start
 * {@link PesReportedPlacement#MESSAGE_PLACEMENT_MADE_BY_PES}), which calls job-placement at its
 * verification and adjusts the benefit; business key = the item's reference_id, which is the
 * placement_id of later updates. The register keeps the job-placement instance, which updates reach.
 *
 * <p>Taken as every API item is ({@link ApiItemIntake}): all in one transaction with the engine's
 * writes, the message row (a message_id sent before is refused and changes nothing), the items and
 * their instances; a message is taken whole or not at all. Every item passes the data-sharing gate
 * (exchange {@link #EXCHANGE}) before anything is written, so a message the agreements do not cover
 * is refused and audited as such. This class is the per-item step. For a person with
 * an active referral the placement enters that referral's job-placement while its counsellor is
 * matching ({@link JobPlacement#MESSAGE_PLACEMENT_ATTACHED}), so the benefit is adjusted through the
 * referral, once; in any other stage of the referral the item is refused with the reason.
 *
 * <p>Each item's outcome is called back ({@code on-create-placement}) to the message's
 * {@code header.sender_uri}, through the webhook outbox (retries, the data-sharing gate as exchange
 * {@code callback.on-create-placement}, the hub's signature); a resent item is not reported again.
 */
@Service
public class PlacementIntake implements ApiItemOperation<CallbackItem> {

    /** The agreements' name of this operation (pes-placement-reports). */
    public static final String EXCHANGE = "api.create-placement";
    /** The purpose PES reports and updates placements for (agreement pes-placement-reports). */
    public static final String PURPOSE = PesReportedPlacement.PURPOSE_PLACEMENT_REPORTING;
    /** The outcome of a taken item: its job-placement waits for the employer's confirmation and the record. */
    static final String OUTCOME_VERIFICATION_STARTED = "VERIFICATION_STARTED";
    /** The item refusal when the person's referral is in a stage that cannot take a placement. */
    public static final String REFERRAL_ACTIVE = "rjct.placement.referral_active";
    /** The item refusal when its reference_id already names a referral. */
    public static final String REFERENCE_TAKEN = "rjct.placement.reference_taken";
    /** Who reports and updates placements through the API. */
    static final Set<AgencyKind> PES = Set.of(AgencyKind.PES);
    static final String ONLY_PES = "only the Public Employment Service reports and updates placements";
    private static final ApiItemTerms TERMS = new ApiItemTerms(DciOperation.CREATE_PLACEMENT, PES, ONLY_PES,
            EXCHANGE, PURPOSE, AuditAction.CREATE, "the placements name ids the hub cannot use; nothing was stored"
            + " or started");
    private static final Logger LOG = LoggerFactory.getLogger(PlacementIntake.class);

    private final ApiItemIntake intake;
    private final IntakeLedger ledger;
    private final PlacementRegister register;
    private final DciCallbacks callbacks;
    private final RuntimeService runtimeService;

    public PlacementIntake(ApiItemIntake intake, IntakeLedger ledger, PlacementRegister register,
            DciCallbacks callbacks, RuntimeService runtimeService) {
        this.intake = intake;
        this.ledger = ledger;
        this.register = register;
        this.callbacks = callbacks;
        this.runtimeService = runtimeService;
    }

    /**
     * @param clientId the OAuth2 client that called; it must be allowed to send as the envelope's sender_id
     * @param correlationId the caller's X-Correlation-ID or one the hub made
     * @return each item's outcome (started, known before as a resend, or refused with a reason code), in
     *         the message's order
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
    public void report(AdmittedMessage message, List<CallbackItem> taken) {
        callbacks.queueOutcomes(message.envelope(), CallbackItems.ON_CREATE_PLACEMENT, message.correlationId(), taken);
    }

    @Override
    public CallbackItem accept(ApiItem item, AdmittedMessage message) {
        String referenceId = item.referenceId();
        if (register.find(referenceId).isPresent()) {
            LOG.info("placement {}: taken before; nothing new starts", referenceId);
            return CallbackItem.known(referenceId, item.personId());
        }
        if (ledger.referralExists(referenceId)) {
            // one business key, one case: agency events about it must not find two processes
            return refuse(item, message, REFERENCE_TAKEN, "reference_id " + referenceId
                    + " is a referral's; a placement needs its own");
        }
        String activeReferral = ledger.activeReferralOf(item.personId());
        if (activeReferral != null) {
            return attachToReferral(item, activeReferral, message);
        }
        ProcessInstance placement = runtimeService.createMessageCorrelation(
                        PesReportedPlacement.MESSAGE_PLACEMENT_MADE_BY_PES)
                .processInstanceBusinessKey(referenceId)
                .setVariables(PlacementTerms.startVariables(item.json(), message.correlationId()))
                .correlateStartMessage();
        // the call runs in this transaction, so its job-placement exists now: updates and events go there
        String jobPlacement = runtimeService.createProcessInstanceQuery().superProcessInstanceId(placement.getId())
                .singleResult().getId();
        register.recordStarted(referenceId, item.personId(), message.senderId(), message.messageId(),
                message.correlationId(), jobPlacement, message.receivedAt());
        LOG.info("placement {}: reported by {} (message {}), verification started", referenceId, message.senderId(),
                message.messageId());
        return CallbackItem.accepted(referenceId, item.personId(), OUTCOME_VERIFICATION_STARTED);
    }

    /**
     * The person's referral takes the placement while its counsellor is matching a vacancy: the job ends
     * the matching and goes to the verification there, and the referral adjusts the benefit. In any other
     * stage (intake, training, a proposal out, a job already under way) the item is refused.
     */
    private CallbackItem attachToReferral(ApiItem item, String referralId, AdmittedMessage message) {
        String referenceId = item.referenceId();
        Execution matching = runtimeService.createExecutionQuery()
                .processInstanceBusinessKey(referralId)
                .messageEventSubscriptionName(JobPlacement.MESSAGE_PLACEMENT_ATTACHED)
                .singleResult();
        if (matching == null) {
            return refuse(item, message, REFERRAL_ACTIVE, "person " + item.personId() + " has an active referral ("
                    + referralId + ") that is not matching a vacancy now (intake, training, a proposal or a job under"
                    + " way); a placement is taken there only while its counsellor matches, so no second placement"
                    + " is started");
        }
        // to the scope the boundary event continues in, after the match task's own output mappings ran
        runtimeService.createMessageCorrelation(JobPlacement.MESSAGE_PLACEMENT_ATTACHED)
                .processInstanceId(matching.getProcessInstanceId())
                .setVariablesToTriggeredScope(PlacementTerms.jobVariables(item.json()))
                .correlateWithResult();
        register.recordAttached(referenceId, item.personId(), message.senderId(), message.messageId(),
                message.correlationId(), matching.getProcessInstanceId(), referralId, message.receivedAt());
        LOG.info("placement {}: reported by {} (message {}), taken by referral {} for its verification", referenceId,
                message.senderId(), message.messageId(), referralId);
        return CallbackItem.accepted(referenceId, item.personId(), OUTCOME_VERIFICATION_STARTED);
    }

    private CallbackItem refuse(ApiItem item, AdmittedMessage message, String code, String reason) {
        register.recordRejected(item.referenceId(), item.personId(), message.senderId(), message.messageId(),
                message.correlationId(), code, reason, message.receivedAt());
        LOG.info("placement {}: refused at intake: {}", item.referenceId(), reason);
        // the code alone: agreement pes-placement-reports lets a callback tell PES the code, not the reason
        // (the register keeps it)
        return CallbackItem.rejected(item.referenceId(), item.personId(), code, null);
    }
}
