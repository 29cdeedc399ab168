package org.esphub.hub.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.esphub.governance.audit.AuditAction;
import org.esphub.governance.gate.DataSharingGate;
import org.esphub.governance.gate.ExchangeRequest;
import org.esphub.governance.gate.Release;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * One HTTP attempt of a delivery: the stored event passes the data-sharing gate (exchange
 * {@code webhook.<event>}; its {@code data} is cut down to the agreement's fields and the attempt
 * audited), then is POSTed signed with the subscription's secret. A DCI callback to a
 * {@code sender_uri} passes the gate as {@code callback.<action>} and is not HMAC-signed. Never fails: every problem,
 * a refusal of the gate included, becomes a {@link DeliveryOutcome}, retried and in the end FAILED.
 */
@Component
public class WebhookSender {

    public static final String EVENT_HEADER = "X-Webhook-Event";
    public static final String DELIVERY_HEADER = "X-Webhook-Delivery";
    public static final String SIGNATURE_HEADER = "X-Webhook-Signature";

    private final HttpClient http;
    private final WebhookProperties properties;
    /** Callbacks tell the sender what became of its referrals, as the referral webhooks do. */
    private static final String CALLBACK_PURPOSE = "REFERRAL_STATUS_REPORTING";

    private final DataSharingGate gate;
    private final ObjectMapper json;
    private final String hubId;

    public WebhookSender(HttpClient webhookHttpClient, WebhookProperties properties, DataSharingGate gate,
            ObjectMapper json, @Value("${esp.hub.sender-id}") String hubId) {
        this.http = webhookHttpClient;
        this.properties = properties;
        this.gate = gate;
        this.json = json;
        this.hubId = hubId;
    }

    public CompletableFuture<DeliveryOutcome> send(ClaimedDelivery delivery) {
        try {
            byte[] body = delivery.subscriptionId() == null ? releasedCallback(delivery) : released(delivery);
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
        } catch (RuntimeException | JsonProcessingException e) {
            // a refusal of the gate too: nothing was sent, the delivery's last_error says why
            return CompletableFuture.completedFuture(DeliveryOutcome.notSent(e));
        }
    }

    /** The event as it may leave: its data released by the gate, serialised once and signed as such. */
    @SuppressWarnings("unchecked")
    private byte[] released(ClaimedDelivery delivery) throws JsonProcessingException {
        Map<String, Object> event = json.readValue(delivery.payload(), LinkedHashMap.class);
        Map<String, Object> data = event.get("data") instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        Release release = gate.release(new ExchangeRequest("webhook." + delivery.eventType(),
                WebhookEvents.PURPOSES.get(delivery.eventType()),
                data.get("person_id") instanceof String personId ? personId : null, data, hubId,
                data.get("correlation_id") instanceof String correlationId ? correlationId : null,
                data.get("reference_id") instanceof String referenceId ? referenceId : delivery.id(),
                null, null, AuditAction.CREATE));
        event.put("data", release.payload());
        return json.writeValueAsBytes(event);
    }

    /**
     * A DCI callback as it may leave: each {@code referral_response} item released by the gate
     * (exchange {@code callback.<action>}), the envelope around it unchanged.
     */
    @SuppressWarnings("unchecked")
    private byte[] releasedCallback(ClaimedDelivery delivery) throws JsonProcessingException {
        Map<String, Object> envelope = json.readValue(delivery.payload(), LinkedHashMap.class);
        Map<String, Object> message = (Map<String, Object>) envelope.get("message");
        Object correlationId = message.get("correlation_id");
        List<Object> released = new ArrayList<>();
        for (Object element : (List<Object>) message.get("referral_response")) {
            Map<String, Object> item = (Map<String, Object>) element;
            Release release = gate.release(new ExchangeRequest("callback." + delivery.eventType(),
                    CALLBACK_PURPOSE, item.get("person_id") instanceof String personId ? personId : null, item, hubId,
                    correlationId instanceof String id ? id : null,
                    item.get("reference_id") instanceof String referenceId ? referenceId : delivery.id(),
                    null, null, AuditAction.CREATE));
            released.add(release.payload());
        }
        message.put("referral_response", released);
        return json.writeValueAsBytes(envelope);
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
