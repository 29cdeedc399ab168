package org.esphub.hub.training;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.esphub.hub.outcomes.CallbackItem;
import org.esphub.hub.outcomes.DciCallbacks;
import org.esphub.hub.webhooks.CallbackItems;
import org.esphub.hub.webhooks.ReferralWebhooks;
import org.esphub.hub.webhooks.WebhookEvents;
import org.esphub.processes.TrainingEnrolment;
import org.springframework.stereotype.Component;

/**
 * Each training request's outcome at intake (enrolment started, taken by the person's referral, or
 * refused and why), told twice in the intake's transaction: as the DCI callback
 * {@code on-enroll-training} to the message's {@code header.sender_uri} (none without one) and as the
 * webhook {@code benefit_enrolled} at step {@code TrainingRequested} to the sender's subscriptions. Both go through the webhook outbox, so
 * they get its retries, the data-sharing gate and the hub's signature. A resent item (reference_id
 * known) is not reported again.
 */
@Component
class TrainingOutcomes {

    /** The outcome of a taken item, as the sender's systems read it. */
    static final String OUTCOME_ENROLMENT_STARTED = "ENROLMENT_STARTED";
    /**
     * The outcome of an item the person's running referral took: its counsellor's programme choice
     * opened with the request.
     */
    static final String OUTCOME_ATTACHED_TO_REFERRAL = "ATTACHED_TO_REFERRAL";

    private final DciCallbacks callbacks;
    private final ReferralWebhooks webhooks;

    TrainingOutcomes(DciCallbacks callbacks, ReferralWebhooks webhooks) {
        this.callbacks = callbacks;
        this.webhooks = webhooks;
    }

    void report(JsonNode request, String correlationId, List<TrainingBenefitIntake.Item> items) {
        String senderId = request.at("/header/sender_id").asText();
        for (TrainingBenefitIntake.Item item : items) {
            if (!CallbackItem.KNOWN.equals(item.status())) {
                webhooks.aboutRequestOf(senderId, WebhookEvents.BENEFIT_ENROLLED, webhookData(item, correlationId));
            }
        }
        callbacks.queueOutcomes(request, CallbackItems.ON_ENROLL_TRAINING, correlationId,
                items.stream().map(TrainingBenefitIntake.Item::told).toList());
    }

    /** The lifecycle webhooks' shape (process, step), the refusal code as the training's outcome. */
    private static Map<String, Object> webhookData(TrainingBenefitIntake.Item item, String correlationId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("reference_id", item.referenceId());
        data.put("person_id", item.personId());
        data.put("correlation_id", correlationId);
        data.put("process", TrainingEnrolment.PROCESS_KEY);
        data.put("step", TrainingEnrolment.TRAINING_REQUESTED);
        if (item.programmeId() != null) {
            data.put("programme_id", item.programmeId());
        }
        if (item.reasonCode() != null) {
            data.put("training_outcome", item.reasonCode());
        }
        return data;
    }
}
