package org.esphub.hub.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.esphub.governance.audit.AuditAction;
import org.esphub.governance.gate.DataSharingGate;
import org.esphub.governance.gate.ExchangeRequest;
import org.esphub.governance.gate.Release;
import org.esphub.hub.outbound.CheckedTarget;
import org.esphub.hub.outbound.ForbiddenTarget;
import org.esphub.hub.outbound.OutboundTargets;
import org.esphub.hub.signing.HubSigner;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * One HTTP attempt of a delivery.
 *
 * <ol>
 *   <li>The URL is checked again ({@link OutboundTargets}), its host resolved now: a URL that
 *       has come to lead somewhere the hub does not send to is {@link DeliveryClass#BLOCKED_TARGET}
 *       and nothing is sent.</li>
 *   <li>The stored event passes the data-sharing gate (exchange {@code webhook.<event>}, or
 *       {@code callback.<action>} for a DCI callback to a {@code sender_uri}); its data is cut down
 *       to the agreement's fields and the attempt audited.</li>
 *   <li>It is signed by the hub (a callback's envelope {@code signature}; a webhook's
 *       {@link HubSigner#BODY_SIGNATURE_HEADER}), a webhook also with its subscription's secret.</li>
 *   <li>It is POSTed to the checked address itself (the URL's name kept for Host and TLS), so a
 *       second DNS answer cannot redirect it.</li>
 * </ol>
 * Never fails: every problem becomes a {@link DeliveryOutcome}.
 */
@Component
public class WebhookSender {

    public static final String EVENT_HEADER = "X-Webhook-Event";
    public static final String DELIVERY_HEADER = "X-Webhook-Delivery";
    public static final String SIGNATURE_HEADER = "X-Webhook-Signature";
    /** Callbacks tell the sender what became of its referrals, as the referral webhooks do. */
    private static final String CALLBACK_PURPOSE = "REFERRAL_STATUS_REPORTING";
    /** A callback's items are its message's list named {@code <operation>_response}. */
    private static final String RESPONSE_ITEMS_SUFFIX = "_response";

    private final CloseableHttpClient http;
    private final ExecutorService executor;
    private final WebhookProperties properties;
    private final OutboundTargets targets;
    private final HubSigner signer;
    private final DataSharingGate gate;
    private final ObjectMapper json;
    private final String hubId;

    public WebhookSender(CloseableHttpClient webhookHttpClient, ExecutorService webhookSendExecutor,
            WebhookProperties properties, OutboundTargets targets, HubSigner signer, DataSharingGate gate,
            ObjectMapper json, @Value("${esp.hub.sender-id}") String hubId) {
        this.http = webhookHttpClient;
        this.executor = webhookSendExecutor;
        this.properties = properties;
        this.targets = targets;
        this.signer = signer;
        this.gate = gate;
        this.json = json;
        this.hubId = hubId;
    }

    /**
     * The attempt runs on the send executor from its first step: the gate's release waits for its
     * audit record's commit, so a batch's releases made side by side share their commits, where
     * made one after the other on the dispatcher's thread each waited for its own.
     */
    public CompletableFuture<DeliveryOutcome> send(ClaimedDelivery delivery) {
        // the timeouts end a slow connect or a silent receiver; the overall bound also stops one
        // that trickles its answer, so a claim never outlives its lease
        long bound = properties.connectTimeout().plus(properties.readTimeout()).toMillis();
        try {
            return CompletableFuture.supplyAsync(() -> attempt(delivery), executor)
                    .orTimeout(bound, TimeUnit.MILLISECONDS)
                    .exceptionally(failure -> DeliveryOutcome.unreachable(unwrap(failure)));
        } catch (RejectedExecutionException shuttingDown) {
            return CompletableFuture.completedFuture(DeliveryOutcome.unreachable(shuttingDown));
        }
    }

    private DeliveryOutcome attempt(ClaimedDelivery delivery) {
        CheckedTarget target;
        try {
            target = targets.checkForDelivery(delivery.url());
        } catch (ForbiddenTarget e) {
            return DeliveryOutcome.blocked(e.getMessage());
        } catch (UnknownHostException e) {
            return DeliveryOutcome.unreachable(e);
        }
        HttpPost request;
        try {
            request = request(delivery, target);
        } catch (RuntimeException | JsonProcessingException e) {
            // a refusal of the gate too: nothing was sent, the delivery's last_error says why
            return DeliveryOutcome.withheld(e);
        }
        HttpHost pinned = new HttpHost(target.scheme(), target.addresses().get(0), target.host(), target.port());
        return post(pinned, request);
    }

    private HttpPost request(ClaimedDelivery delivery, CheckedTarget target) throws JsonProcessingException {
        boolean callback = delivery.subscriptionId() == null;
        byte[] body = callback ? releasedCallback(delivery) : released(delivery);
        HttpPost request = new HttpPost(target.uri());
        request.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        request.setHeader(EVENT_HEADER, delivery.eventType());
        request.setHeader(DELIVERY_HEADER, delivery.id());
        if (!callback) {
            request.setHeader(HubSigner.BODY_SIGNATURE_HEADER, signer.bodySignature(body));
        }
        if (delivery.secret() != null) {
            request.setHeader(SIGNATURE_HEADER, WebhookSignature.sign(delivery.secret(), body));
        }
        return request;
    }

    private DeliveryOutcome post(HttpHost pinned, HttpPost request) {
        // the answer's body is never read: closing the response drops the connection instead
        try (ClassicHttpResponse response = http.executeOpen(pinned, request, null)) {
            return DeliveryOutcome.answered(response.getCode());
        } catch (IOException | RuntimeException e) {
            return DeliveryOutcome.unreachable(e);
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
     * A DCI callback as it may leave: each item of its {@code *_response} list ({@code referral_response},
     * {@code placement_response}) released by the gate
     * (exchange {@code callback.<action>}), the envelope around it unchanged, then signed by the hub
     * over what is actually sent.
     */
    @SuppressWarnings("unchecked")
    private byte[] releasedCallback(ClaimedDelivery delivery) throws JsonProcessingException {
        Map<String, Object> envelope = json.readValue(delivery.payload(), LinkedHashMap.class);
        Map<String, Object> message = (Map<String, Object>) envelope.get("message");
        Object correlationId = message.get("correlation_id");
        List<Object> released = new ArrayList<>();
        String itemsField = message.keySet().stream().filter(field -> field.endsWith(RESPONSE_ITEMS_SUFFIX))
                .findFirst().orElseThrow(() -> new IllegalStateException("callback " + delivery.id()
                        + " carries no *" + RESPONSE_ITEMS_SUFFIX + " items"));
        for (Object element : (List<Object>) message.get(itemsField)) {
            Map<String, Object> item = (Map<String, Object>) element;
            Release release = gate.release(new ExchangeRequest("callback." + delivery.eventType(),
                    CALLBACK_PURPOSE, item.get("person_id") instanceof String personId ? personId : null, item, hubId,
                    correlationId instanceof String id ? id : null,
                    item.get("reference_id") instanceof String referenceId ? referenceId : delivery.id(),
                    null, null, AuditAction.CREATE));
            released.add(release.payload());
        }
        message.put(itemsField, released);
        return json.writeValueAsBytes(signer.signedEnvelope(json.valueToTree(envelope)));
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
