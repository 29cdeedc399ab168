package org.esphub.hub.verification;

import static org.esphub.processes.EmploymentStatusVerification.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.esphub.hub.webhooks.RetrySchedule;
import org.esphub.hub.webhooks.WebhookDeliveries;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Calls a verification's outcome back to the {@code sender_uri} of the request that asked for it, in the
 * standard's response shape ({@code status_response}, items {@code employment_status_response[]}): once SA
 * has been told the verified status, or that the identity was not resolved. Queued in the webhook outbox
 * in the engine's transaction, so it commits with the step it reports and gets the outbox's retries; the
 * sender releases each item through the data-sharing gate as {@code callback.status_response}, as it does
 * the referrals' callbacks. A verification the hub started itself, or a request without sender_uri, gets none.
 */
@Component
public class VerificationOutcomes {

    static final String ACTION = "status_response";

    private final VerificationLedger ledger;
    private final WebhookDeliveries deliveries;
    private final RetrySchedule retrySchedule;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final String hubSenderId;

    public VerificationOutcomes(VerificationLedger ledger, WebhookDeliveries deliveries,
            RetrySchedule retrySchedule, ObjectMapper mapper, Clock clock,
            @Value("${esp.hub.sender-id}") String hubSenderId) {
        this.ledger = ledger;
        this.deliveries = deliveries;
        this.retrySchedule = retrySchedule;
        this.mapper = mapper;
        this.clock = clock;
        this.hubSenderId = hubSenderId;
    }

    @EventListener
    public void onActivityEnd(HistoricActivityInstanceEventEntity event) {
        if (!PROCESS_KEY.equals(event.getProcessDefinitionKey())
                || !HistoryEventTypes.ACTIVITY_INSTANCE_END.getEventName().equals(event.getEventType())
                || !(NOTIFY_STATUS_VERIFIED.equals(event.getActivityId())
                        || NOTIFY_IDENTITY_UNRESOLVED.equals(event.getActivityId()))) {
            return;
        }
        Map<String, Object> request = ledger.requestOf(event.getProcessInstanceId());
        if (request == null || request.get("sender_uri") == null) {
            return;
        }
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        deliveries.insertCallback(id, (String) request.get("sender_uri"), ACTION,
                envelope(id, now, request, item(event, request, now)),
                retrySchedule.firstAttempt(now), now);
    }

    private static Map<String, Object> item(HistoricActivityInstanceEventEntity event, Map<String, Object> request,
            Instant now) {
        String instance = event.getProcessInstanceId();
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("reference_id", request.get("reference_id"));
        item.put("person_id", request.get("person_id"));
        item.put("timestamp", now.toString());
        if (NOTIFY_IDENTITY_UNRESOLVED.equals(event.getActivityId())) {
            item.put("status", "rjct");
            item.put("status_reason_code", OUTCOME_IDENTITY_UNRESOLVED);
            item.put("status_reason_message", variable(instance, VAR_IDENTITY_NOTE));
            return item;
        }
        item.put("status", "succ");
        item.put("status_reason_code", OUTCOME_STATUS_VERIFIED);
        item.put("employment_status", variable(instance, VAR_EMPLOYMENT_STATUS));
        item.put("confidence_score", variable(instance, VAR_CONFIDENCE));
        item.put("manually_reviewed", variable(instance, VAR_STATUS_REVIEWED_BY) != null);
        item.put("verification_sources", variable(instance, VAR_FINDINGS_SUMMARY));
        return item;
    }

    private String envelope(String messageId, Instant now, Map<String, Object> request, Map<String, Object> item) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("version", "1.0.0");
        header.put("message_id", messageId);
        header.put("message_ts", now.toString());
        header.put("action", ACTION);
        header.put("status", "succ");
        header.put("total_count", 1);
        header.put("completed_count", 1);
        header.put("sender_id", hubSenderId);
        header.put("receiver_id", request.get("sender_id"));
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("transaction_id", request.get("transaction_id"));
        message.put("correlation_id", request.get("correlation_id"));
        message.put("employment_status_response", List.of(item));
        try {
            return mapper.writeValueAsString(Map.of("header", header, "message", message));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("callback of " + request.get("reference_id") + " is not serialisable", e);
        }
    }

    /** Read from the running command's execution: the caseworker or worker who ended the step may not read it. */
    private static Object variable(String processInstanceId, String name) {
        ExecutionEntity instance = Context.getCommandContext().getExecutionManager().findExecutionById(processInstanceId);
        return instance == null ? null : instance.getVariable(name);
    }
}
