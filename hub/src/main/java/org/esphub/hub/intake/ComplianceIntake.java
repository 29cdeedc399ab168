package org.esphub.hub.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.esphub.dci.DciOperation;
import org.esphub.dci.DciReasonCode;
import org.esphub.dci.DciRejection;
import org.esphub.dci.DciRequestValidator;
import org.esphub.dci.OpaqueIdFormat;
import org.esphub.governance.audit.AuditAction;
import org.esphub.governance.gate.DataSharingGate;
import org.esphub.governance.gate.ExchangeRequest;
import org.esphub.hub.agencies.AgencySenders;
import org.esphub.hub.compliance.ComplianceEpisodeFeed;
import org.esphub.hub.compliance.ComplianceRequest;
import org.esphub.hub.compliance.ComplianceRequests;
import org.esphub.hub.outbound.ForbiddenTarget;
import org.esphub.hub.outbound.OutboundTargets;
import org.esphub.hub.outcomes.DciCallbacks;
import org.esphub.hub.signatures.MessageSignatures;
import org.esphub.hub.webhooks.CallbackItems;
import org.esphub.hub.webhooks.ReferralWebhooks;
import org.esphub.hub.webhooks.WebhookEvents;
import org.esphub.workers.logging.ReferralLogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes {@code assess-compliance} requests ({@code POST /compliance/monitor}, PRS.EMPL.05) with the
 * referral intake's checks and ledger: validated against the annex, at most 100 items, idempotent
 * on the sender's message_id and on each item's reference_id. Each item passes the data-sharing
 * gate (exchange {@code api.assess-compliance}: audited, and only the agreement's fields kept), is
 * stored, and its outcome is called back to {@code sender_uri} and raised as {@code compliance_alert},
 * all in one transaction. An item is about a person under activation the sender referred (an
 * active referral); any other is refused on its own. An accepted item is handed to that referral's
 * compliance episode in the same transaction, or held until the episode starts when the activation plan
 * is agreed ({@link ComplianceEpisodeFeed}, ADR 0040); the episode's assessment is called back then.
 */
@Service
public class ComplianceIntake {

    private static final Logger LOG = LoggerFactory.getLogger(ComplianceIntake.class);
    static final String EXCHANGE = "api.assess-compliance";
    static final String PURPOSE = "ACTIVATION_COMPLIANCE";
    /** An item about a person the sender has no active referral for. */
    public static final String NO_REFERRAL = "rjct.compliance.no_referral";

    private final DciRequestValidator validator;
    private final AgencySenders agencySenders;
    private final MessageSignatures signatures;
    private final MessageWindow messageWindow;
    private final IntakeLedger ledger;
    private final ComplianceRequests requests;
    private final ComplianceEpisodeFeed episodes;
    private final DataSharingGate gate;
    private final DciCallbacks callbacks;
    private final ReferralWebhooks webhooks;
    private final OutboundTargets callbackTargets;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final String hubId;

    public ComplianceIntake(DciRequestValidator validator, AgencySenders agencySenders, MessageSignatures signatures,
            MessageWindow messageWindow, IntakeLedger ledger, ComplianceRequests requests,
            ComplianceEpisodeFeed episodes, DataSharingGate gate,
            DciCallbacks callbacks, ReferralWebhooks webhooks, OutboundTargets callbackTargets, ObjectMapper mapper,
            Clock clock, @Value("${esp.hub.sender-id}") String hubId) {
        this.validator = validator;
        this.agencySenders = agencySenders;
        this.signatures = signatures;
        this.messageWindow = messageWindow;
        this.ledger = ledger;
        this.requests = requests;
        this.episodes = episodes;
        this.gate = gate;
        this.callbacks = callbacks;
        this.webhooks = webhooks;
        this.callbackTargets = callbackTargets;
        this.mapper = mapper;
        this.clock = clock;
        this.hubId = hubId;
    }

    /**
     * @param clientId the OAuth2 client that called
     * @param requestCorrelationId the caller's X-Correlation-ID, if any
     * @return the correlation id of the request
     * @throws DciRejection before anything is written, or {@code rjct.message_id.duplicate} for a message seen before
     */
    @Transactional
    public String acceptFromApi(String body, String clientId, String requestCorrelationId) {
        DciOperation operation = DciOperation.ASSESS_COMPLIANCE;
        JsonNode envelope = validator.parseAndValidate(operation, body);
        String correlationId = requestCorrelationId == null || requestCorrelationId.isBlank()
                ? UUID.randomUUID().toString() : requestCorrelationId;
        StorableEnvelope.check(envelope, operation.itemsField(), correlationId, "X-Correlation-ID");
        JsonNode header = envelope.get("header");
        String senderId = header.get("sender_id").asText();
        if (!agencySenders.mayUse(clientId, senderId)) {
            throw new DciRejection(DciReasonCode.SENDER_ID_INVALID,
                    "client '" + clientId + "' may not send as sender_id '" + senderId + "'");
        }
        messageWindow.check(header);
        signatures.checkApiRequest(envelope, clientId);
        String receiverId = header.path("receiver_id").asText(null);
        if (receiverId != null && !hubId.equals(receiverId)) {
            throw new DciRejection(DciReasonCode.RECEIVER_ID_INVALID, "header.receiver_id names another receiver;"
                    + " this hub is '" + hubId + "'");
        }
        JsonNode items = envelope.get("message").get(operation.itemsField());
        refuseUnusableItems(items, operation.itemsField());
        String senderUri = header.path("sender_uri").asText(null);
        refuseForbiddenCallbackTarget(senderUri);

        String messageId = header.get("message_id").asText();
        String transactionId = envelope.get("message").path("transaction_id").asText(null);
        Instant receivedAt = clock.instant();
        if (!ledger.recordMessage(senderId, messageId, header.get("action").asText(), ReferralIntake.CHANNEL_API,
                correlationId, transactionId, senderUri, items.size(), receivedAt)) {
            throw new DciRejection(DciReasonCode.MESSAGE_ID_DUPLICATE, "message_id '" + messageId + "' from sender '"
                    + senderId + "' was received before; nothing new was accepted");
        }
        List<String> senders = List.copyOf(agencySenders.senderIdsOf(clientId));
        for (JsonNode item : items) {
            acceptOne(item, clientId, senderId, senders, messageId, correlationId, transactionId, senderUri,
                    receivedAt);
        }
        return correlationId;
    }

    private void acceptOne(JsonNode item, String clientId, String senderId, List<String> senders, String messageId,
            String correlationId, String transactionId, String senderUri, Instant receivedAt) {
        String referenceId = item.get("reference_id").asText();
        // the log's reference and correlation id, as the referral intake's lines have them
        try (ReferralLogContext context = ReferralLogContext.open(referenceId, correlationId)) {
            acceptOne(item, referenceId, clientId, senderId, senders, messageId, correlationId, transactionId,
                    senderUri, receivedAt);
        }
    }

    @SuppressWarnings("unchecked")
    private void acceptOne(JsonNode item, String referenceId, String clientId, String senderId, List<String> senders,
            String messageId, String correlationId, String transactionId, String senderUri, Instant receivedAt) {
        String personId = item.get("person_id").asText();
        if (requests.exists(referenceId)) {
            LOG.info("compliance request {}: taken before; nothing new", referenceId);
            return;
        }
        // audited as the hub taking it in; what the hub keeps is what the agreement lets through
        Map<String, Object> kept = gate.release(new ExchangeRequest(EXCHANGE, PURPOSE, personId,
                mapper.convertValue(item, Map.class), clientId, correlationId, referenceId, null, null, AuditAction.CREATE)).payload();
        Map<String, Object> period = kept.get("assessment_period") instanceof Map<?, ?> map
                ? (Map<String, Object>) map : Map.of();
        List<String> areas = kept.get("compliance_areas") instanceof List<?> list
                ? list.stream().map(String::valueOf).distinct().toList() : List.of();
        String referral = requests.activeReferralOf(personId, senders);
        String status = referral == null ? ComplianceRequest.REJECTED : ComplianceRequest.RECEIVED;
        String rejectionCode = referral == null ? NO_REFERRAL : null;
        String reason = referral == null ? "person " + personId + " has no active referral from " + String.join(", ", senders)
                + "; compliance is monitored for persons under activation" : null;
        ComplianceRequest request = new ComplianceRequest(referenceId, personId, senderId, messageId, correlationId,
                referral, date(period.get("start_date")), date(period.get("end_date")), areas,
                (String) kept.get("requested_assessment"), status, rejectionCode, reason, receivedAt);
        requests.insert(request);
        if (senderUri != null) {
            callbacks.queue(senderUri, senderId, CallbackItems.ON_ASSESS_COMPLIANCE, transactionId, correlationId,
                    outcome(referenceId, personId, rejectionCode, reason));
        }
        Map<String, Object> alert = new LinkedHashMap<>();
        alert.put("reference_id", referenceId);
        alert.put("person_id", personId);
        alert.put("correlation_id", correlationId);
        alert.put("status", status);
        if (reason == null) {
            alert.put("compliance_status", ComplianceRequest.PENDING);
        } else {
            alert.put("reason", reason);
        }
        webhooks.aboutRequestOf(senderId, WebhookEvents.COMPLIANCE_ALERT, alert);
        LOG.info("compliance request {}: received from {} (message {}), {}", referenceId, senderId, messageId,
                reason == null ? "accepted for the monitoring of referral " + referral : "refused: " + reason);
        // after the PENDING answer: an assessment the episode runs at once answers again with its result
        episodes.feed(request);
    }

    /** The callback item: succ with compliance_status PENDING, or rjct with the reason. */
    private static Map<String, Object> outcome(String referenceId, String personId, String rejectionCode,
            String reason) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("reference_id", referenceId);
        item.put("person_id", personId);
        item.put("status", rejectionCode == null ? "succ" : "rjct");
        if (rejectionCode == null) {
            item.put("compliance_status", ComplianceRequest.PENDING);
        } else {
            item.put("status_reason_code", rejectionCode);
            item.put("status_reason_message", reason);
        }
        return item;
    }

    /** Before anything is written: person ids the hub can use, periods that are real dates in order. */
    private static void refuseUnusableItems(JsonNode items, String itemsField) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String path = "$.message." + itemsField + "[" + i + "].";
            String personId = items.get(i).path("person_id").asText();
            if (!OpaqueIdFormat.isUsable(personId)) {
                problems.add(path + "person_id: '" + personId + "' must be " + OpaqueIdFormat.DESCRIPTION);
            }
            JsonNode period = items.get(i).path("assessment_period");
            LocalDate start = parse(period.path("start_date"), path + "assessment_period.start_date", problems);
            LocalDate end = parse(period.path("end_date"), path + "assessment_period.end_date", problems);
            if (start != null && end != null && end.isBefore(start)) {
                problems.add(path + "assessment_period: end_date is before start_date");
            }
        }
        if (!problems.isEmpty()) {
            throw new DciRejection(DciReasonCode.REQUEST_BAD, "the compliance request has items the hub cannot take;"
                    + " nothing was stored", problems);
        }
    }

    private static LocalDate parse(JsonNode value, String path, List<String> problems) {
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        try {
            return LocalDate.parse(value.asText());
        } catch (DateTimeParseException e) {
            problems.add(path + ": '" + value.asText() + "' is not an ISO date (yyyy-mm-dd)");
            return null;
        }
    }

    private void refuseForbiddenCallbackTarget(String senderUri) {
        if (senderUri == null) {
            return;
        }
        try {
            callbackTargets.checkForRegistration(senderUri);
        } catch (ForbiddenTarget forbidden) {
            throw new DciRejection(DciReasonCode.REQUEST_BAD, "header.sender_uri is not a URL the hub may call back;"
                    + " nothing was stored", List.of("$.header.sender_uri: " + forbidden.getMessage()));
        }
    }

    private static LocalDate date(Object value) {
        return value == null ? null : LocalDate.parse(String.valueOf(value));
    }
}
