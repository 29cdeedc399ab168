package org.esphub.hub.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Table {@code esp_webhook_subscription}. Every read and write names the owning client, so one
 * client can neither see nor change another's subscriptions.
 */
@Repository
public class WebhookSubscriptions {

    private static final String COLUMNS = "id, client_id, url, events, secret, status, created_at, updated_at, filters";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;

    public WebhookSubscriptions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Subscription s) {
        jdbc.update("INSERT INTO esp_webhook_subscription (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                s.id(), s.clientId(), s.url(), String.join(",", s.events()), s.secret(), s.status().name(),
                Timestamp.from(s.createdAt()), Timestamp.from(s.updatedAt()), json(s.filters()));
    }

    public void update(Subscription s) {
        jdbc.update("UPDATE esp_webhook_subscription SET url = ?, events = ?, status = ?, updated_at = ?, filters = ?"
                + " WHERE id = ? AND client_id = ?", s.url(), String.join(",", s.events()), s.status().name(),
                Timestamp.from(s.updatedAt()), json(s.filters()), s.id(), s.clientId());
    }

    /** @return false if the client has no such subscription */
    public boolean delete(String clientId, String id) {
        return jdbc.update("DELETE FROM esp_webhook_subscription WHERE id = ? AND client_id = ?", id, clientId) > 0;
    }

    public Optional<Subscription> findOwned(String clientId, String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM esp_webhook_subscription WHERE id = ? AND client_id = ?",
                WebhookSubscriptions::map, id, clientId).stream().findFirst();
    }

    public List<Subscription> ofClient(String clientId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM esp_webhook_subscription WHERE client_id = ?"
                + " ORDER BY created_at, id", WebhookSubscriptions::map, clientId);
    }

    public List<Subscription> activeOf(String clientId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM esp_webhook_subscription WHERE client_id = ? AND status = ?",
                WebhookSubscriptions::map, clientId, SubscriptionStatus.ACTIVE.name());
    }

    public int countActive(String clientId) {
        Integer count = jdbc.queryForObject("SELECT COUNT(*) FROM esp_webhook_subscription"
                + " WHERE client_id = ? AND status = ?", Integer.class, clientId, SubscriptionStatus.ACTIVE.name());
        return count == null ? 0 : count;
    }

    private static Subscription map(ResultSet row, int rowNumber) throws SQLException {
        return new Subscription(row.getString("id"), row.getString("client_id"), row.getString("url"),
                List.copyOf(Arrays.asList(row.getString("events").split(","))), row.getString("secret"),
                SubscriptionStatus.valueOf(row.getString("status")), row.getTimestamp("created_at").toInstant(),
                row.getTimestamp("updated_at").toInstant(), filters(row.getString("filters")));
    }

    /** Stored as the API shows them; null for none (every subscription made before filters existed). */
    private static String json(SubscriptionFilters filters) {
        if (filters == null || filters.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(filters.describe());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("subscription filters are not serialisable", e);
        }
    }

    private static SubscriptionFilters filters(String json) {
        if (json == null) {
            return SubscriptionFilters.NONE;
        }
        try {
            List<String> personIds = new ArrayList<>();
            JSON.readTree(json).path(SubscriptionFilters.PERSON_IDS).forEach(id -> personIds.add(id.asText()));
            return new SubscriptionFilters(personIds);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored subscription filters are not JSON: " + json, e);
        }
    }
}
