package org.esphub.hub.training;

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
import org.esphub.governance.consent.ConsentRegistry;
import org.esphub.governance.gate.DataSharingGate;
import org.esphub.governance.gate.ExchangeRequest;
import org.esphub.governance.storage.StoredField;
import org.esphub.hub.intake.CaseStage;
import org.esphub.hub.intake.EnvelopeAdmission;
import org.esphub.hub.intake.IntakeLedger;
import org.esphub.hub.placements.PlacementRegister;
import org.esphub.processes.AgencyKind;
import org.esphub.processes.TrainingEnrolment;
import org.esphub.processes.UnnamedPerson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code POST /training-benefits} (PRS.EMPL.03): PES or a training provider asks for a person's
 * training. Outside a referral (PES-initiated training) each new item starts a
 * {@code training-enrolment} instance, business key = the item's reference_id; the counsellor's
 * programme choice opens with the requested programme and benefits filled in, and SA decides the
 * training benefit as in a referral's training.
 *
 * <p>All in one transaction with the engine's writes: the message row (a message_id sent before is
 * refused and changes nothing), the items and their instances. Every item passes the data-sharing
 * gate (exchange {@link #EXCHANGE}) before anything is written. For a person with an active referral
 * the request becomes that referral's programme choice while its counsellor chooses
 * ({@link TrainingEnrolment#MESSAGE_TRAINING_REQUEST_ATTACHED}), so SA decides the benefit there, once;
 * in any other stage of the referral the item is refused ({@link #REFERRAL_ACTIVE}) naming the stage.
 */
@Service
public class TrainingBenefitIntake {

    /** The agreements' name of this operation (pes-training-enrolments). */
    public static final String EXCHANGE = "api.enroll-training";
    /** The purpose training outside a referral is requested for (agreement pes-training-enrolments). */
    public static final String PURPOSE = "TRAINING_ENROLMENT";
    /** The item refusal when the person's referral is in a stage where no training choice is open. */
    public static final String REFERRAL_ACTIVE = "rjct.training.referral_active";
    /**
     * The item refusal when the person has given no consent to the activation's exchanges: the
     * enrolment's first exchange with the provider would be refused by the gate, and the enrolment
     * would end there without anyone told.
     */
    public static final String NO_CONSENT = "rjct.training.no_consent";
    /** The item refusal when its reference_id already names another case of the hub. */
    public static final String REFERENCE_TAKEN = "rjct.training.reference_taken";
    static final Set<AgencyKind> SENDERS = Set.of(AgencyKind.PES, AgencyKind.TVET_PROVIDER);
    private static final String ONLY_SENDERS =
            "only the Public Employment Service and training providers request training enrolments";
    private static final Logger LOG = LoggerFactory.getLogger(TrainingBenefitIntake.class);

    private final DciRequestValidator validator;
    private final EnvelopeAdmission admission;
    private final IntakeLedger ledger;
    private final TrainingEnrolmentRegister register;
    private final PlacementRegister placements;
    private final TrainingOutcomes outcomes;
    private final DataSharingGate gate;
    private final ConsentRegistry consents;
    private final CaseStage stage;
    private final RuntimeService runtimeService;
    private final ObjectMapper mapper;
    private final Clock clock;

    public TrainingBenefitIntake(DciRequestValidator validator, EnvelopeAdmission admission, IntakeLedger ledger,
            TrainingEnrolmentRegister register, PlacementRegister placements, TrainingOutcomes outcomes,
            DataSharingGate gate, ConsentRegistry consents, CaseStage stage, RuntimeService runtimeService,
            ObjectMapper mapper, Clock clock) {
        this.validator = validator;
        this.admission = admission;
        this.ledger = ledger;
        this.register = register;
        this.placements = placements;
        this.outcomes = outcomes;
        this.gate = gate;
        this.consents = consents;
        this.stage = stage;
        this.runtimeService = runtimeService;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** What happened to one item: started, known before (a resend) or refused with a reason. */
    record Item(String referenceId, String personId, String programmeId, String status, String reasonCode,
            String reason, String referralId) {
    }

    /**
     * @param clientId the OAuth2 client that called; it must be allowed to send as the envelope's sender_id
     * @param correlationId the caller's X-Correlation-ID or one the hub made
     * @throws DciRejection when the message is refused as a whole; nothing was written then
     */
    @Transactional
    public void accept(String body, String clientId, String correlationId) {
        JsonNode envelope = validator.parseAndValidate(DciOperation.ENROLL_TRAINING, body);
        JsonNode header = envelope.get("header");
        JsonNode items = envelope.at("/message/training_request");
        admission.admit(envelope, clientId, correlationId, SENDERS, ONLY_SENDERS);
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
        outcomes.report(envelope, correlationId, taken);
    }

    private Item acceptOne(JsonNode item, String senderId, String messageId, String correlationId,
            Instant receivedAt) {
        String referenceId = item.get("reference_id").asText();
        String personId = item.get("person_id").asText();
        String programmeId = item.at("/training_program/program_id").asText(null);
        if (register.find(referenceId).isPresent()) {
            LOG.info("training {}: taken before; nothing new starts", referenceId);
            return new Item(referenceId, personId, programmeId, TrainingOutcomes.DUPLICATE, null, null, null);
        }
        if (ledger.referralExists(referenceId) || placements.find(referenceId).isPresent()) {
            // one business key, one case: agency events about it must not find two processes
            return refuse(item, senderId, messageId, correlationId, receivedAt, REFERENCE_TAKEN, "reference_id "
                    + referenceId + " names another case of the hub; a training enrolment needs its own");
        }
        String activeReferral = ledger.activeReferralOf(personId);
        if (activeReferral != null) {
            return attachToReferral(item, activeReferral, senderId, messageId, correlationId, receivedAt);
        }
        if (consents.ofPerson(personId, TrainingEnrolment.PURPOSE_EMPLOYMENT_ACTIVATION).stream()
                .noneMatch(consent -> consent.activeAt(receivedAt))) {
            return refuse(item, senderId, messageId, correlationId, receivedAt, NO_CONSENT, "person " + personId
                    + " has no active consent for " + TrainingEnrolment.PURPOSE_EMPLOYMENT_ACTIVATION + "; the"
                    + " provider and SA may not learn of the training without it (record it: POST /api/consents)");
        }
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(TrainingEnrolment.PROCESS_KEY,
                referenceId, TrainingRequest.startVariables(item, correlationId, UnnamedPerson.GIVEN_NAME));
        register.recordStarted(referenceId, personId, senderId, messageId, correlationId, programmeId,
                instance.getId(), receivedAt);
        LOG.info("training {}: requested by {} (message {}), enrolment started", referenceId, senderId, messageId);
        return new Item(referenceId, personId, programmeId, TrainingOutcomes.ACCEPTED, null, null, null);
    }

    /**
     * The person's referral takes the request while its counsellor chooses a programme: the choice opens
     * again filled in with it, and SA decides the benefit there, once. In any other stage (intake, the job
     * search, a training already chosen or under way) the item is refused, naming the stage.
     */
    private Item attachToReferral(JsonNode item, String referralId, String senderId, String messageId,
            String correlationId, Instant receivedAt) {
        String referenceId = item.get("reference_id").asText();
        String personId = item.get("person_id").asText();
        String programmeId = item.at("/training_program/program_id").asText(null);
        Execution choosing = runtimeService.createExecutionQuery()
                .processInstanceBusinessKey(referralId)
                .messageEventSubscriptionName(TrainingEnrolment.MESSAGE_TRAINING_REQUEST_ATTACHED)
                .singleResult();
        if (choosing == null) {
            return refuse(item, senderId, messageId, correlationId, receivedAt, REFERRAL_ACTIVE, "person " + personId
                    + " has an active referral (" + referralId + ") at " + stage.of(referralId) + "; a training is"
                    + " taken there only while its PES counsellor chooses a programme, so no second training is"
                    + " started");
        }
        // to the scope the boundary event continues in, after the choice's own output mappings ran
        runtimeService.createMessageCorrelation(TrainingEnrolment.MESSAGE_TRAINING_REQUEST_ATTACHED)
                .processInstanceId(choosing.getProcessInstanceId())
                .setVariablesToTriggeredScope(TrainingRequest.choiceVariables(item))
                .correlateWithResult();
        register.recordAttached(referenceId, personId, senderId, messageId, correlationId, programmeId,
                choosing.getProcessInstanceId(), referralId, receivedAt);
        LOG.info("training {}: requested by {} (message {}), taken by referral {} for its programme choice",
                referenceId, senderId, messageId, referralId);
        return new Item(referenceId, personId, programmeId, TrainingOutcomes.ACCEPTED, null, null, referralId);
    }

    private Item refuse(JsonNode item, String senderId, String messageId, String correlationId, Instant receivedAt,
            String code, String reason) {
        String referenceId = item.get("reference_id").asText();
        String personId = item.get("person_id").asText();
        String programmeId = item.at("/training_program/program_id").asText(null);
        register.recordRejected(referenceId, personId, senderId, messageId, correlationId, programmeId, code, reason,
                receivedAt);
        LOG.info("training {}: refused at intake: {}", referenceId, reason);
        return new Item(referenceId, personId, programmeId, TrainingOutcomes.REJECTED, code, reason, null);
    }

    /** The item as the agreements know it: refused (403, audited) unless an agreement lets the sender request it. */
    @SuppressWarnings("unchecked")
    private void passGate(JsonNode item, String clientId, String correlationId) {
        gate.release(new ExchangeRequest(EXCHANGE, PURPOSE, item.get("person_id").asText(),
                mapper.convertValue(item, Map.class), clientId, correlationId, item.get("reference_id").asText(),
                null, null, AuditAction.CREATE));
    }

    /** Before anything is written: ids that cannot be stored or used in an agency URL refuse the whole message. */
    private static void refuseUnusableIds(JsonNode items) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String at = "$.message.training_request[" + i + "].";
            JsonNode item = items.get(i);
            String personId = item.path("person_id").asText();
            if (!OpaqueIdFormat.isUsable(personId)) {
                problems.add(at + "person_id: '" + personId + "' must be " + OpaqueIdFormat.DESCRIPTION);
            }
            EnvelopeAdmission.addProblem(problems, StoredField.REFERENCE_ID, at + "reference_id",
                    item.path("reference_id").asText());
            EnvelopeAdmission.addProblem(problems, StoredField.PROGRAM_ID, at + "training_program.program_id",
                    item.at("/training_program/program_id").asText(null));
            TrainingRequest.addProblems(item, at, problems);
        }
        if (!problems.isEmpty()) {
            throw new DciRejection(DciReasonCode.REQUEST_BAD, "the training requests name values the hub cannot use;"
                    + " nothing was stored or started", problems);
        }
    }
}
