package org.esphub.hub.placements;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.esphub.dci.DciOperation;
import org.esphub.dci.DciReasonCode;
import org.esphub.dci.DciRejection;
import org.esphub.dci.DciRequestValidator;
import org.esphub.dci.OpaqueIdFormat;
import org.esphub.governance.audit.AuditAction;
import org.esphub.governance.gate.DataSharingGate;
import org.esphub.governance.gate.ExchangeRequest;
import org.esphub.governance.storage.StoredField;
import org.esphub.hub.intake.EnvelopeAdmission;
import org.esphub.hub.intake.IntakeLedger;
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
 * <p>All in one transaction with the engine's writes: the message row (a message_id sent before is
 * refused and changes nothing), the items and their instances; a message is taken whole or not at
 * all. Every item passes the data-sharing gate (exchange {@link #EXCHANGE}) before anything is
 * written, so a message the agreements do not cover is refused and audited as such. For a person with
 * an active referral the placement enters that referral's job-placement while its counsellor is
 * matching ({@link JobPlacement#MESSAGE_PLACEMENT_ATTACHED}), so the benefit is adjusted through the
 * referral, once; in any other stage of the referral the item is refused with the reason.
 */
@Service
public class PlacementIntake {

    /** The agreements' name of this operation (pes-placement-reports). */
    public static final String EXCHANGE = "api.create-placement";
    /** The purpose PES reports and updates placements for (agreement pes-placement-reports). */
    public static final String PURPOSE = PesReportedPlacement.PURPOSE_PLACEMENT_REPORTING;
    /** The item refusal when the person's referral is in a stage that cannot take a placement. */
    public static final String REFERRAL_ACTIVE = "rjct.placement.referral_active";
    /** The item refusal when its reference_id already names a referral. */
    public static final String REFERENCE_TAKEN = "rjct.placement.reference_taken";
    /** Who reports and updates placements through the API. */
    static final Set<AgencyKind> PES = Set.of(AgencyKind.PES);
    static final String ONLY_PES = "only the Public Employment Service reports and updates placements";
    private static final Logger LOG = LoggerFactory.getLogger(PlacementIntake.class);

    private final DciRequestValidator validator;
    private final EnvelopeAdmission admission;
    private final IntakeLedger ledger;
    private final PlacementRegister register;
    private final PlacementCallbacks callbacks;
    private final DataSharingGate gate;
    private final RuntimeService runtimeService;
    private final ObjectMapper mapper;
    private final Clock clock;

    public PlacementIntake(DciRequestValidator validator, EnvelopeAdmission admission, IntakeLedger ledger,
            PlacementRegister register, PlacementCallbacks callbacks, DataSharingGate gate,
            RuntimeService runtimeService, ObjectMapper mapper, Clock clock) {
        this.validator = validator;
        this.admission = admission;
        this.ledger = ledger;
        this.register = register;
        this.callbacks = callbacks;
        this.gate = gate;
        this.runtimeService = runtimeService;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** What happened to one item: started, known before (a resend) or refused with a reason. */
    public record Item(String referenceId, String status, String reasonCode) {
    }

    /**
     * @param clientId the OAuth2 client that called; it must be allowed to send as the envelope's sender_id
     * @param correlationId the caller's X-Correlation-ID or one the hub made
     * @throws DciRejection when the message is refused as a whole; nothing was written then
     */
    @Transactional
    public List<Item> accept(String body, String clientId, String correlationId) {
        JsonNode envelope = validator.parseAndValidate(DciOperation.CREATE_PLACEMENT, body);
        JsonNode header = envelope.get("header");
        JsonNode items = envelope.at("/message/placement_request");
        admission.admit(envelope, clientId, correlationId, PES, ONLY_PES);
        refuseUnusableIds(items);
        String senderId = header.get("sender_id").asText();
        String messageId = header.get("message_id").asText();
        for (JsonNode item : items) {
            passGate(item, clientId, correlationId);
        }
        Instant receivedAt = clock.instant();
        if (!ledger.recordMessage(senderId, messageId, header.get("action").asText(), EnvelopeAdmission.CHANNEL_API,
                correlationId, envelope.at("/message/transaction_id").asText(null),
                header.path("sender_uri").asText(null), items.size(), receivedAt)) {
            throw new DciRejection(DciReasonCode.MESSAGE_ID_DUPLICATE, "message_id '" + messageId + "' from sender '"
                    + senderId + "' was received before; nothing new was accepted");
        }
        List<Item> taken = new ArrayList<>();
        for (JsonNode item : items) {
            taken.add(acceptOne(item, senderId, messageId, correlationId, receivedAt));
        }
        callbacks.queue(envelope, correlationId, taken);
        return taken;
    }

    private Item acceptOne(JsonNode item, String senderId, String messageId, String correlationId,
            Instant receivedAt) {
        String referenceId = item.get("reference_id").asText();
        String personId = item.get("person_id").asText();
        if (register.find(referenceId).isPresent()) {
            LOG.info("placement {}: taken before; nothing new starts", referenceId);
            return new Item(referenceId, PlacementCallbacks.DUPLICATE, null);
        }
        if (ledger.referralExists(referenceId)) {
            // one business key, one case: agency events about it must not find two processes
            String reason = "reference_id " + referenceId + " is a referral's; a placement needs its own";
            register.recordRejected(referenceId, personId, senderId, messageId, correlationId, REFERENCE_TAKEN, reason,
                    receivedAt);
            LOG.info("placement {}: refused at intake: {}", referenceId, reason);
            return new Item(referenceId, PlacementCallbacks.REJECTED, REFERENCE_TAKEN);
        }
        String activeReferral = ledger.activeReferralOf(personId);
        if (activeReferral != null) {
            return attachToReferral(item, activeReferral, senderId, messageId, correlationId, receivedAt);
        }
        ProcessInstance placement = runtimeService.createMessageCorrelation(
                        PesReportedPlacement.MESSAGE_PLACEMENT_MADE_BY_PES)
                .processInstanceBusinessKey(referenceId)
                .setVariables(PlacementTerms.startVariables(item, correlationId))
                .correlateStartMessage();
        // the call runs in this transaction, so its job-placement exists now: updates and events go there
        String jobPlacement = runtimeService.createProcessInstanceQuery().superProcessInstanceId(placement.getId())
                .singleResult().getId();
        register.recordStarted(referenceId, personId, senderId, messageId, correlationId, jobPlacement, receivedAt);
        LOG.info("placement {}: reported by {} (message {}), verification started", referenceId, senderId, messageId);
        return new Item(referenceId, PlacementCallbacks.ACCEPTED, null);
    }

    /**
     * The person's referral takes the placement while its counsellor is matching a vacancy: the job ends
     * the matching and goes to the verification there, and the referral adjusts the benefit. In any other
     * stage (intake, training, a proposal out, a job already under way) the item is refused.
     */
    private Item attachToReferral(JsonNode item, String referralId, String senderId, String messageId,
            String correlationId, Instant receivedAt) {
        String referenceId = item.get("reference_id").asText();
        String personId = item.get("person_id").asText();
        Execution matching = runtimeService.createExecutionQuery()
                .processInstanceBusinessKey(referralId)
                .messageEventSubscriptionName(JobPlacement.MESSAGE_PLACEMENT_ATTACHED)
                .singleResult();
        if (matching == null) {
            String reason = "person " + personId + " has an active referral (" + referralId + ") that is not matching"
                    + " a vacancy now (intake, training, a proposal or a job under way); a placement is taken there"
                    + " only while its counsellor matches, so no second placement is started";
            register.recordRejected(referenceId, personId, senderId, messageId, correlationId, REFERRAL_ACTIVE, reason,
                    receivedAt);
            LOG.info("placement {}: refused at intake: {}", referenceId, reason);
            return new Item(referenceId, PlacementCallbacks.REJECTED, REFERRAL_ACTIVE);
        }
        // to the scope the boundary event continues in, after the match task's own output mappings ran
        runtimeService.createMessageCorrelation(JobPlacement.MESSAGE_PLACEMENT_ATTACHED)
                .processInstanceId(matching.getProcessInstanceId())
                .setVariablesToTriggeredScope(PlacementTerms.jobVariables(item))
                .correlateWithResult();
        register.recordAttached(referenceId, personId, senderId, messageId, correlationId,
                matching.getProcessInstanceId(), referralId, receivedAt);
        LOG.info("placement {}: reported by {} (message {}), taken by referral {} for its verification", referenceId,
                senderId, messageId, referralId);
        return new Item(referenceId, PlacementCallbacks.ACCEPTED, null);
    }

    /** The item as the agreements know it: refused (403, audited) unless an agreement lets PES report it. */
    @SuppressWarnings("unchecked")
    private void passGate(JsonNode item, String clientId, String correlationId) {
        String referenceId = item.get("reference_id").asText();
        gate.release(new ExchangeRequest(EXCHANGE, PURPOSE,
                item.get("person_id").asText(), mapper.convertValue(item, Map.class), clientId, correlationId,
                referenceId, null, null, AuditAction.CREATE));
    }

    /** Before anything is written: ids that cannot be stored or used in an agency URL refuse the whole message. */
    private static void refuseUnusableIds(JsonNode items) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String at = "$.message.placement_request[" + i + "].";
            String personId = items.get(i).path("person_id").asText();
            if (!OpaqueIdFormat.isUsable(personId)) {
                problems.add(at + "person_id: '" + personId + "' must be " + OpaqueIdFormat.DESCRIPTION);
            }
            EnvelopeAdmission.addProblem(problems, StoredField.REFERENCE_ID,
                    at + "reference_id", items.get(i).path("reference_id").asText());
        }
        if (!problems.isEmpty()) {
            throw new DciRejection(DciReasonCode.REQUEST_BAD, "the placements name ids the hub cannot use;"
                    + " nothing was stored or started", problems);
        }
    }
}
