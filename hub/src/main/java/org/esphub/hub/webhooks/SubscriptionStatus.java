package org.esphub.hub.webhooks;

/** ACTIVE subscriptions receive events; PAUSED ones keep their queued deliveries until resumed. */
public enum SubscriptionStatus {
    ACTIVE,
    PAUSED
}
