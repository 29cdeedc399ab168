package org.esphub.hub.governance;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.esphub.governance.agreements.AgreementExchange;
import org.esphub.governance.agreements.Channel;
import org.esphub.governance.agreements.DataSharingAgreement;
import org.esphub.governance.retention.RetainedData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The webhook outbox keeps each event's data as it was raised; settled deliveries (delivered or
 * failed) of the agreement's webhook exchanges go once its retention has passed.
 */
@Component
public class WebhookOutboxRetention implements RetainedData {

    private static final String WEBHOOK_PREFIX = "webhook.";

    private final JdbcTemplate jdbc;

    public WebhookOutboxRetention(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String resourceType() {
        return "webhook_delivery";
    }

    @Override
    public int purge(DataSharingAgreement agreement, Instant closedBefore) {
        List<String> eventTypes = agreement.exchanges().stream()
                .filter(exchange -> exchange.channel() == Channel.WEBHOOK)
                .map(AgreementExchange::name)
                .filter(name -> name.startsWith(WEBHOOK_PREFIX))
                .map(name -> name.substring(WEBHOOK_PREFIX.length()))
                .toList();
        if (eventTypes.isEmpty()) {
            return 0;
        }
        List<Object> arguments = new ArrayList<>(eventTypes);
        arguments.add(Timestamp.from(closedBefore));
        return jdbc.update("DELETE FROM esp_webhook_delivery WHERE event_type IN ("
                + eventTypes.stream().map(type -> "?").collect(Collectors.joining(","))
                + ") AND status IN ('DELIVERED', 'FAILED') AND created_at < ?", arguments.toArray());
    }
}
