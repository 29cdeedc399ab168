package org.esphub.hub.subsidies;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.esphub.hub.outcomes.DciCallbacks;
import org.esphub.hub.webhooks.CallbackItems;
import org.springframework.stereotype.Component;

/**
 * The DCI callback of an apply-subsidy message ({@code on-apply-subsidy}): each application's outcome
 * at intake (case started, or refused and why), POSTed to the message's {@code header.sender_uri}.
 * Queued in the webhook outbox in the intake's transaction, so it gets the outbox's retries, the
 * data-sharing gate (exchange {@code callback.on-apply-subsidy}) and the hub's signature; a message
 * without sender_uri gets none. A resent application (its case known) is not reported again. The
 * decision itself reaches the employer later, as the subsidy's notice.
 */
@Component
class SubsidyApplicationCallbacks {

    static final String ACTION = CallbackItems.ON_APPLY_SUBSIDY;
    static final String ACCEPTED = "succ";
    static final String REJECTED = "rjct";
    static final String DUPLICATE = "known";
    /** The outcome of a taken application, as the employer's systems read it. */
    static final String OUTCOME_APPLICATION_STARTED = "APPLICATION_STARTED";

    private final DciCallbacks callbacks;

    SubsidyApplicationCallbacks(DciCallbacks callbacks) {
        this.callbacks = callbacks;
    }

    void queue(JsonNode request, String correlationId, List<SubsidyApplicationIntake.Outcome> outcomes) {
        String senderUri = request.at("/header/sender_uri").asText(null);
        List<Map<String, Object>> reported = new ArrayList<>();
        for (SubsidyApplicationIntake.Outcome outcome : outcomes) {
            if (DUPLICATE.equals(outcome.status())) {
                continue;
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("reference_id", outcome.referenceId());
            entry.put("person_id", outcome.personId());
            entry.put("status", outcome.status());
            if (outcome.reasonCode() == null) {
                entry.put("outcome", OUTCOME_APPLICATION_STARTED);
            } else {
                entry.put("status_reason_code", outcome.reasonCode());
                entry.put("status_reason_message", outcome.reason());
            }
            reported.add(entry);
        }
        if (senderUri == null || reported.isEmpty()) {
            return;
        }
        callbacks.queue(senderUri, request.at("/header/sender_id").asText(), ACTION,
                request.at("/message/transaction_id").asText(), correlationId, reported);
    }
}
