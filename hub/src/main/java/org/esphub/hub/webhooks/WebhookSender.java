package org.esphub.hub.webhooks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * One HTTP attempt of a delivery: POSTs the stored payload, byte for byte, signed with the
 * subscription's secret (a DCI callback has none). Never fails: every problem becomes a {@link DeliveryOutcome}.
 */
@Component
public class WebhookSender {

    public static final String EVENT_HEADER = "X-Webhook-Event";
    public static final String DELIVERY_HEADER = "X-Webhook-Delivery";
    public static final String SIGNATURE_HEADER = "X-Webhook-Signature";

    private final HttpClient http;
    private final WebhookProperties properties;

    public WebhookSender(HttpClient webhookHttpClient, WebhookProperties properties) {
        this.http = webhookHttpClient;
        this.properties = properties;
    }

    public CompletableFuture<DeliveryOutcome> send(ClaimedDelivery delivery) {
        try {
            byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(delivery.url()))
                    .timeout(properties.readTimeout())
                    .header("Content-Type", "application/json")
                    .header(EVENT_HEADER, delivery.eventType())
                    .header(DELIVERY_HEADER, delivery.id())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (delivery.secret() != null) {
                request.header(SIGNATURE_HEADER, WebhookSignature.sign(delivery.secret(), body));
            }
            // the request timeout ends at the response headers; the overall bound also stops a
            // subscriber that trickles its body, so a claim never outlives its lease
            long bound = properties.connectTimeout().plus(properties.readTimeout()).toMillis();
            return http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
                    .orTimeout(bound, TimeUnit.MILLISECONDS)
                    .handle((response, failure) -> failure == null ? DeliveryOutcome.answered(response.statusCode())
                            : DeliveryOutcome.notSent(unwrap(failure)));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(DeliveryOutcome.notSent(e));
        }
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
