package org.esphub.hub.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.esphub.dci.DciOperation;
import org.esphub.dci.DciReasonCode;
import org.esphub.dci.DciRejection;
import org.esphub.dci.DciRequestValidator;
import org.esphub.dci.OpaqueIdFormat;
import org.esphub.governance.consent.ConsentActor;
import org.esphub.governance.consent.DciConsent;
import org.esphub.governance.consent.InvalidConsent;
import org.esphub.governance.consent.NotAPartyToConsent;
import org.esphub.hub.agencies.AgencySenders;
import org.esphub.hub.governance.ConsentAdministration;
import org.esphub.hub.outcomes.ItemOutcome;
import org.esphub.hub.outcomes.ReferralOutcomes;
import org.esphub.hub.signatures.MessageSignatures;
import org.esphub.workers.logging.ReferralLogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes create-referral requests from any channel and accepts each item for one
 * {@code referral-to-pes} instance, with the item's reference_id as business key.
 *
 * <p>Checks everything and records everything in one database transaction, without calling the
 * engine: the dedup rows, the consent, the person's active referral and, per accepted item, a row
 * in the start inbox. The caller is acknowledged once that commits (ADR 0029); the instances are
 * started right after the commit by {@link ReferralStarter}, or by the sweeper if this node cannot.
 * A message seen before (same sender_id and message_id) and an item seen before (same
 * reference_id) start nothing. An item for a person who already has an active referral is refused
 * on its own (the message's other items go ahead) and the sender is told asynchronously. Invalid
 * requests are refused with a {@link org.esphub.dci.DciRejection} before anything is written.
 */
@Service
public class ReferralIntake {

    private static final Logger LOG = LoggerFactory.getLogger(ReferralIntake.class);
    static final String CHANNEL_QUEUE = "JMS";
    static final String CHANNEL_API = "HTTP";

    private final DciRequestValidator validator;
    private final AgencySenders agencySenders;
    private final MessageSignatures signatures;
    private final MessageWindow messageWindow;
    private final IntakeLedger ledger;
    private final ReferralStartInbox startInbox;
    private final StartAfterCommit starts;
    private final ReferralStartProperties startProperties;
    private final ReferralOutcomes outcomes;
    private final ConsentAdministration consents;
    private final EnvelopeAdmission admission;
    private final Clock clock;
    private final int intakeWorkingDays;

    public ReferralIntake(DciRequestValidator validator, AgencySenders agencySenders, IntakeLedger ledger,
            ReferralStartInbox startInbox, StartAfterCommit starts, ReferralStartProperties startProperties,
            ReferralOutcomes outcomes, ConsentAdministration consents, MessageSignatures signatures,
            MessageWindow messageWindow, EnvelopeAdmission admission, Clock clock,
            @Value("${esp.referrals.intake-working-days}") int intakeWorkingDays) {
        this.admission = admission;
        this.validator = validator;
        this.agencySenders = agencySenders;
        this.signatures = signatures;
        this.messageWindow = messageWindow;
        this.ledger = ledger;
        this.startInbox = startInbox;
        this.starts = starts;
        this.startProperties = startProperties;
        this.outcomes = outcomes;
        this.consents = consents;
        this.clock = clock;
        this.intakeWorkingDays = intakeWorkingDays;
    }

    /**
     * Entry point of the {@code esp.referrals.in} route.
     *
     * @param body the message text as received
     * @param jmsCorrelationId the sender's correlation id, if it set one; otherwise the hub makes one
     * @param brokerUser the broker user the broker authenticated the sender as; it must be allowed
     *        to use the envelope's sender_id ({@code esp.agencies.sender-ids}), as an API client must
     */
    @Transactional
    public IntakeReceipt acceptFromQueue(String body, String jmsCorrelationId, String brokerUser) {
        JsonNode envelope = validator.parseAndValidate(DciOperation.CREATE_REFERRAL, body);
        String correlationId = correlationIdOr(jmsCorrelationId);
        StorableEnvelope.check(envelope, correlationId, "JMSCorrelationID");
        String senderId = envelope.get("header").get("sender_id").asText();
        if (brokerUser == null || !agencySenders.mayUse(brokerUser, senderId)) {
            throw new DciRejection(DciReasonCode.SENDER_ID_INVALID,
                    "broker user '" + brokerUser + "' may not send as sender_id '" + senderId + "'");
        }
        messageWindow.check(envelope.get("header"));
        signatures.checkQueueMessage(envelope);
        return accept(envelope, CHANNEL_QUEUE, correlationId);
    }

    /**
     * Entry point of {@code POST /dci/employment/v1.0.0/referrals}: the same intake as the queue,
     * plus what only a synchronous caller can be told. The authenticated client must be allowed
     * to send as the envelope's sender_id, its signature policy applies
     * ({@link MessageSignatures}), and a message_id it sent before is refused with
     * {@code rjct.message_id.duplicate} (on the queue a repeat is a redelivery and is ignored).
     *
     * @param clientId the OAuth2 client that called
     * @param requestCorrelationId the caller's X-Correlation-ID, if any
     */
    @Transactional
    public IntakeReceipt acceptFromApi(String body, String clientId, String requestCorrelationId) {
        JsonNode envelope = validator.parseAndValidate(DciOperation.CREATE_REFERRAL, body);
        String correlationId = correlationIdOr(requestCorrelationId);
        StorableEnvelope.check(envelope, correlationId, "X-Correlation-ID");
        String senderId = envelope.get("header").get("sender_id").asText();
        admission.checkSenderBinding(clientId, senderId);
        messageWindow.check(envelope.get("header"));
        signatures.checkApiRequest(envelope, clientId);
        IntakeReceipt receipt = accept(envelope, CHANNEL_API, correlationId);
        if (receipt.duplicateMessage()) {
            throw new DciRejection(DciReasonCode.MESSAGE_ID_DUPLICATE, "message_id '"
                    + envelope.get("header").get("message_id").asText() + "' from sender '" + senderId
                    + "' was received before; nothing new was accepted");
        }
        return receipt;
    }

    private static String correlationIdOr(String given) {
        return given == null || given.isBlank() ? UUID.randomUUID().toString() : given;
    }

    private IntakeReceipt accept(JsonNode envelope, String channel, String correlationId) {
        try (ReferralLogContext context = ReferralLogContext.open(null, correlationId)) {
            return acceptMessage(envelope, channel, correlationId);
        }
    }

    private IntakeReceipt acceptMessage(JsonNode envelope, String channel, String correlationId) {
        JsonNode header = envelope.get("header");
        JsonNode message = envelope.get("message");
        admission.checkReceiver(header);
        refuseUnusablePersonIds(message.get("referral_request"));
        admission.checkCallbackTarget(header);
        String senderId = header.get("sender_id").asText();
        String messageId = header.get("message_id").asText();
        Instant receivedAt = clock.instant();
        JsonNode items = message.get("referral_request");

        if (!ledger.recordMessage(senderId, messageId, header.get("action").asText(), channel, correlationId,
                message.path("transaction_id").asText(null), header.path("sender_uri").asText(null), items.size(),
                receivedAt)) {
            LOG.info("message {} from {}: taken before; nothing new starts", messageId, senderId);
            return IntakeReceipt.duplicateMessage(correlationId);
        }
        List<IntakeReceipt.Item> taken = new ArrayList<>();
        for (JsonNode item : items) {
            taken.add(acceptOne(item, senderId, messageId, correlationId, receivedAt));
        }
        starts.afterCommit(taken.stream().filter(item -> item.status() == IntakeReceipt.Status.ACCEPTED)
                .map(IntakeReceipt.Item::referenceId).toList());
        return new IntakeReceipt(correlationId, false, taken);
    }

    /** Before anything is written: an id that cannot go into an agency URL refuses the whole message. */
    private static void refuseUnusablePersonIds(JsonNode items) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String personId = items.get(i).path("person_id").asText();
            if (!OpaqueIdFormat.isUsable(personId)) {
                problems.add("$.message.referral_request[" + i + "].person_id: '" + personId + "' must be "
                        + OpaqueIdFormat.DESCRIPTION);
            }
        }
        if (!problems.isEmpty()) {
            throw new DciRejection(DciReasonCode.REQUEST_BAD, "the referral names a person_id the hub cannot use;"
                    + " nothing was stored or started", problems);
        }
    }

    private IntakeReceipt.Item acceptOne(JsonNode item, String senderId, String messageId, String correlationId,
            Instant receivedAt) {
        String referenceId = item.get("reference_id").asText();
        try (ReferralLogContext context = ReferralLogContext.open(referenceId, correlationId)) {
            return acceptOne(item, referenceId, senderId, messageId, correlationId, receivedAt);
        }
    }

    private IntakeReceipt.Item acceptOne(JsonNode item, String referenceId, String senderId, String messageId,
            String correlationId, Instant receivedAt) {
        String personId = item.get("person_id").asText();
        if (ledger.referralExists(referenceId)) {
            LOG.info("referral {}: taken before; nothing new starts", referenceId);
            return IntakeReceipt.Item.duplicate(referenceId);
        }
        String active = ledger.activeReferralOf(personId);
        if (active != null) {
            String reason = "person " + personId + " already has an active referral (" + active
                    + "); no second one is started";
            ledger.recordRejectedReferral(referenceId, personId, senderId, messageId, correlationId,
                    ItemOutcome.DUPLICATE_ACTIVE, reason, receivedAt);
            outcomes.rejectedAtIntake(referenceId, personId, senderId, ItemOutcome.DUPLICATE_ACTIVE, reason);
            LOG.info("referral {}: refused at intake: {}", referenceId, reason);
            return IntakeReceipt.Item.rejected(referenceId, ItemOutcome.DUPLICATE_ACTIVE);
        }
        ledger.openActiveReferral(personId, referenceId, receivedAt);
        recordConsent(item.get("consent"), personId, senderId, referenceId, correlationId);
        ledger.recordReferral(referenceId, personId, senderId, messageId, correlationId, receivedAt);
        JsonNode context = item.path("sp_program_context");
        // the sweeper leaves the item to the after-commit start for a while: it takes it only if that never came
        startInbox.add(new PendingStart(referenceId, personId, senderId, messageId, correlationId, receivedAt,
                item.path("referral_reason").asText(null), context.path("program_id").asText(null),
                context.path("benefit_type").asText(null), intakeWorkingDays, receivedAt, 0),
                receivedAt.plus(startProperties.leftBehindAfter()));
        LOG.info("referral {}: received from {} (message {}), accepted; its process starts once this commits",
                referenceId, senderId, messageId);
        return IntakeReceipt.Item.accepted(referenceId);
    }

    /**
     * Records the DCI Consent an item carries, in this transaction and with its audit record: it
     * exists exactly when the referral does, before the process's first exchange asks for it. The
     * sender records it for itself, so it must be a party of the purpose's agreements. An item
     * without one starts all the same; the data-sharing gate refuses the exchanges that need
     * consent, visibly.
     */
    private void recordConsent(JsonNode consent, String personId, String senderId, String referenceId,
            String correlationId) {
        if (consent == null || consent.isNull()) {
            return;
        }
        try {
            consents.record(DciConsent.toNewConsent(consent, personId, senderId, referenceId),
                    ConsentActor.party(senderId), correlationId);
        } catch (InvalidConsent invalid) {
            throw new DciRejection(DciReasonCode.REQUEST_BAD, "referral " + referenceId
                    + " carries a consent the hub cannot record; nothing was started", DciConsent.problemsOf(invalid));
        } catch (NotAPartyToConsent outsider) {
            throw new DciRejection(DciReasonCode.REQUEST_FORBIDDEN, "referral " + referenceId
                    + " carries a consent its sender may not record; nothing was started", List.of(outsider.getMessage()));
        }
    }
}
