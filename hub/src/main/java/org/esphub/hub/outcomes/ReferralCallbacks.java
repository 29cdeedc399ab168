package org.esphub.hub.outcomes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.esphub.hub.webhooks.RetrySchedule;
import org.esphub.hub.webhooks.WebhookDeliveries;
import org.springframework.beans.factory.annotation.Value;
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

    static final String ACTION = "on-create-referral";

    private final JdbcTemplate jdbc;
    private final WebhookDeliveries deliveries;
    private final RetrySchedule retrySchedule;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final String hubSenderId;

    public ReferralCallbacks(JdbcTemplate jdbc, WebhookDeliveries deliveries, RetrySchedule retrySchedule,
            ObjectMapper mapper, Clock clock, @Value("${esp.hub.sender-id}") String hubSenderId) {
        this.jdbc = jdbc;
        this.deliveries = deliveries;
        this.retrySchedule = retrySchedule;
        this.mapper = mapper;
        this.clock = clock;
        this.hubSenderId = hubSenderId;
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
        Instant now = clock.instant();
        String id = UUID.randomUUID().toString();
        deliveries.insertCallback(id, (String) message.get("sender_uri"), ACTION, envelope(id, now, outcome, message),
                retrySchedule.firstAttempt(now), now);
        return true;
    }

    private String envelope(String messageId, Instant now, ItemOutcome outcome, Map<String, Object> message) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("version", "1.0.0");
        header.put("message_id", messageId);
        header.put("message_ts", now.toString());
        header.put("action", ACTION);
        header.put("status", "succ");
        header.put("total_count", 1);
        header.put("completed_count", 1);
        header.put("sender_id", hubSenderId);
        header.put("receiver_id", message.get("sender_id"));

        Map<String, Object> item = new LinkedHashMap<>();
        item.put("reference_id", outcome.referenceId());
        item.put("person_id", message.get("person_id"));
        item.put("timestamp", now.toString());
        item.put("status", outcome.status());
        if (outcome.reasonCode() != null) {
            item.put("status_reason_code", outcome.reasonCode());
            item.put("status_reason_message", outcome.reasonMessage());
        }
        item.put("outcome", outcome.outcome());
        if (outcome.pesCaseNumber() != null) {
            item.put("pes_case_number", outcome.pesCaseNumber());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("transaction_id", message.get("transaction_id"));
        body.put("correlation_id", message.get("correlation_id"));
        body.put("referral_response", List.of(item));
        try {
            return mapper.writeValueAsString(Map.of("header", header, "message", body));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("callback of " + outcome.referenceId() + " is not serialisable", e);
        }
    }
}
