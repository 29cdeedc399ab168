package org.esphub.hub.training;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.esphub.dci.DciOperation;
import org.esphub.dci.DciRejection;
import org.esphub.governance.audit.AuditAction;
import org.esphub.governance.consent.ConsentRegistry;
import org.esphub.governance.storage.StoredField;
import org.esphub.hub.intake.AdmittedMessage;
import org.esphub.hub.intake.ApiItem;
import org.esphub.hub.intake.ApiItemIntake;
import org.esphub.hub.intake.ApiItemOperation;
import org.esphub.hub.intake.ApiItemTerms;
import org.esphub.hub.intake.CaseStage;
import org.esphub.hub.intake.EnvelopeAdmission;
import org.esphub.hub.intake.IntakeLedger;
import org.esphub.hub.outcomes.CallbackItem;
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
 * <p>Taken as every API item is ({@link ApiItemIntake}): all in one transaction with the engine's
 * writes, the message row (a message_id sent before is refused and changes nothing), the items and
 * their instances; every item passes the data-sharing gate (exchange {@link #EXCHANGE}) before
 * anything is written. This class is the per-item step. For a person with an active referral
 * the request becomes that referral's programme choice while its counsellor chooses
 * ({@link TrainingEnrolment#MESSAGE_TRAINING_REQUEST_ATTACHED}), so SA decides the benefit there, once;
 * in any other stage of the referral the item is refused ({@link #REFERRAL_ACTIVE}) naming the stage.
 */
@Service
public class TrainingBenefitIntake implements ApiItemOperation<TrainingBenefitIntake.Item> {

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
    private static final Set<AgencyKind> SENDERS = Set.of(AgencyKind.PES, AgencyKind.TVET_PROVIDER);
    private static final ApiItemTerms TERMS = new ApiItemTerms(DciOperation.ENROLL_TRAINING, SENDERS,
            "only the Public Employment Service and training providers request training enrolments", EXCHANGE,
            PURPOSE, AuditAction.CREATE, "the training requests name values the hub cannot use; nothing was stored"
            + " or started");
    private static final Logger LOG = LoggerFactory.getLogger(TrainingBenefitIntake.class);

    private final ApiItemIntake intake;
    private final IntakeLedger ledger;
    private final TrainingEnrolmentRegister register;
    private final PlacementRegister placements;
    private final TrainingOutcomes outcomes;
    private final ConsentRegistry consents;
    private final CaseStage stage;
    private final RuntimeService runtimeService;

    public TrainingBenefitIntake(ApiItemIntake intake, IntakeLedger ledger, TrainingEnrolmentRegister register,
            PlacementRegister placements, TrainingOutcomes outcomes, ConsentRegistry consents, CaseStage stage,
            RuntimeService runtimeService) {
        this.intake = intake;
        this.ledger = ledger;
        this.register = register;
        this.placements = placements;
        this.outcomes = outcomes;
        this.consents = consents;
        this.stage = stage;
        this.runtimeService = runtimeService;
    }

    /** What happened to one item: started, known before (a resend) or refused with a reason. */
    public record Item(String referenceId, String personId, String programmeId, String status, String reasonCode,
            String reason, String referralId) {

        /**
         * As the callback tells it. The referral's reference_id is not told: the sender may be a provider
         * that is no party to the referral.
         */
        CallbackItem told() {
            return new CallbackItem(referenceId, personId, status, reasonCode, reason, Map.of(CallbackItem.OUTCOME,
                    referralId == null ? TrainingOutcomes.OUTCOME_ENROLMENT_STARTED
                            : TrainingOutcomes.OUTCOME_ATTACHED_TO_REFERRAL));
        }
    }

    /**
     * @param clientId the OAuth2 client that called; it must be allowed to send as the envelope's sender_id
     * @param correlationId the caller's X-Correlation-ID or one the hub made
     * @throws DciRejection when the message is refused as a whole; nothing was written then
     */
    @Transactional
    public void accept(String body, String clientId, String correlationId) {
        intake.take(this, body, clientId, correlationId);
    }

    @Override
    public ApiItemTerms terms() {
        return TERMS;
    }

    /** Beyond the ids: a programme id the hub can store, and the request's own values ({@link TrainingRequest}). */
    @Override
    public void addProblems(JsonNode item, String at, List<String> problems) {
        EnvelopeAdmission.addProblem(problems, StoredField.PROGRAM_ID, at + "training_program.program_id",
                item.at("/training_program/program_id").asText(null));
        TrainingRequest.addProblems(item, at, problems);
    }

    @Override
    public void report(AdmittedMessage message, List<Item> taken) {
        outcomes.report(message.envelope(), message.correlationId(), taken);
    }

    @Override
    public Item accept(ApiItem taken, AdmittedMessage message) {
        JsonNode item = taken.json();
        String referenceId = taken.referenceId();
        String personId = taken.personId();
        String programmeId = programmeOf(item);
        if (register.find(referenceId).isPresent()) {
            LOG.info("training {}: taken before; nothing new starts", referenceId);
            return new Item(referenceId, personId, programmeId, CallbackItem.KNOWN, null, null, null);
        }
        if (ledger.referralExists(referenceId) || placements.find(referenceId).isPresent()) {
            // one business key, one case: agency events about it must not find two processes
            return refuse(taken, message, REFERENCE_TAKEN, "reference_id " + referenceId
                    + " names another case of the hub; a training enrolment needs its own");
        }
        String activeReferral = ledger.activeReferralOf(personId);
        if (activeReferral != null) {
            return attachToReferral(taken, activeReferral, message);
        }
        Instant receivedAt = message.receivedAt();
        if (consents.ofPerson(personId, TrainingEnrolment.PURPOSE_EMPLOYMENT_ACTIVATION).stream()
                .noneMatch(consent -> consent.activeAt(receivedAt))) {
            return refuse(taken, message, NO_CONSENT, "person " + personId + " has no active consent for "
                    + TrainingEnrolment.PURPOSE_EMPLOYMENT_ACTIVATION + "; the provider and SA may not learn of the"
                    + " training without it (record it: POST /api/consents)");
        }
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(TrainingEnrolment.PROCESS_KEY,
                referenceId, TrainingRequest.startVariables(item, message.correlationId(), UnnamedPerson.GIVEN_NAME));
        register.recordStarted(referenceId, personId, message.senderId(), message.messageId(),
                message.correlationId(), programmeId, instance.getId(), receivedAt);
        LOG.info("training {}: requested by {} (message {}), enrolment started", referenceId, message.senderId(),
                message.messageId());
        return new Item(referenceId, personId, programmeId, CallbackItem.ACCEPTED, null, null, null);
    }

    /**
     * The person's referral takes the request while its counsellor chooses a programme: the choice opens
     * again filled in with it, and SA decides the benefit there, once. In any other stage (intake, the job
     * search, a training already chosen or under way) the item is refused, naming the stage.
     */
    private Item attachToReferral(ApiItem taken, String referralId, AdmittedMessage message) {
        String referenceId = taken.referenceId();
        String personId = taken.personId();
        String programmeId = programmeOf(taken.json());
        Execution choosing = runtimeService.createExecutionQuery()
                .processInstanceBusinessKey(referralId)
                .messageEventSubscriptionName(TrainingEnrolment.MESSAGE_TRAINING_REQUEST_ATTACHED)
                .singleResult();
        if (choosing == null) {
            return refuse(taken, message, REFERRAL_ACTIVE, "person " + personId + " has an active referral ("
                    + referralId + ") at " + stage.of(referralId) + "; a training is taken there only while its PES"
                    + " counsellor chooses a programme, so no second training is started");
        }
        // to the scope the boundary event continues in, after the choice's own output mappings ran
        runtimeService.createMessageCorrelation(TrainingEnrolment.MESSAGE_TRAINING_REQUEST_ATTACHED)
                .processInstanceId(choosing.getProcessInstanceId())
                .setVariablesToTriggeredScope(TrainingRequest.choiceVariables(taken.json()))
                .correlateWithResult();
        register.recordAttached(referenceId, personId, message.senderId(), message.messageId(),
                message.correlationId(), programmeId, choosing.getProcessInstanceId(), referralId,
                message.receivedAt());
        LOG.info("training {}: requested by {} (message {}), taken by referral {} for its programme choice",
                referenceId, message.senderId(), message.messageId(), referralId);
        return new Item(referenceId, personId, programmeId, CallbackItem.ACCEPTED, null, null, referralId);
    }

    private Item refuse(ApiItem taken, AdmittedMessage message, String code, String reason) {
        String referenceId = taken.referenceId();
        String personId = taken.personId();
        String programmeId = programmeOf(taken.json());
        register.recordRejected(referenceId, personId, message.senderId(), message.messageId(),
                message.correlationId(), programmeId, code, reason, message.receivedAt());
        LOG.info("training {}: refused at intake: {}", referenceId, reason);
        return new Item(referenceId, personId, programmeId, CallbackItem.REJECTED, code, reason, null);
    }

    private static String programmeOf(JsonNode item) {
        return item.at("/training_program/program_id").asText(null);
    }
}
