package org.esphub.hub.webhooks;

/** Field names of the webhook payload the publisher writes and the sender completes per attempt. */
final class WebhookPayload {

    static final String DATA = "data";
    static final String METADATA = "metadata";
    static final String CORRELATION_ID = "correlation_id";
    /** Attempts made before this one: 0 on the first. */
    static final String RETRY_COUNT = "retry_count";

    private WebhookPayload() {
    }
}
