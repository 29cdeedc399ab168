package org.esphub.hub.placements;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.esphub.hub.outcomes.DciCallbacks;
import org.esphub.hub.webhooks.CallbackItems;
import org.springframework.stereotype.Component;

/**
 * The DCI callback of a create-placement message ({@code on-create-placement}): each item's
 * outcome at intake (verification started, or refused and why), POSTed to the message's
 * {@code header.sender_uri}. Queued in the webhook outbox in the intake's transaction, so it gets
 * the outbox's retries, the data-sharing gate (exchange {@code callback.on-create-placement}) and
 * the hub's signature; a message without sender_uri gets none. A resent item (reference_id known)
 * is not reported again.
 */
@Component
class PlacementCallbacks {

    static final String ACTION = CallbackItems.ON_CREATE_PLACEMENT;
    /** The item is taken: its job-placement instance waits for the employer's confirmation and the record. */
    static final String ACCEPTED = "succ";
    static final String REJECTED = "rjct";
    static final String DUPLICATE = "known";
    /** The outcome of a taken item, as the sender's systems read it. */
    static final String OUTCOME_VERIFICATION_STARTED = "VERIFICATION_STARTED";

    private final DciCallbacks callbacks;

    PlacementCallbacks(DciCallbacks callbacks) {
        this.callbacks = callbacks;
    }

    void queue(JsonNode request, String correlationId, List<PlacementIntake.Item> items) {
        String senderUri = request.at("/header/sender_uri").asText(null);
        List<Map<String, Object>> reported = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            PlacementIntake.Item item = items.get(i);
            if (DUPLICATE.equals(item.status())) {
                continue;
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("reference_id", item.referenceId());
            entry.put("person_id", request.at("/message/placement_request/" + i + "/person_id").asText());
            entry.put("status", item.status());
            if (item.reasonCode() != null) {
                entry.put("status_reason_code", item.reasonCode());
            } else {
                entry.put("outcome", OUTCOME_VERIFICATION_STARTED);
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
