package org.esphub.hub.compliance;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.esphub.hub.outcomes.DciCallbacks;
import org.esphub.hub.webhooks.CallbackItems;
import org.esphub.hub.webhooks.ReferralWebhooks;
import org.esphub.hub.webhooks.WebhookEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The second answer to a compliance request: once the episode that took it has assessed the person,
 * the result ({@code compliance_status} COMPLIANT or NON_COMPLIANT) is called back to the message's
 * {@code sender_uri} ({@code on-assess-compliance}) and raised as {@code compliance_alert}, in the
 * assessment's transaction. Each request is answered so once ({@code assessed_at}); the first answer,
 * at intake, said PENDING.
 */
@Component
public class ComplianceAnswers {

    private static final Logger LOG = LoggerFactory.getLogger(ComplianceAnswers.class);
    /** The alert's status of a request whose assessment is done. */
    public static final String ASSESSED = "ASSESSED";

    private final JdbcTemplate jdbc;
    private final DciCallbacks callbacks;
    private final ReferralWebhooks webhooks;
    private final Clock clock;

    public ComplianceAnswers(JdbcTemplate jdbc, DciCallbacks callbacks, ReferralWebhooks webhooks, Clock clock) {
        this.jdbc = jdbc;
        this.callbacks = callbacks;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    /** The referral's episode assessed the person: every request it took and has not answered learns the result. */
    void assessed(String referralReferenceId, String complianceStatus, String nonComplianceReason) {
        List<Map<String, Object>> waiting = jdbc.queryForList("SELECT c.reference_id, c.person_id, c.sender_id,"
                + " c.correlation_id, m.sender_uri, m.transaction_id FROM esp_compliance_request c"
                + " LEFT JOIN esp_inbound_message m ON m.sender_id = c.sender_id AND m.message_id = c.message_id"
                + " WHERE c.referral_reference_id = ? AND c.fed_at IS NOT NULL AND c.assessed_at IS NULL",
                referralReferenceId);
        for (Map<String, Object> request : waiting) {
            String referenceId = (String) request.get("reference_id");
            String personId = (String) request.get("person_id");
            String senderId = (String) request.get("sender_id");
            String senderUri = (String) request.get("sender_uri");
            if (senderUri != null) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("reference_id", referenceId);
                item.put("person_id", personId);
                item.put("status", "succ");
                item.put("compliance_status", complianceStatus);
                callbacks.queue(senderUri, senderId, CallbackItems.ON_ASSESS_COMPLIANCE,
                        (String) request.get("transaction_id"), (String) request.get("correlation_id"), item);
            }
            Map<String, Object> alert = new LinkedHashMap<>();
            alert.put("reference_id", referenceId);
            alert.put("person_id", personId);
            alert.put("correlation_id", request.get("correlation_id"));
            alert.put("status", ASSESSED);
            alert.put("compliance_status", complianceStatus);
            if (nonComplianceReason != null) {
                alert.put("reason", nonComplianceReason);
            }
            webhooks.aboutRequestOf(senderId, WebhookEvents.COMPLIANCE_ALERT, alert);
            jdbc.update("UPDATE esp_compliance_request SET assessed_at = ? WHERE reference_id = ?",
                    Timestamp.from(clock.instant()), referenceId);
            LOG.info("compliance request {}: assessed under referral {}: {}", referenceId, referralReferenceId,
                    complianceStatus);
        }
    }
}
