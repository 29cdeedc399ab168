package org.esphub.hub.webhooks;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.esphub.dci.DciReasonCode;
import org.esphub.dci.DciRejection;
import org.esphub.hub.api.DciConflict;
import org.esphub.hub.outbound.ForbiddenTarget;
import org.esphub.hub.outbound.OutboundTargets;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A client's webhook subscriptions: create, list with delivery statistics, change, delete.
 * An id the client does not own is answered exactly like an unknown one.
 */
@Service
public class WebhookSubscriptionService {

    private static final int GENERATED_SECRET_BYTES = 32;

    private final WebhookSubscriptions subscriptions;
    private final WebhookDeliveries deliveries;
    private final WebhookProperties properties;
    private final OutboundTargets targets;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public WebhookSubscriptionService(WebhookSubscriptions subscriptions, WebhookDeliveries deliveries,
            WebhookProperties properties, OutboundTargets targets, Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.properties = properties;
        this.targets = targets;
        this.clock = clock;
    }

    @Transactional
    public Subscription create(String clientId, SubscriptionRequest request) {
        refuseForbiddenTarget(request.url());
        requireRoomForOneMoreActive(clientId);
        Instant now = clock.instant();
        String secret = request.secret() != null ? request.secret() : generatedSecret();
        Subscription subscription = new Subscription(UUID.randomUUID().toString(), clientId, request.url(),
                request.events(), secret, SubscriptionStatus.ACTIVE, now, now, request.filters());
        subscriptions.insert(subscription);
        return subscription;
    }

    @Transactional(readOnly = true)
    public List<Subscription> list(String clientId) {
        return subscriptions.ofClient(clientId);
    }

    @Transactional(readOnly = true)
    public Map<String, DeliveryStatistics> statistics(List<Subscription> owned) {
        return deliveries.statisticsOf(owned.stream().map(Subscription::id).toList());
    }

    @Transactional
    public Subscription update(String clientId, String id, SubscriptionRequest request) {
        Subscription current = owned(clientId, id);
        if (request.url() != null) {
            refuseForbiddenTarget(request.url());
        }
        SubscriptionStatus status = request.status() != null ? request.status() : current.status();
        if (status == SubscriptionStatus.ACTIVE && current.status() != SubscriptionStatus.ACTIVE) {
            requireRoomForOneMoreActive(clientId);
        }
        Subscription changed = new Subscription(id, clientId,
                request.url() != null ? request.url() : current.url(),
                request.events() != null ? request.events() : current.events(),
                current.secret(), status, current.createdAt(), clock.instant(),
                request.filters() != null ? request.filters() : current.filters());
        subscriptions.update(changed);
        return changed;
    }

    /** Deletes the subscription and its delivery history; queued deliveries are not sent. */
    @Transactional
    public void delete(String clientId, String id) {
        if (!subscriptions.delete(clientId, id)) {
            throw notFound(id);
        }
    }

    /** Before anything is written: a URL the hub would not send to is a bad request, not a subscription. */
    private void refuseForbiddenTarget(String url) {
        try {
            targets.checkForRegistration(url);
        } catch (ForbiddenTarget forbidden) {
            throw new DciRejection(DciReasonCode.REQUEST_BAD, "the subscription request is invalid",
                    List.of("$.url: " + forbidden.getMessage()));
        }
    }

    private Subscription owned(String clientId, String id) {
        return subscriptions.findOwned(clientId, id).orElseThrow(() -> notFound(id));
    }

    private void requireRoomForOneMoreActive(String clientId) {
        // two concurrent requests of one client may both pass; the limit is a quota, not an invariant
        if (subscriptions.countActive(clientId) >= properties.maxSubscriptionsPerClient()) {
            throw new DciConflict(DciReasonCode.TOTAL_COUNT_LIMIT_EXCEEDED, "a client may have at most "
                    + properties.maxSubscriptionsPerClient() + " ACTIVE webhook subscriptions;"
                    + " delete or pause one first");
        }
    }

    private String generatedSecret() {
        byte[] secret = new byte[GENERATED_SECRET_BYTES];
        random.nextBytes(secret);
        return HexFormat.of().formatHex(secret);
    }

    private static DciRejection notFound(String id) {
        return new DciRejection(DciReasonCode.REQUEST_NOT_FOUND, "no webhook subscription '" + id + "'");
    }
}
