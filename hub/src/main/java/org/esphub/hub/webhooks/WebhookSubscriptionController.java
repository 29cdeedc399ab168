package org.esphub.hub.webhooks;

import static org.esphub.hub.security.ApiSecurityConfiguration.API_BASE;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Webhook subscriptions of the DCI companion document. The owner is the calling client (the
 * token's subject); the secret is shown once, in the answer to the create request.
 */
@RestController
@RequestMapping(path = API_BASE + "/webhooks/subscription", produces = MediaType.APPLICATION_JSON_VALUE)
public class WebhookSubscriptionController {

    private final WebhookSubscriptionService service;

    public WebhookSubscriptionController(WebhookSubscriptionService service) {
        this.service = service;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> subscribe(@RequestBody JsonNode body, Authentication caller) {
        Subscription subscription = service.create(caller.getName(), SubscriptionRequest.forCreate(body));
        Map<String, Object> created = describe(subscription);
        created.put("secret", subscription.secret());
        return ResponseEntity.status(HttpStatus.CREATED).body(created);
    }

    @GetMapping
    public Map<String, Object> list(Authentication caller) {
        List<Subscription> owned = service.list(caller.getName());
        Map<String, DeliveryStatistics> statistics = service.statistics(owned);
        return Map.of("subscriptions", owned.stream().map(s -> {
            Map<String, Object> described = describe(s);
            described.put("delivery_statistics", describe(statistics.getOrDefault(s.id(), DeliveryStatistics.NONE)));
            return described;
        }).toList());
    }

    @PutMapping(path = "/{subscription_id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> update(@PathVariable("subscription_id") String subscriptionId,
            @RequestBody JsonNode body, Authentication caller) {
        return describe(service.update(caller.getName(), subscriptionId, SubscriptionRequest.forUpdate(body)));
    }

    @DeleteMapping("/{subscription_id}")
    public ResponseEntity<Void> delete(@PathVariable("subscription_id") String subscriptionId, Authentication caller) {
        service.delete(caller.getName(), subscriptionId);
        return ResponseEntity.noContent().build();
    }

    private static Map<String, Object> describe(Subscription s) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("subscription_id", s.id());
        described.put("url", s.url());
        described.put("event_types", s.events());
        // the hub's first name for event_types, kept for the subscribers that read it
        described.put("events", s.events());
        described.put("filters", s.filters().describe());
        described.put("status", s.status().name());
        described.put("created_at", s.createdAt().toString());
        described.put("updated_at", s.updatedAt().toString());
        return described;
    }

    private static Map<String, Object> describe(DeliveryStatistics s) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("delivered", s.delivered());
        described.put("failed", s.failed());
        described.put("pending", s.pending());
        described.put("failed_attempts", s.failedAttempts());
        described.put("last_attempt_at", s.lastAttemptAt() == null ? null : s.lastAttemptAt().toString());
        described.put("last_outcome", s.lastOutcome());
        return described;
    }
}
