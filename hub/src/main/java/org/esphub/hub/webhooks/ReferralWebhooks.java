package org.esphub.hub.webhooks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.esphub.hub.agencies.AgencySenders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The referral events agencies can subscribe to. Each goes to every client allowed to send as
 * the referral's sender_id ({@code esp.agencies.sender-ids}), i.e. to the agency that referred.
 *
 * <p>Both are written in the transaction of the change they report, so an event exists exactly
 * when its change committed.
 */
@Component
public class ReferralWebhooks {

    private final WebhookPublisher publisher;
    private final AgencySenders agencySenders;
    private final JdbcTemplate jdbc;

    public ReferralWebhooks(WebhookPublisher publisher, AgencySenders agencySenders, JdbcTemplate jdbc) {
        this.publisher = publisher;
        this.agencySenders = agencySenders;
        this.jdbc = jdbc;
    }

    /** Called in the transaction that starts an accepted referral item's process (ReferralStarter). */
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

    /**
     * Called in the transaction of the change: an item refused at intake, a registration at PES,
     * the end of the referral's process.
     *
     * @param status  REJECTED, ACTIVE, or the process instance's final state (COMPLETED, ...)
     * @param outcome the rejection code, or the BPMN element the referral reached
     */
    public void updated(String referenceId, String personId, String senderId, String status, String outcome,
            String reason) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("reference_id", referenceId);
        data.put("person_id", personId);
        data.put("status", status);
        data.put("outcome", outcome);
        if (reason != null) {
            data.put("reason", reason);
        }
        publishToClientsOf(senderId, WebhookEvents.REFERRAL_UPDATED, data);
    }

    /**
     * An event about the person of a referral, for the agency that referred them: adds
     * {@code reference_id} and {@code person_id} to the data. Nothing is raised for a business key
     * the intake never started (e.g. a process started by hand).
     *
     * @return whether the referral is known
     */
    public boolean aboutReferral(String referenceId, String eventType, Map<String, Object> details) {
        List<Map<String, Object>> referrals = jdbc.queryForList(
                "SELECT person_id, sender_id FROM esp_referral WHERE reference_id = ?", referenceId);
        if (referrals.isEmpty()) {
            return false;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("reference_id", referenceId);
        data.put("person_id", referrals.get(0).get("person_id"));
        data.putAll(details);
        publishToClientsOf((String) referrals.get(0).get("sender_id"), eventType, data);
        return true;
    }

    /**
     * An event about a request an agency sent under {@code senderId} (e.g. a compliance request),
     * for every client that may send as it. Called in the transaction of the change it reports.
     */
    public void aboutRequestOf(String senderId, String eventType, Map<String, Object> data) {
        publishToClientsOf(senderId, eventType, data);
    }

    private void publishToClientsOf(String senderId, String eventType, Map<String, Object> data) {
        for (String clientId : agencySenders.clientsUsing(senderId)) {
            publisher.publish(clientId, eventType, data);
        }
    }
}
