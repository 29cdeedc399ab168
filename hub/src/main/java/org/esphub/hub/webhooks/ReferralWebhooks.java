package org.esphub.hub.webhooks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.esphub.hub.api.ApiSenders;
import org.esphub.processes.ReferralToPes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The referral events agencies can subscribe to. Each goes to every client allowed to send as
 * the referral's sender_id ({@code esp.api.sender-ids}), i.e. to the agency that referred.
 *
 * <p>{@code referral_updated} comes from the engine's history events, which the Camunda Spring
 * Boot starter publishes as Spring events inside the engine's transaction: the event is written
 * exactly when the instance's end commits.
 */
@Component
public class ReferralWebhooks {

    private static final Logger LOG = LoggerFactory.getLogger(ReferralWebhooks.class);

    private final WebhookPublisher publisher;
    private final ApiSenders apiSenders;
    private final JdbcTemplate jdbc;

    public ReferralWebhooks(WebhookPublisher publisher, ApiSenders apiSenders, JdbcTemplate jdbc) {
        this.publisher = publisher;
        this.apiSenders = apiSenders;
        this.jdbc = jdbc;
    }

    /** Called by the intake, in its transaction, for every referral item it started. */
    public void created(String referenceId, String personId, String correlationId, String senderId,
            String processInstanceId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("reference_id", referenceId);
        data.put("person_id", personId);
        data.put("correlation_id", correlationId);
        data.put("sender_id", senderId);
        data.put("process_instance_id", processInstanceId);
        publishToClientsOf(senderId, WebhookEvents.REFERRAL_CREATED, data);
    }

    @EventListener
    public void onProcessInstanceEvent(HistoricProcessInstanceEventEntity event) {
        if (!ReferralToPes.PROCESS_KEY.equals(event.getProcessDefinitionKey()) || event.getEndTime() == null
                || !HistoryEventTypes.PROCESS_INSTANCE_END.getEventName().equals(event.getEventType())) {
            return;
        }
        List<Map<String, Object>> referrals = jdbc.queryForList(
                "SELECT person_id, sender_id FROM esp_referral WHERE reference_id = ?", event.getBusinessKey());
        if (referrals.isEmpty()) {
            // only instances the intake started have a sender to tell
            LOG.warn("Referral {} ended but the hub has no record of it; no referral_updated event",
                    event.getBusinessKey());
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("reference_id", event.getBusinessKey());
        data.put("person_id", referrals.get(0).get("person_id"));
        data.put("status", event.getState());
        data.put("outcome", event.getEndActivityId());
        publishToClientsOf((String) referrals.get(0).get("sender_id"), WebhookEvents.REFERRAL_UPDATED, data);
    }

    private void publishToClientsOf(String senderId, String eventType, Map<String, Object> data) {
        for (String clientId : apiSenders.clientsUsing(senderId)) {
            publisher.publish(clientId, eventType, data);
        }
    }
}
