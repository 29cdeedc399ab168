package org.esphub.hub.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.esphub.hub.signing.HubSigner;

/**
 * An agency's DCI callback endpoint ({@code header.sender_uri}) or webhook receiver on a loopback
 * port: takes every POST with 200 and keeps the bodies for the test to look at. The hub calls it
 * only if the test's configuration admits it ({@link #allowedTargets}), as the demo profile admits
 * the simulators; it checks what it got as a real receiver would ({@link #verifyAllWith}).
 */
public final class CallbackReceiver implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    /** One request: its JSON, the exact bytes, and the hub's X-DCI-Signature header if any. */
    private record Received(JsonNode json, byte[] body, String hubSignature) {
    }

    private CallbackReceiver(HttpServer server) {
        this.server = server;
    }

    public static CallbackReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            CallbackReceiver receiver = new CallbackReceiver(server);
            server.createContext("/on-referral", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                receiver.received.add(new Received(MAPPER.readTree(body), body,
                        exchange.getRequestHeaders().getFirst(HubSigner.BODY_SIGNATURE_HEADER)));
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code esp.outbound.allowed-targets} for a test hub: the demo profile's own entries (the
     * hub's port, for the simulators) and exactly the given receivers' ports.
     */
    public static String allowedTargets(CallbackReceiver... receivers) {
        return "localhost:${server.port},127.0.0.1:${server.port},"
                + Arrays.stream(receivers).map(r -> "127.0.0.1:" + r.port()).collect(Collectors.joining(","));
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port() + "/on-referral";
    }

    /** Every body received so far, in arrival order (webhook events too, when subscribed here). */
    public List<JsonNode> received() {
        return received.stream().map(Received::json).toList();
    }

    /**
     * Checks every request received so far with the hub's published keys only: a DCI callback by
     * its envelope signature, a webhook event by X-DCI-Signature over the raw body.
     *
     * @return how many were checked
     * @throws AssertionError for the first that does not verify
     */
    public int verifyAllWith(PublishedHubKeys keys) {
        for (Received request : received) {
            if (request.json().has("header")) {
                keys.verifyCallback(request.json());
            } else {
                keys.verifyWebhook(request.body(), request.hubSignature());
            }
        }
        return received.size();
    }

    /** The referral_response item about {@code referenceId} of the callbacks received so far, or null. */
    public JsonNode itemAbout(String referenceId) {
        return itemAbout(referenceId, "referral_response");
    }

    /** The item about {@code referenceId} in the callbacks' {@code message.<itemsField>} lists, or null. */
    public JsonNode itemAbout(String referenceId, String itemsField) {
        for (JsonNode callback : received()) {
            for (JsonNode item : callback.at("/message/" + itemsField)) {
                if (referenceId.equals(item.path("reference_id").asText())) {
                    return item;
                }
            }
        }
        return null;
    }

    /** The whole callback that carried the item about {@code referenceId}, or null. */
    public JsonNode callbackAbout(String referenceId) {
        for (JsonNode callback : received()) {
            for (JsonNode item : callback.at("/message/referral_response")) {
                if (referenceId.equals(item.path("reference_id").asText())) {
                    return callback;
                }
            }
        }
        return null;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
