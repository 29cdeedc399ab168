package org.esphub.hub.webhooks;

/**
 * What one delivery attempt came to: the subscriber's HTTP status, or no status and the reason
 * the request did not complete (connection refused, timeout, ...).
 */
public record DeliveryOutcome(Integer statusCode, String error) {

    public boolean delivered() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }

    static DeliveryOutcome answered(int statusCode) {
        return new DeliveryOutcome(statusCode, statusCode >= 200 && statusCode < 300 ? null : "HTTP " + statusCode);
    }

    static DeliveryOutcome notSent(Throwable cause) {
        return new DeliveryOutcome(null, cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
    }
}
