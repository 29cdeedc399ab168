package org.esphub.hub.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.esphub.hub.signing.HubSigner;

/**
 * An agency's DCI callback endpoint ({@code header.sender_uri}) or webhook receiver on a loopback
 * port: takes every POST with 200 and keeps the bodies for the test to look at. The hub calls it
 * only if its configuration admits it, as the demo profile admits the simulators: the test profile
 * ({@code application-it.yaml}) admits the ports {@value #FIRST_PORT} to {@value #LAST_PORT}, so a hub
 * that several test classes share admits every class's receiver without a configuration of its own;
 * a class with a hub of its own may admit exactly its receivers ({@link #allowedTargets}). It checks
 * what it got as a real receiver would ({@link #verifyAllWith}).
 */
public final class CallbackReceiver implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The loopback ports a receiver takes, the first free one; application-it.yaml admits each. */
    static final int FIRST_PORT = 28091;
    static final int LAST_PORT = 28102;
    /**
     * A port is taken once per JVM: the hub's HTTP client may still hold a kept-alive connection to the
     * receiver of an earlier test class on it, and its first call to the next one would fail on it.
     */
    private static final AtomicInteger NEXT_PORT = new AtomicInteger(FIRST_PORT);

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
            HttpServer server = onTheFirstFreePort();
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

    private static HttpServer onTheFirstFreePort() throws IOException {
        for (int port = NEXT_PORT.getAndIncrement(); port <= LAST_PORT; port = NEXT_PORT.getAndIncrement()) {
            try {
                return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            } catch (BindException taken) {
                // another receiver (of this run or of another on the machine) has it: the next one
            }
        }
        throw new IllegalStateException("every callback port from " + FIRST_PORT + " to " + LAST_PORT
                + " was taken in this JVM; widen the pool here and in application-it.yaml");
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

    /** The referral_response (or employment_status_response) item about {@code referenceId} of the callbacks received so far, or null. */
    public JsonNode itemAbout(String referenceId) {
        for (JsonNode callback : received()) {
            for (JsonNode item : items(callback)) {
                if (referenceId.equals(item.path("reference_id").asText())) {
                    return item;
                }
            }
        }
        return null;
    }

    /** The item about {@code referenceId} under {@code message.<itemsField>} of any callback so far, or null. */
    public JsonNode itemIn(String itemsField, String referenceId) {
        for (JsonNode callback : received()) {
            for (JsonNode item : callback.path("message").path(itemsField)) {
                if (referenceId.equals(item.path("reference_id").asText())) {
                    return item;
                }
            }
        }
        return null;
    }

    /** The webhook events (bodies without a DCI header) of this type about {@code referenceId} so far. */
    public List<JsonNode> eventsAbout(String eventType, String referenceId) {
        return received().stream().filter(body -> !body.has("header"))
                .filter(body -> eventType.equals(body.path("event_type").asText()))
                .filter(body -> referenceId.equals(body.at("/data/reference_id").asText()))
                .toList();
    }

    /** The whole callback that carried the item about {@code referenceId}, or null. */
    public JsonNode callbackAbout(String referenceId) {
        for (JsonNode callback : received()) {
            for (JsonNode item : items(callback)) {
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

    /** The items of a callback: a referral's outcomes or a status verification's. */
    private static Iterable<JsonNode> items(JsonNode callback) {
        JsonNode referrals = callback.at("/message/referral_response");
        return referrals.isMissingNode() ? callback.at("/message/employment_status_response") : referrals;
    }
}
