package org.esphub.hub.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.esphub.dci.DciReasonCode;
import org.esphub.dci.DciRejection;
import org.esphub.hub.agencies.AgencySenders;
import org.esphub.hub.signatures.MessageSignatures;
import org.esphub.hub.status.PesStatusEvents;
import org.esphub.processes.AgencyEventContract;
import org.esphub.processes.AgencyEvents;
import org.esphub.processes.AgencyKind;
import org.esphub.workers.logging.ReferralLogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns agency events (from {@code esp.pes.events.in} and {@code esp.sa.events.in}) into BPMN
 * messages, correlated by business key = the event's reference_id.
 *
 * <p>An event is taken only under its contract ({@link AgencyEvents}): its broker user may use its
 * sender_id, the sender is a kind of agency that may send that type, its signature verifies (and
 * is there where the sender must sign), its message matches the type's schema, the sender takes
 * part in the referral ({@link ReferralParticipants}), and its message_id is new. It then sets
 * only the variables its contract lists. Anything else is refused with a reason and parked.
 *
 * <p>An event can arrive before its process reaches the waiting event (PES may confirm a
 * registration before the worker's completion commits). That is a normal race, not an error:
 * the correlation fails, the JMS transaction rolls back and Artemis redelivers with back-off.
 * Only when the configured attempts are spent is the event parked with its reason.
 */
@Service
public class AgencyEventIntake {

    private static final Logger LOG = LoggerFactory.getLogger(AgencyEventIntake.class);

    private final ObjectMapper mapper;
    private final RuntimeService runtimeService;
    private final PesStatusEvents pesStatusEvents;
    private final IntakeLedger ledger;
    private final Clock clock;
    private final int correlationAttempts;
    private final AgencySenders agencies;
    private final MessageSignatures signatures;
    private final AgencyEventSchemas schemas;
    private final ReferralParticipants participants;

    public AgencyEventIntake(ObjectMapper mapper, RuntimeService runtimeService, PesStatusEvents pesStatusEvents,
            IntakeLedger ledger, Clock clock, @Value("${esp.messaging.correlation-attempts}") int correlationAttempts,
            AgencySenders agencies, MessageSignatures signatures, AgencyEventSchemas schemas,
            ReferralParticipants participants) {
        this.agencies = agencies;
        this.signatures = signatures;
        this.schemas = schemas;
        this.participants = participants;
        this.mapper = mapper;
        this.runtimeService = runtimeService;
        this.pesStatusEvents = pesStatusEvents;
        this.ledger = ledger;
        this.clock = clock;
        this.correlationAttempts = correlationAttempts;
    }

    /**
     * @param agency which queue it came from, for the log and the reason (SA, PES)
     * @param body the event envelope as received
     * @param deliveryCount the broker's delivery count (JMSXDeliveryCount), 1 on first delivery
     * @param brokerUser the broker user the broker authenticated the sender as
     */
    @Transactional
    public void accept(String agency, String body, Integer deliveryCount, String brokerUser) {
        JsonNode envelope = parse(agency, body);
        JsonNode header = envelope.path("header");
        JsonNode event = envelope.path("message");
        String senderId = requiredText(header, "sender_id", agency);
        requiredText(header, "message_id", agency);
        if (brokerUser == null || !agencies.mayUse(brokerUser, senderId)) {
            throw new DciRejection(DciReasonCode.SENDER_ID_INVALID,
                    "broker user '" + brokerUser + "' may not send as sender_id '" + senderId + "'");
        }
        String eventType = requiredText(event, "event_type", agency);
        String referenceId = requiredText(event, "reference_id", agency);
        Optional<ReferralParticipants.Referral> referral = participants.referral(referenceId);
        try (ReferralLogContext context = ReferralLogContext.open(referenceId,
                referral.map(ReferralParticipants.Referral::correlationId).orElse(null))) {
            take(agency, envelope, senderId, eventType, referenceId, referral, deliveryCount);
        }
    }

    private void take(String agency, JsonNode envelope, String senderId, String eventType, String referenceId,
            Optional<ReferralParticipants.Referral> referral, Integer deliveryCount) {
        JsonNode header = envelope.path("header");
        JsonNode event = envelope.path("message");
        AgencyEventContract contract = AgencyEvents.contractOf(eventType).orElseThrow(() -> new DciRejection(
                DciReasonCode.ACTION_NOT_SUPPORTED, agency + " event_type '" + eventType
                        + "' is not one the hub's processes wait for; known: " + AgencyEvents.CONTRACTS.keySet()));
        AgencyKind kind = agencies.kindOf(senderId).filter(contract.senders()::contains)
                .orElseThrow(() -> new DciRejection(DciReasonCode.REQUEST_FORBIDDEN, "sender_id '" + senderId
                        + "' (" + agencies.kindOf(senderId).map(Enum::name).orElse("no agency kind")
                        + ") may not send " + eventType + "; only " + contract.senders() + " may"));
        signatures.checkQueueMessage(envelope);
        schemas.check(contract, event, senderId);
        if (contract.startsProcess()) {
            // a decision taken outside the hub may have no referral; if it has one, its SA must be the sender
            if (referral.isPresent() && !participants.takesPart(kind, senderId, referenceId, referral.get())) {
                throw notAParticipant(senderId, referenceId);
            }
            start(agency, header, eventType, referenceId, contract, event);
            return;
        }
        ReferralParticipants.Referral known = referral.orElseThrow(() -> new DciRejection(
                DciReasonCode.REQUEST_NOT_FOUND, "no referral with reference_id '" + referenceId + "'; " + eventType
                        + " from " + senderId + " has nowhere to go"));
        if (!participants.takesPart(kind, senderId, referenceId, known)) {
            throw notAParticipant(senderId, referenceId);
        }
        boolean statusFinding = kind == AgencyKind.PES && pesStatusEvents.isStatusFinding(eventType);
        if (statusFinding) {
            pesStatusEvents.checkOccurredAt(event);
        }
        if (seenBefore(agency, header, eventType, referenceId, UUID.randomUUID().toString())) {
            return;
        }
        if (statusFinding) {
            // a fact about the referral's person (not whoever the event names); a redelivery applies it again, harmlessly
            pesStatusEvents.apply(eventType, known.personId(), referenceId, event);
        }
        // asking first keeps the normal race (event before wait state) out of the engine's error log
        boolean someoneWaits = runtimeService.createExecutionQuery()
                .processInstanceBusinessKey(referenceId)
                .messageEventSubscriptionName(eventType)
                .count() > 0;
        if (!someoneWaits) {
            throw nobodyWaits(agency, eventType, referenceId, deliveryCount);
        }
        try {
            runtimeService.createMessageCorrelation(eventType)
                    .processInstanceBusinessKey(referenceId)
                    .setVariables(AgencyEventVariables.of(contract, event))
                    .correlateWithResult();
            LOG.info("referral {}: {} event {} from {} taken", referenceId, agency, eventType, senderId);
        } catch (MismatchingMessageCorrelationException raced) {
            throw nobodyWaits(agency, eventType, referenceId, deliveryCount);
        }
    }

    private static DciRejection notAParticipant(String senderId, String referenceId) {
        return new DciRejection(DciReasonCode.REQUEST_FORBIDDEN, "sender_id '" + senderId
                + "' takes no part in referral '" + referenceId + "'");
    }

    /**
     * Starts the process the message starts. A redelivered or resent event (same sender_id and
     * message_id) starts nothing: unlike a waiting process, a start event would take it again.
     */
    private void start(String agency, JsonNode header, String eventType, String referenceId,
            AgencyEventContract contract, JsonNode event) {
        // the process's own correlation id, as a referral's: what it sends on is traced back to this event
        String correlationId = UUID.randomUUID().toString();
        if (seenBefore(agency, header, eventType, referenceId, correlationId)) {
            return;
        }
        runtimeService.createMessageCorrelation(eventType)
                .processInstanceBusinessKey(referenceId)
                .setVariables(AgencyEventVariables.of(contract, event))
                .setVariable(AgencyEvents.VAR_CORRELATION_ID, correlationId)
                .correlateStartMessage();
        LOG.info("referral {}: {} event {} started its process", referenceId, agency, eventType);
    }

    /**
     * Records the event by sender_id and message_id under its own correlation id (the ledger's
     * correlation id names a message's processing), in this transaction; true if it was taken before.
     */
    private boolean seenBefore(String agency, JsonNode header, String eventType, String referenceId,
            String correlationId) {
        String senderId = header.path("sender_id").asText();
        String messageId = header.path("message_id").asText();
        if (ledger.recordMessage(senderId, messageId, eventType, "JMS", correlationId, null, null, 1,
                clock.instant())) {
            return false;
        }
        LOG.info("referral {}: {} event {} ({} from {}) was taken before; ignored", referenceId, agency, eventType,
                messageId, senderId);
        return true;
    }

    /**
     * Nobody waits for the event (yet): redeliver while attempts remain, then park it with a reason.
     */
    private RuntimeException nobodyWaits(String agency, String eventType, String referenceId, Integer deliveryCount) {
        int attempt = deliveryCount == null ? 1 : deliveryCount;
        if (attempt >= correlationAttempts) {
            return new DciRejection(DciReasonCode.REQUEST_NOT_FOUND, "no process for reference_id '" + referenceId
                    + "' waits for " + eventType + " (tried " + attempt + " times)");
        }
        LOG.debug("referral {}: {} event {} has no waiting process yet (attempt {}); it will be redelivered",
                referenceId, agency, eventType, attempt);
        return new EventNotYetExpected(eventType, referenceId);
    }

    private JsonNode parse(String agency, String body) {
        try {
            JsonNode tree = body == null ? null : mapper.readTree(body);
            if (tree == null || !tree.path("message").isObject()) {
                throw new DciRejection(DciReasonCode.REQUEST_BAD,
                        agency + " event must be a JSON envelope with a 'message' object");
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw new DciRejection(DciReasonCode.REQUEST_BAD, agency + " event is not valid JSON: "
                    + e.getOriginalMessage());
        }
    }

    private static String requiredText(JsonNode part, String field, String agency) {
        JsonNode value = part.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new DciRejection(DciReasonCode.REQUEST_BAD, agency + " event lacks " + field);
        }
        return value.asText();
    }
}
