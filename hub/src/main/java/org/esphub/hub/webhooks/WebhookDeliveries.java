package org.esphub.hub.webhooks;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Table {@code esp_webhook_delivery}, the outbox: written with the change that raised the
 * event, read and updated by the dispatcher. Besides webhook events for subscriptions it carries
 * DCI callbacks addressed to a sender's {@code sender_uri}; both get the same retries.
 */
@Repository
public class WebhookDeliveries {

    static final String PENDING = "PENDING";
    static final String DELIVERED = "DELIVERED";
    static final String FAILED = "FAILED";
    private static final int MAX_ERROR_LENGTH = 1000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate claimTransaction;

    public WebhookDeliveries(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.claimTransaction = new TransactionTemplate(transactions);
        this.claimTransaction.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
    }

    public void insert(String id, String subscriptionId, String eventType, String payload, Instant nextAttemptAt,
            Instant createdAt) {
        jdbc.update("INSERT INTO esp_webhook_delivery (id, subscription_id, event_type, payload, attempts, status,"
                + " next_attempt_at, created_at) VALUES (?, ?, ?, ?, 0, ?, ?, ?)", id, subscriptionId, eventType,
                payload, PENDING, Timestamp.from(nextAttemptAt), Timestamp.from(createdAt));
    }

    /** A delivery addressed to a URL rather than a subscription: a DCI callback to a sender_uri. */
    public void insertCallback(String id, String url, String eventType, String payload, Instant nextAttemptAt,
            Instant createdAt) {
        jdbc.update("INSERT INTO esp_webhook_delivery (id, target_url, event_type, payload, attempts, status,"
                + " next_attempt_at, created_at) VALUES (?, ?, ?, ?, 0, ?, ?, ?)", id, url, eventType,
                payload, PENDING, Timestamp.from(nextAttemptAt), Timestamp.from(createdAt));
    }

    /**
     * Claims up to {@code limit} due deliveries of ACTIVE subscriptions by moving their next
     * attempt to {@code leaseUntil}, in one short transaction. Rows another instance is
     * claiming at the same moment are locked and skipped, so no delivery is claimed twice; a
     * claim whose instance dies before recording the outcome falls due again after the lease.
     *
     * <p>H2 2.3 accepts {@code FOR UPDATE SKIP LOCKED} but applies the row limit before
     * skipping, so a second instance may come back empty-handed until the next poll; that only
     * costs throughput, never a double send. PostgreSQL skips properly.
     */
    public List<ClaimedDelivery> claimDue(Instant now, int limit, Instant leaseUntil) {
        return claimTransaction.execute(status -> {
            List<String> ids = jdbc.queryForList("SELECT id FROM esp_webhook_delivery"
                    + " WHERE status = ? AND next_attempt_at <= ?"
                    + " AND (subscription_id IS NULL"
                    + " OR subscription_id IN (SELECT id FROM esp_webhook_subscription WHERE status = ?))"
                    + " ORDER BY next_attempt_at FETCH FIRST " + limit + " ROWS ONLY FOR UPDATE SKIP LOCKED",
                    String.class, PENDING, Timestamp.from(now), SubscriptionStatus.ACTIVE.name());
            if (ids.isEmpty()) {
                return List.of();
            }
            String in = placeholders(ids);
            Object[] leaseArguments = new Object[ids.size() + 1];
            leaseArguments[0] = Timestamp.from(leaseUntil);
            System.arraycopy(ids.toArray(), 0, leaseArguments, 1, ids.size());
            jdbc.update("UPDATE esp_webhook_delivery SET next_attempt_at = ? WHERE id IN (" + in + ")", leaseArguments);
            return jdbc.query("SELECT d.id, d.subscription_id, d.event_type, d.payload, d.attempts,"
                    + " COALESCE(d.target_url, s.url) AS url, s.secret"
                    + " FROM esp_webhook_delivery d LEFT JOIN esp_webhook_subscription s ON s.id = d.subscription_id"
                    + " WHERE d.id IN (" + in + ") ORDER BY d.next_attempt_at, d.created_at",
                    (row, n) -> new ClaimedDelivery(row.getString("id"), row.getString("subscription_id"),
                            row.getString("event_type"), row.getString("payload"), row.getInt("attempts"),
                            row.getString("url"), row.getString("secret")), ids.toArray());
        });
    }

    /** One attempt that arrived: the delivery, its attempt count with this one, the answer. */
    public record Delivered(String id, int attempts, DeliveryOutcome outcome) {
    }

    /** Marks the deliveries DELIVERED in one statement batch (a backlog drains in batches). */
    public void markDelivered(List<Delivered> delivered, Instant at) {
        Timestamp when = Timestamp.from(at);
        jdbc.batchUpdate("UPDATE esp_webhook_delivery SET status = ?, attempts = ?, last_attempt_at = ?,"
                + " last_status_code = ?, last_outcome = ?, last_error = NULL, delivered_at = ? WHERE id = ? AND status = ?",
                delivered, delivered.size(), (statement, d) -> {
                    statement.setString(1, DELIVERED);
                    statement.setInt(2, d.attempts());
                    statement.setTimestamp(3, when);
                    statement.setObject(4, d.outcome().statusCode(), Types.INTEGER);
                    statement.setString(5, d.outcome().outcomeClass().label());
                    statement.setTimestamp(6, when);
                    statement.setString(7, d.id());
                    statement.setString(8, PENDING);
                });
    }

    public void markRetry(String id, int attempts, DeliveryOutcome outcome, Instant at, Instant nextAttemptAt) {
        jdbc.update("UPDATE esp_webhook_delivery SET attempts = ?, last_attempt_at = ?, last_status_code = ?,"
                + " last_outcome = ?, last_error = ?, next_attempt_at = ? WHERE id = ? AND status = ?", attempts,
                Timestamp.from(at), outcome.statusCode(), outcome.outcomeClass().label(), truncate(outcome.error()),
                Timestamp.from(nextAttemptAt), id, PENDING);
    }

    public void markFailed(String id, int attempts, DeliveryOutcome outcome, Instant at) {
        jdbc.update("UPDATE esp_webhook_delivery SET status = ?, attempts = ?, last_attempt_at = ?,"
                + " last_status_code = ?, last_outcome = ?, last_error = ? WHERE id = ? AND status = ?", FAILED,
                attempts, Timestamp.from(at), outcome.statusCode(), outcome.outcomeClass().label(),
                truncate(outcome.error()), id, PENDING);
    }

    /**
     * Statistics of each given subscription; one without deliveries has {@link DeliveryStatistics#NONE}.
     * The receiver's status codes and error texts stay in the table for operators; a subscriber
     * sees only the class of the last attempt.
     */
    public Map<String, DeliveryStatistics> statisticsOf(Collection<String> subscriptionIds) {
        Map<String, DeliveryStatistics> statistics = new HashMap<>();
        if (subscriptionIds.isEmpty()) {
            return statistics;
        }
        String in = placeholders(subscriptionIds);
        jdbc.query("SELECT subscription_id,"
                + " SUM(CASE WHEN status = 'DELIVERED' THEN 1 ELSE 0 END) AS delivered,"
                + " SUM(CASE WHEN status = 'FAILED' THEN 1 ELSE 0 END) AS failed,"
                + " SUM(CASE WHEN status = 'PENDING' THEN 1 ELSE 0 END) AS pending,"
                + " SUM(attempts) - SUM(CASE WHEN status = 'DELIVERED' THEN 1 ELSE 0 END) AS failed_attempts,"
                + " MAX(last_attempt_at) AS last_attempt_at"
                + " FROM esp_webhook_delivery WHERE subscription_id IN (" + in + ") GROUP BY subscription_id",
                row -> {
                    Timestamp last = row.getTimestamp("last_attempt_at");
                    statistics.put(row.getString("subscription_id"), new DeliveryStatistics(row.getLong("delivered"),
                            row.getLong("failed"), row.getLong("pending"), row.getLong("failed_attempts"),
                            last == null ? null : last.toInstant(), null));
                }, subscriptionIds.toArray());
        statistics.replaceAll((subscriptionId, s) -> s.lastAttemptAt() == null ? s
                : new DeliveryStatistics(s.delivered(), s.failed(), s.pending(), s.failedAttempts(),
                        s.lastAttemptAt(), lastOutcome(subscriptionId)));
        return statistics;
    }

    private String lastOutcome(String subscriptionId) {
        List<String> outcomes = jdbc.query("SELECT last_outcome FROM esp_webhook_delivery"
                + " WHERE subscription_id = ? AND last_attempt_at IS NOT NULL"
                + " ORDER BY last_attempt_at DESC FETCH FIRST 1 ROWS ONLY",
                (row, n) -> row.getString("last_outcome"), subscriptionId);
        return outcomes.isEmpty() ? null : outcomes.get(0);
    }

    private static String placeholders(Collection<?> values) {
        return values.stream().map(v -> "?").collect(Collectors.joining(","));
    }

    private static String truncate(String error) {
        return error == null || error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
    }
}
