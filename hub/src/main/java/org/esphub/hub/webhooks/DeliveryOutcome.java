package org.esphub.hub.webhooks;

/**
 * What one delivery attempt came to: its class, and for the hub's own log and database the
 * receiver's HTTP status, or no status and the reason the request did not complete.
 */
public record DeliveryOutcome(DeliveryClass outcomeClass, Integer statusCode, String error) {

    public boolean delivered() {
        return outcomeClass == DeliveryClass.DELIVERED;
    }

    static DeliveryOutcome answered(int statusCode) {
        return new DeliveryOutcome(DeliveryClass.ofStatus(statusCode), statusCode,
                statusCode >= 200 && statusCode < 300 ? null : "HTTP " + statusCode);
    }

    static DeliveryOutcome unreachable(Throwable cause) {
        return new DeliveryOutcome(DeliveryClass.UNREACHABLE, null, describe(cause));
    }

    static DeliveryOutcome blocked(String reason) {
        return new DeliveryOutcome(DeliveryClass.BLOCKED_TARGET, null, reason);
    }

    static DeliveryOutcome withheld(Throwable cause) {
        return new DeliveryOutcome(DeliveryClass.WITHHELD, null, describe(cause));
    }

    private static String describe(Throwable cause) {
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
