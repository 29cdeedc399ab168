package org.esphub.hub.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.esphub.dci.DciReasonCode;
import org.esphub.dci.FieldNames;
import org.esphub.dci.DciRejection;
import org.esphub.hub.status.PesStatusEvents;
import org.esphub.processes.AgencyEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns agency events (from {@code esp.pes.events.in} and {@code esp.sa.events.in}) into BPMN
 * messages, correlated by business key = the event's reference_id.
 *
 * <p>An event can arrive before its process reaches the waiting event (PES may confirm a
 * registration before the worker's completion commits). That is a normal race, not an error:
 * the correlation fails, the JMS transaction rolls back and Artemis redelivers with back-off.
 * Only when the configured attempts are spent is the event parked with its reason.
 */
@Service
public class AgencyEventIntake {

    private static final Logger LOG = LoggerFactory.getLogger(AgencyEventIntake.class);

    private static final Set<String> ENVELOPE_FIELDS = Set.of("event_type", "reference_id");

    private final ObjectMapper mapper;
    private final RuntimeService runtimeService;
    private final PesStatusEvents pesStatusEvents;
    private final IntakeLedger ledger;
    private final Clock clock;
    private final int correlationAttempts;

    public AgencyEventIntake(ObjectMapper mapper, RuntimeService runtimeService, PesStatusEvents pesStatusEvents,
            IntakeLedger ledger, Clock clock, @Value("${esp.messaging.correlation-attempts}") int correlationAttempts) {
        this.mapper = mapper;
        this.runtimeService = runtimeService;
        this.pesStatusEvents = pesStatusEvents;
        this.ledger = ledger;
        this.clock = clock;
        this.correlationAttempts = correlationAttempts;
    }

    /**
     * @param agency who sent it, for the log and the reason (SA, PES)
     * @param body the event envelope as received
     * @param deliveryCount the broker's delivery count (JMSXDeliveryCount), 1 on first delivery
     */
    @Transactional
    public void accept(String agency, String body, Integer deliveryCount) {
        JsonNode envelope = parse(agency, body);
        JsonNode event = envelope.path("message");
        String eventType = requiredText(event, "event_type", agency);
        String referenceId = requiredText(event, "reference_id", agency);
        if (!AgencyEvents.isKnown(eventType)) {
            throw new DciRejection(DciReasonCode.ACTION_NOT_SUPPORTED, agency + " event_type '" + eventType
                    + "' is not one the hub's processes wait for; known: " + AgencyEvents.WAITED_FOR + " and "
                    + AgencyEvents.STARTING);
        }
        if (AgencyEvents.STARTING.contains(eventType)) {
            start(agency, envelope, eventType, referenceId, event);
            return;
        }
        if (seenBefore(agency, envelope.path("header"), eventType, referenceId)) {
            return;
        }
        if ("PES".equals(agency)) {
            // a fact about the person; an event that is redelivered applies it again, harmlessly
            pesStatusEvents.apply(eventType, event);
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
                    .setVariables(variablesOf(event))
                    .correlateWithResult();
            LOG.info("{} event {} correlated to referral {}", agency, eventType, referenceId);
        } catch (MismatchingMessageCorrelationException raced) {
            throw nobodyWaits(agency, eventType, referenceId, deliveryCount);
        }
    }

    /**
     * Starts the process the message starts. A redelivered or resent event (same sender_id and
     * message_id) starts nothing: unlike a waiting process, a start event would take it again.
     */
    private void start(String agency, JsonNode envelope, String eventType, String referenceId, JsonNode event) {
        JsonNode header = envelope.path("header");
        requiredText(header, "sender_id", agency);
        requiredText(header, "message_id", agency);
        if (seenBefore(agency, header, eventType, referenceId)) {
            return;
        }
        runtimeService.createMessageCorrelation(eventType)
                .processInstanceBusinessKey(referenceId)
                .setVariables(variablesOf(event))
                .correlateStartMessage();
        LOG.info("{} event {} started a process for {}", agency, eventType, referenceId);
    }

    /**
     * Records the event by sender_id and message_id, in this transaction; true if it was taken
     * before. An event without both ids (allowed where a process waits for it) is not recorded.
     */
    private boolean seenBefore(String agency, JsonNode header, String eventType, String referenceId) {
        String senderId = header.path("sender_id").asText("");
        String messageId = header.path("message_id").asText("");
        if (senderId.isBlank() || messageId.isBlank()) {
            return false;
        }
        // the ledger's correlation id names a message's processing; an event gets its own
        if (ledger.recordMessage(senderId, messageId, eventType, "JMS", UUID.randomUUID().toString(), null, null, 1,
                clock.instant())) {
            return false;
        }
        LOG.info("{} event {} ({} from {}) was taken before; ignored", agency, eventType, messageId, senderId);
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
        LOG.info("{} event {} for {} has no waiting process yet (attempt {}); it will be redelivered", agency,
                eventType, referenceId, attempt);
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

    /** Every scalar field of the event beyond type and reference, as a camelCase variable. */
    private static VariableMap variablesOf(JsonNode event) {
        VariableMap variables = Variables.createVariables();
        Iterator<Map.Entry<String, JsonNode>> fields = event.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (ENVELOPE_FIELDS.contains(field.getKey()) || !field.getValue().isValueNode()) {
                continue;
            }
            JsonNode value = field.getValue();
            Object javaValue = value.isNull() ? null : value.isBoolean() ? value.asBoolean()
                    : value.isIntegralNumber() ? value.asLong() : value.isNumber() ? value.asDouble() : value.asText();
            variables.putValue(FieldNames.camelCase(field.getKey()), javaValue);
        }
        return variables;
    }
}
