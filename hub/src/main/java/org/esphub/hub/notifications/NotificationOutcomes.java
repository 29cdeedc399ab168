package org.esphub.hub.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.esphub.hub.outcomes.DciCallbacks;
import org.esphub.hub.webhooks.CallbackItems;
import org.esphub.hub.webhooks.ReferralWebhooks;
import org.esphub.hub.webhooks.WebhookEvents;
import org.springframework.stereotype.Component;

/**
 * Each notification's outcome (reached the waiting process, became a task, or refused and why), told
 * beyond the synchronous answer as the other operations tell theirs, in the intake's transaction: as
 * the DCI callback {@code on-send-notification} to the message's {@code header.sender_uri} (none
 * without one) and as the webhook {@code notification_processed} to the sender's subscriptions. A
 * sender's systems that listen rather than read answers learn it the same way as for a referral. Both
 * go through the webhook outbox: retries, the data-sharing gate, the hub's signature.
 */
@Component
class NotificationOutcomes {

    private final DciCallbacks callbacks;
    private final ReferralWebhooks webhooks;

    NotificationOutcomes(DciCallbacks callbacks, ReferralWebhooks webhooks) {
        this.callbacks = callbacks;
        this.webhooks = webhooks;
    }

    void report(JsonNode request, String correlationId, List<NotificationIntake.Outcome> outcomes) {
        String senderId = request.at("/header/sender_id").asText();
        List<Map<String, Object>> items = new ArrayList<>();
        for (NotificationIntake.Outcome outcome : outcomes) {
            // the answer's item, with whom and what it was about: a callback or event stands on its own
            Map<String, Object> item = new LinkedHashMap<>(outcome.asJson());
            item.put("person_id", outcome.personId());
            item.put("notification_type", outcome.notificationType());
            items.add(item);
            Map<String, Object> data = new LinkedHashMap<>(item);
            data.put("correlation_id", correlationId);
            webhooks.aboutRequestOf(senderId, WebhookEvents.NOTIFICATION_PROCESSED, data);
        }
        callbacks.queueItems(request, CallbackItems.ON_SEND_NOTIFICATION, correlationId, items);
    }
}
