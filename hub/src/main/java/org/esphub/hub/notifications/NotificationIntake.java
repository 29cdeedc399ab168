package org.esphub.hub.notifications;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.esphub.dci.CompanionOperation;
import org.esphub.dci.DciRejection;
import org.esphub.governance.audit.AuditAction;
import org.esphub.hub.intake.AdmittedMessage;
import org.esphub.hub.intake.AgencyEventSchemas;
import org.esphub.hub.intake.AgencyEventVariables;
import org.esphub.hub.intake.ApiItem;
import org.esphub.hub.intake.ApiItemIntake;
import org.esphub.hub.intake.ApiItemOperation;
import org.esphub.hub.intake.ApiItemTerms;
import org.esphub.hub.intake.ReferralParticipants;
import org.esphub.hub.intake.ReferralParticipants.Referral;
import org.esphub.hub.intake.TakenMessage;
import org.esphub.processes.AgencyEventContract;
import org.esphub.processes.AgencyEvents;
import org.esphub.processes.AgencyKind;
import org.esphub.processes.AgencyNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code POST /notifications} (API.EMPL.06): an agency tells the hub something about a case it
 * takes part in (a referral, a placement PES reported, a training enrolment; found by the item's
 * reference_id as {@link ReferralParticipants} finds it). Each item either
 * <ul>
 *   <li>reaches the process of the case that waits for it: its notification_type names an agency
 *       event ({@link AgencyEvents}) the sender may send and a process of the case waits for; its
 *       notification_data are the event's fields, checked against the event's schema and setting
 *       only the variables the event's contract lists, as the queues' intake does; or</li>
 *   <li>becomes a task "Read notification from &lt;agency&gt;" ({@code agency-notification}) for
 *       the caseworkers who own the case on the other side: PES's for what SA, a provider or an
 *       employer says, SA's for what PES says about a case SA takes part in; or</li>
 *   <li>is refused with a reason: unknown reference, another person, a sender that takes no part in
 *       the case, an event the sender may not send or whose data do not fit. A refused item changes
 *       nothing.</li>
 * </ul>
 * The message as a whole is checked first, as every API item's is ({@link ApiItemIntake}: schema
 * {@link CompanionOperation#SEND_NOTIFICATION}, sender, signature, gate: exchange {@link #EXCHANGE},
 * each item audited) and is idempotent on message_id; the answer lists each item's outcome, which is
 * also called back and raised as a webhook ({@link NotificationOutcomes}). All in one transaction
 * with the engine's writes. This class is the per-item step.
 */
@Service
public class NotificationIntake implements ApiItemOperation<NotificationIntake.Outcome> {

    /** The agreements' name of this operation (agency-case-notifications). */
    public static final String EXCHANGE = "api.send-notification";
    public static final String PURPOSE = "CASE_NOTIFICATION";
    public static final String UNKNOWN_REFERENCE = "rjct.notification.unknown_reference";
    public static final String OTHER_PERSON = "rjct.notification.other_person";
    public static final String NOT_A_PARTICIPANT = "rjct.notification.not_a_participant";
    public static final String EVENT_NOT_ALLOWED = "rjct.notification.event_not_allowed";
    public static final String NO_INBOX = "rjct.notification.no_inbox";
    private static final Set<AgencyKind> SENDERS = Set.of(AgencyKind.SA, AgencyKind.PES, AgencyKind.TVET_PROVIDER,
            AgencyKind.EMPLOYER);
    private static final ApiItemTerms TERMS = new ApiItemTerms(CompanionOperation.SEND_NOTIFICATION, SENDERS,
            "only SA, PES, training providers and employers send notifications about the cases they take part in",
            EXCHANGE, PURPOSE, AuditAction.UPDATE, "the notifications name ids the hub cannot use; nothing was"
            + " stored or started");
    private static final Logger LOG = LoggerFactory.getLogger(NotificationIntake.class);

    private final ApiItemIntake intake;
    private final ReferralParticipants participants;
    private final AgencyEventSchemas eventSchemas;
    private final CaseInboxes inboxes;
    private final NotificationRegister register;
    private final NotificationOutcomes reported;
    private final RuntimeService runtimeService;
    private final ObjectMapper mapper;

    public NotificationIntake(ApiItemIntake intake, ReferralParticipants participants,
            AgencyEventSchemas eventSchemas, CaseInboxes inboxes, NotificationRegister register,
            NotificationOutcomes reported, RuntimeService runtimeService, ObjectMapper mapper) {
        this.intake = intake;
        this.participants = participants;
        this.eventSchemas = eventSchemas;
        this.inboxes = inboxes;
        this.register = register;
        this.reported = reported;
        this.runtimeService = runtimeService;
        this.mapper = mapper;
    }

    /** One item's outcome in the answer: succ with where it went, or rjct with the reason. */
    public record Outcome(String referenceId, String personId, String notificationType, String status,
            String deliveredAs, String message, String reasonCode) {

        static Outcome refused(JsonNode item, String reasonCode, String message) {
            return new Outcome(item.get("reference_id").asText(), item.get("person_id").asText(),
                    item.get("notification_type").asText(), "rjct", null, message, reasonCode);
        }

        static Outcome delivered(JsonNode item, String deliveredAs, String message) {
            return new Outcome(item.get("reference_id").asText(), item.get("person_id").asText(),
                    item.get("notification_type").asText(), "succ", deliveredAs, message, null);
        }

        Map<String, Object> asJson() {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("reference_id", referenceId);
            item.put("status", status);
            item.put("message", message);
            if (deliveredAs != null) {
                item.put("delivered_as", deliveredAs);
            }
            if (reasonCode != null) {
                item.put("status_reason_code", reasonCode);
            }
            return item;
        }
    }

    /**
     * @param clientId the OAuth2 client that called; it must be allowed to send as the envelope's sender_id
     * @return the companion's answer: transaction_id and notification_responses, one per item in order
     * @throws DciRejection when the message is refused as a whole; nothing was written then
     */
    @Transactional
    public Map<String, Object> accept(String body, String clientId, String correlationId) {
        TakenMessage<Outcome> taken = intake.take(this, body, clientId, correlationId);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("transaction_id", taken.message().transactionId());
        answer.put("correlation_id", correlationId);
        answer.put("notification_responses", taken.outcomes().stream().map(Outcome::asJson).toList());
        return answer;
    }

    @Override
    public ApiItemTerms terms() {
        return TERMS;
    }

    @Override
    public Outcome accept(ApiItem taken, AdmittedMessage message) {
        JsonNode item = taken.json();
        Outcome outcome = deliver(item, message.senderKind(), message.senderId(), message.messageId(),
                message.correlationId(), message.receivedAt());
        LOG.info("notification {} about {} from {} (message {}): {} {}", item.get("notification_type").asText(),
                outcome.referenceId(), message.senderId(), message.messageId(), outcome.status(), outcome.message());
        return outcome;
    }

    @Override
    public void report(AdmittedMessage message, List<Outcome> outcomes) {
        reported.report(message.envelope(), message.correlationId(), outcomes);
    }

    private Outcome deliver(JsonNode item, AgencyKind kind, String senderId, String messageId, String correlationId,
            Instant receivedAt) {
        String referenceId = item.get("reference_id").asText();
        String personId = item.get("person_id").asText();
        String type = item.get("notification_type").asText();
        Optional<Referral> found = participants.referral(referenceId);
        if (found.isEmpty()) {
            return Outcome.refused(item, UNKNOWN_REFERENCE, "no referral, placement or training enrolment"
                    + " with reference_id '" + referenceId + "'; nothing was changed");
        }
        Referral known = found.get();
        if (!known.personId().equals(personId)) {
            return Outcome.refused(item, OTHER_PERSON, "case '" + referenceId + "' is not about person '"
                    + personId + "'; nothing was changed");
        }
        if (!participants.takesPart(kind, senderId, referenceId, known)) {
            return Outcome.refused(item, NOT_A_PARTICIPANT, "sender_id '" + senderId + "' takes no part in"
                    + " case '" + referenceId + "'; nothing was changed");
        }
        Optional<AgencyEventContract> event = AgencyEvents.contractOf(type).filter(contract -> !contract.startsProcess());
        if (event.isPresent() && someoneWaits(referenceId, type)) {
            return correlate(item, event.get(), kind, senderId, messageId, receivedAt);
        }
        return toInbox(item, known, kind, senderId, messageId, correlationId, receivedAt);
    }

    /** The event a process of the case waits for, under the same contract as on the queues. */
    private Outcome correlate(JsonNode item, AgencyEventContract contract, AgencyKind kind, String senderId,
            String messageId, Instant receivedAt) {
        String referenceId = item.get("reference_id").asText();
        String type = contract.eventType();
        if (!contract.senders().contains(kind)) {
            return Outcome.refused(item, EVENT_NOT_ALLOWED, type + " may be sent only by " + contract.senders()
                    + ", not by '" + senderId + "'; nothing was changed");
        }
        ObjectNode event = item.path("notification_data").isObject() ? item.get("notification_data").deepCopy()
                : mapper.createObjectNode();
        event.put("event_type", type);
        event.put("reference_id", referenceId);
        try {
            eventSchemas.check(contract, event, senderId);
        } catch (DciRejection unfit) {
            return Outcome.refused(item, EVENT_NOT_ALLOWED, unfit.getMessage() + ": " + unfit.getDetails()
                    + "; nothing was changed");
        }
        try {
            MessageCorrelationResult result = runtimeService.createMessageCorrelation(type)
                    .processInstanceBusinessKey(referenceId)
                    .setVariables(AgencyEventVariables.of(contract, event))
                    .correlateWithResult();
            String instanceId = result.getExecution() != null ? result.getExecution().getProcessInstanceId() : null;
            register.record(UUID.randomUUID().toString(), referenceId, item.get("person_id").asText(), senderId,
                    messageId, type, NotificationRegister.CORRELATED, instanceId, receivedAt);
            return Outcome.delivered(item, NotificationRegister.CORRELATED,
                    type + " reached the process of case '" + referenceId + "' that waited for it");
        } catch (MismatchingMessageCorrelationException gone) {
            // asked a moment ago; only a concurrent change of the same case gets here
            return Outcome.refused(item, EVENT_NOT_ALLOWED, "no process of case '" + referenceId
                    + "' waits for " + type + " any more; nothing was changed");
        }
    }

    private Outcome toInbox(JsonNode item, Referral known, AgencyKind kind, String senderId, String messageId,
            String correlationId, Instant receivedAt) {
        String referenceId = item.get("reference_id").asText();
        Optional<String> group = inboxes.groupFor(kind, known);
        if (group.isEmpty()) {
            return Outcome.refused(item, NO_INBOX, "no caseworker group works for the agency that owns case '"
                    + referenceId + "' (esp.agencies.group-parties); nothing was changed");
        }
        CaseInboxes.Names names = inboxes.namesOf(referenceId, known.personId());
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(AgencyNotification.VAR_REFERENCE_ID, referenceId);
        variables.put(AgencyNotification.VAR_PERSON_ID, known.personId());
        variables.put(AgencyNotification.VAR_GIVEN_NAME, names.given());
        variables.put(AgencyNotification.VAR_FAMILY_NAME, names.family());
        variables.put(AgencyNotification.VAR_CORRELATION_ID, correlationId);
        variables.put(AgencyNotification.VAR_CASEWORKER_GROUP, group.get());
        variables.put(AgencyNotification.VAR_SENDER_ID, senderId);
        variables.put(AgencyNotification.VAR_NOTIFICATION_TYPE, item.get("notification_type").asText());
        variables.put(AgencyNotification.VAR_NOTIFICATION_PRIORITY, item.path("priority").asText("normal"));
        variables.put(AgencyNotification.VAR_NOTIFICATION_DATA, dataText(item.path("notification_data")));
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(AgencyNotification.PROCESS_KEY,
                referenceId, variables);
        register.record(UUID.randomUUID().toString(), referenceId, known.personId(), senderId, messageId,
                item.get("notification_type").asText(), NotificationRegister.INBOX, instance.getId(), receivedAt);
        return Outcome.delivered(item, NotificationRegister.INBOX,
                "a task for " + group.get() + " to read");
    }

    private boolean someoneWaits(String referenceId, String messageName) {
        return runtimeService.createExecutionQuery().processInstanceBusinessKey(referenceId)
                .messageEventSubscriptionName(messageName).count() > 0;
    }

    private String dataText(JsonNode data) {
        if (data.isMissingNode() || data.isNull()) {
            return "";
        }
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON object is not serialisable", e);
        }
    }
}
