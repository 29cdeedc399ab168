package org.esphub.hub.verification;

import static org.esphub.processes.EmploymentStatusVerification.*;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.esphub.hub.outcomes.DciCallbacks;
import org.esphub.hub.webhooks.CallbackItems;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Calls a verification's outcome back to the {@code sender_uri} of the request that asked for it, in the
 * standard's response shape ({@link CallbackItems#STATUS_RESPONSE}, items {@code employment_status_response[]}): once SA
 * has been told the verified status, or that the identity was not resolved. Queued in the webhook outbox
 * in the engine's transaction, so it commits with the step it reports and gets the outbox's retries; the
 * sender releases each item through the data-sharing gate as {@code callback.status_response}, as it does
 * the referrals' callbacks. A verification the hub started itself, or a request without sender_uri, gets none.
 */
@Component
public class VerificationOutcomes {

    private final VerificationLedger ledger;
    private final DciCallbacks callbacks;

    public VerificationOutcomes(VerificationLedger ledger, DciCallbacks callbacks) {
        this.ledger = ledger;
        this.callbacks = callbacks;
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
        callbacks.queue((String) request.get("sender_uri"), (String) request.get("sender_id"),
                CallbackItems.STATUS_RESPONSE, (String) request.get("transaction_id"),
                (String) request.get("correlation_id"), item(event, request));
    }

    private static Map<String, Object> item(HistoricActivityInstanceEventEntity event, Map<String, Object> request) {
        String instance = event.getProcessInstanceId();
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("reference_id", request.get("reference_id"));
        item.put("person_id", request.get("person_id"));
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

    /** Read from the running command's execution: the caseworker or worker who ended the step may not read it. */
    private static Object variable(String processInstanceId, String name) {
        ExecutionEntity instance = Context.getCommandContext().getExecutionManager().findExecutionById(processInstanceId);
        return instance == null ? null : instance.getVariable(name);
    }
}
