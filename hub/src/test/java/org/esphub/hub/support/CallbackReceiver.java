package org.esphub.hub.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An agency's DCI callback endpoint ({@code header.sender_uri}) or webhook receiver on a loopback
 * port: takes every POST with 200 and keeps the JSON bodies for the test to look at.
 */
public final class CallbackReceiver implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpServer server;
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();

    private CallbackReceiver(HttpServer server) {
        this.server = server;
    }

    public static CallbackReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            CallbackReceiver receiver = new CallbackReceiver(server);
            server.createContext("/on-referral", exchange -> {
                receiver.received.add(MAPPER.readTree(exchange.getRequestBody().readAllBytes()));
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/on-referral";
    }

    /** Every body received so far, in arrival order (webhook events too, when subscribed here). */
    public List<JsonNode> received() {
        return List.copyOf(received);
    }

    /** The referral_response item about {@code referenceId} of the callbacks received so far, or null. */
    public JsonNode itemAbout(String referenceId) {
        for (JsonNode callback : received) {
            for (JsonNode item : callback.at("/message/referral_response")) {
                if (referenceId.equals(item.path("reference_id").asText())) {
                    return item;
                }
            }
        }
        return null;
    }

    /** The whole callback that carried the item about {@code referenceId}, or null. */
    public JsonNode callbackAbout(String referenceId) {
        for (JsonNode callback : received) {
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
