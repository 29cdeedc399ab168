package org.esphub.hub.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
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
 * registration before the worker's completion commits, or before a worker that died is replaced).
 * That is a normal race, not an error: the JMS transaction rolls back and Artemis redelivers
 * with back-off. When the configured attempts are spent and the process is on its way to wait for
 * it ({@link WaitAhead}), the event is held ({@link EarlyEventHold}) and taken once the process
 * waits, however long the step before takes (ADR 0035); otherwise it is parked with its reason.
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
    private final WaitAhead waitAhead;
    private final EarlyEventHold hold;
    private final EarlyEventProperties early;

    /** What became of an event. */
    public enum Outcome {
        /** Correlated into its process, or started one. */
        TAKEN,
        /** The same sender sent this message_id before: nothing done again. */
        TAKEN_BEFORE,
        /** Its process is on its way to wait for it: held until it does. */
        HELD
    }

    public AgencyEventIntake(ObjectMapper mapper, RuntimeService runtimeService, PesStatusEvents pesStatusEvents,
            IntakeLedger ledger, Clock clock, @Value("${esp.messaging.correlation-attempts}") int correlationAttempts,
            AgencySenders agencies, MessageSignatures signatures, AgencyEventSchemas schemas,
            ReferralParticipants participants, WaitAhead waitAhead, EarlyEventHold hold, EarlyEventProperties early) {
        this.waitAhead = waitAhead;
        this.hold = hold;
        this.early = early;
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
    public Outcome accept(String agency, String body, Integer deliveryCount, String brokerUser) {
        return admit(agency, parse(agency, body), deliveryCount, brokerUser, null);
    }

    /**
     * Tries a held event again, with every check it passed when it came: the process may have
     * moved on, the sender may have lost its part since. Taken (or taken before), it is held no
     * more, in the same transaction.
     *
     * @return {@link Outcome#HELD} while its process is still on its way to wait for it
     * @throws DciRejection once it will not be taken: its process went on without waiting for it,
     *         or it was held for {@link EarlyEventProperties#holdFor()}; the caller parks it
     * @throws EventNotYetExpected if the process stopped waiting while it was taken (a race); retried later
     */
    @Transactional
    public Outcome retryHeld(HeldEvent held) {
        Outcome outcome = admit(held.agency(), parse(held.agency(), held.envelope()), null, held.brokerUser(), held);
        if (outcome != Outcome.HELD) {
            hold.release(held);
        }
        return outcome;
    }

    private Outcome admit(String agency, JsonNode envelope, Integer deliveryCount, String brokerUser,
            HeldEvent held) {
        JsonNode header = envelope.path("header");
        JsonNode event = envelope.path("message");
        String senderId = requiredText(header, "sender_id", agency);
        requiredText(header, "message_id", agency);
        if (brokerUser == null || !agencies.mayUse(brokerUser, senderId)) {
            throw new DciRejection(DciReasonCode.SENDER_ID_INVALID,
                    "broker user '" + brokerUser + "' may not send as sender_id '" + senderId + "'");
        }
        String eventType = requiredText(event, "event_type", agency);
        // an employer knows the placement PES reported, not the referral that took it
        String referenceId = participants.caseOf(requiredText(event, "reference_id", agency));
        Optional<ReferralParticipants.Referral> referral = participants.referral(referenceId);
        try (ReferralLogContext context = ReferralLogContext.open(referenceId,
                referral.map(ReferralParticipants.Referral::correlationId).orElse(null))) {
            return take(new Arrival(agency, envelope, senderId, eventType, referenceId, brokerUser, deliveryCount,
                    held), referral);
        }
    }

    /** One event on its way in: from the queue ({@code held} null) or from the hold. */
    private record Arrival(String agency, JsonNode envelope, String senderId, String eventType, String referenceId,
            String brokerUser, Integer deliveryCount, HeldEvent held) {

        String messageId() {
            return envelope.path("header").path("message_id").asText();
        }
    }

    private Outcome take(Arrival arrival, Optional<ReferralParticipants.Referral> referral) {
        String agency = arrival.agency();
        String senderId = arrival.senderId();
        String eventType = arrival.eventType();
        String referenceId = arrival.referenceId();
        JsonNode header = arrival.envelope().path("header");
        JsonNode event = arrival.envelope().path("message");
        AgencyEventContract contract = AgencyEvents.contractOf(eventType).orElseThrow(() -> new DciRejection(
                DciReasonCode.ACTION_NOT_SUPPORTED, agency + " event_type '" + eventType
                        + "' is not one the hub's processes wait for; known: " + AgencyEvents.CONTRACTS.keySet()));
        AgencyKind kind = agencies.kindOf(senderId).filter(contract.senders()::contains)
                .orElseThrow(() -> new DciRejection(DciReasonCode.REQUEST_FORBIDDEN, "sender_id '" + senderId
                        + "' (" + agencies.kindOf(senderId).map(Enum::name).orElse("no agency kind")
                        + ") may not send " + eventType + "; only " + contract.senders() + " may"));
        signatures.checkQueueMessage(arrival.envelope());
        schemas.check(contract, event, senderId);
        if (contract.startsProcess()) {
            // a decision taken outside the hub may have no referral; if it has one, its SA must be the sender
            if (referral.isPresent() && !participants.takesPart(kind, senderId, referenceId, referral.get())) {
                throw notAParticipant(senderId, referenceId);
            }
            return start(agency, header, eventType, referenceId, contract, event);
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
        // asking first keeps the normal race (event before wait state) out of the engine's error log
        boolean someoneWaits = runtimeService.createExecutionQuery()
                .processInstanceBusinessKey(referenceId)
                .messageEventSubscriptionName(eventType)
                .count() > 0;
        if (!someoneWaits) {
            return nobodyWaitsYet(arrival);
        }
        if (seenBefore(agency, header, eventType, referenceId, UUID.randomUUID().toString())) {
            return Outcome.TAKEN_BEFORE;
        }
        if (statusFinding) {
            // a fact about the referral's person (not whoever the event names); a redelivery applies it again, harmlessly
            pesStatusEvents.apply(eventType, known.personId(), referenceId, event);
        }
        try {
            runtimeService.createMessageCorrelation(eventType)
                    .processInstanceBusinessKey(referenceId)
                    .setVariables(AgencyEventVariables.of(contract, event))
                    .correlateWithResult();
            LOG.info("referral {}: {} event {} from {} taken", referenceId, agency, eventType, senderId);
            return Outcome.TAKEN;
        } catch (MismatchingMessageCorrelationException raced) {
            // the ledger row of this transaction must not stay: roll back, and the next try decides again
            throw arrival.held() == null
                    ? nobodyWaits(agency, eventType, referenceId, arrival.deliveryCount())
                    : new EventNotYetExpected(eventType, referenceId);
        }
    }

    /**
     * Nobody waits for the event now. Taken before: nothing to do. From the queue: redelivered
     * while attempts remain; then held if its process is on its way to wait for it, else parked.
     * From the hold: held on while its process is still on its way (within the hold time), else parked.
     */
    private Outcome nobodyWaitsYet(Arrival arrival) {
        String eventType = arrival.eventType();
        String referenceId = arrival.referenceId();
        if (ledger.knowsMessage(arrival.senderId(), arrival.messageId())) {
            LOG.info("referral {}: {} event {} ({} from {}) was taken before; ignored", referenceId, arrival.agency(),
                    eventType, arrival.messageId(), arrival.senderId());
            return Outcome.TAKEN_BEFORE;
        }
        HeldEvent held = arrival.held();
        Instant now = clock.instant();
        if (held == null) {
            // the usual race is over in milliseconds: the broker's redelivery serves it; only an
            // event that outlasts the attempts (its worker died, its node is down) is held
            boolean attemptsLeft = (arrival.deliveryCount() == null ? 1 : arrival.deliveryCount()) < correlationAttempts;
            if (attemptsLeft || !waitAhead.headsFor(referenceId, eventType)) {
                throw nobodyWaits(arrival.agency(), eventType, referenceId, arrival.deliveryCount());
            }
            hold.hold(new HeldEvent(arrival.senderId(), arrival.messageId(), arrival.agency(), eventType, referenceId,
                    arrival.brokerUser(), arrival.envelope().toString(), now, 0, now.plus(early.firstRetry())));
            LOG.info("referral {}: {} event {} came before its process waits for it; held until it does",
                    referenceId, arrival.agency(), eventType);
            return Outcome.HELD;
        }
        boolean inTime = now.isBefore(held.heldAt().plus(early.holdFor()));
        if (inTime && waitAhead.headsFor(referenceId, eventType)) {
            return Outcome.HELD;
        }
        throw new DciRejection(DciReasonCode.REQUEST_NOT_FOUND, "no process for reference_id '" + referenceId
                + "' waits for " + eventType + " (held since " + held.heldAt() + "; "
                + (inTime ? "its process went on without waiting for it"
                        : "its process did not come to wait for it within " + early.holdFor()) + ")");
    }

    private static DciRejection notAParticipant(String senderId, String referenceId) {
        return new DciRejection(DciReasonCode.REQUEST_FORBIDDEN, "sender_id '" + senderId
                + "' takes no part in referral '" + referenceId + "'");
    }

    /**
     * Starts the process the message starts. A redelivered or resent event (same sender_id and
     * message_id) starts nothing: unlike a waiting process, a start event would take it again.
     */
    private Outcome start(String agency, JsonNode header, String eventType, String referenceId,
            AgencyEventContract contract, JsonNode event) {
        // the process's own correlation id, as a referral's: what it sends on is traced back to this event
        String correlationId = UUID.randomUUID().toString();
        if (seenBefore(agency, header, eventType, referenceId, correlationId)) {
            return Outcome.TAKEN_BEFORE;
        }
        runtimeService.createMessageCorrelation(eventType)
                .processInstanceBusinessKey(referenceId)
                .setVariables(AgencyEventVariables.of(contract, event))
                .setVariable(AgencyEvents.VAR_CORRELATION_ID, correlationId)
                .correlateStartMessage();
        LOG.info("referral {}: {} event {} started its process", referenceId, agency, eventType);
        return Outcome.TAKEN;
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
