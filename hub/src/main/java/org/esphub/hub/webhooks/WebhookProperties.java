package org.esphub.hub.webhooks;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code esp.webhooks}: how deliveries are sent and retried (defaults in application.yaml).
 *
 * @param pollInterval pause between two dispatcher polls
 * @param batchSize deliveries one poll claims at most
 * @param retrySchedule delay before each attempt, the first counted from the event; a delivery
 *        whose every attempt failed is FAILED
 * @param claimLease how long a claimed delivery is left to the instance that claimed it; if that
 *        instance dies mid-send, another sends it again after this time
 * @param connectTimeout connect timeout of one attempt
 * @param readTimeout time the subscriber has to answer one attempt
 * @param maxSubscriptionsPerClient ACTIVE subscriptions one client may have
 */
@ConfigurationProperties("esp.webhooks")
public record WebhookProperties(Duration pollInterval, int batchSize, List<Duration> retrySchedule,
        Duration claimLease, Duration connectTimeout, Duration readTimeout, int maxSubscriptionsPerClient) {
}
