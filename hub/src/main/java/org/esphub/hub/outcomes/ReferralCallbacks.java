package org.esphub.hub.outcomes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.esphub.hub.webhooks.CallbackItems;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * DCI callbacks: an item's outcome POSTed to the {@code header.sender_uri} of the message that
 * carried it, in the registry pattern's shape ({@code on-create-referral}: callback header plus
 * {@code referral_response} items). Queued in the webhook outbox inside the caller's transaction,
 * so they survive restarts and get the same retries; a message without sender_uri gets none.
 */
@Component
public class ReferralCallbacks {

    static final String ACTION = CallbackItems.ON_CREATE_REFERRAL;

    private final JdbcTemplate jdbc;
    private final DciCallbacks callbacks;

    public ReferralCallbacks(JdbcTemplate jdbc, DciCallbacks callbacks) {
        this.jdbc = jdbc;
        this.callbacks = callbacks;
    }

    /** @return whether a callback was queued (the message named a sender_uri) */
    public boolean queue(ItemOutcome outcome) {
        List<Map<String, Object>> messages = jdbc.queryForList("SELECT m.sender_uri, m.sender_id, m.transaction_id,"
                + " r.correlation_id, r.person_id FROM esp_referral r JOIN esp_inbound_message m"
                + " ON m.sender_id = r.sender_id AND m.message_id = r.message_id WHERE r.reference_id = ?",
                outcome.referenceId());
        if (messages.isEmpty() || messages.get(0).get("sender_uri") == null) {
            return false;
        }
        Map<String, Object> message = messages.get(0);
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("reference_id", outcome.referenceId());
        item.put("person_id", message.get("person_id"));
        item.put("status", outcome.status());
        if (outcome.reasonCode() != null) {
            item.put("status_reason_code", outcome.reasonCode());
            item.put("status_reason_message", outcome.reasonMessage());
        }
        item.put("outcome", outcome.outcome());
        if (outcome.pesCaseNumber() != null) {
            item.put("pes_case_number", outcome.pesCaseNumber());
        }
        callbacks.queue((String) message.get("sender_uri"), (String) message.get("sender_id"), ACTION,
                (String) message.get("transaction_id"), (String) message.get("correlation_id"), item);
        return true;
    }
}
