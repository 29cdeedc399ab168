package org.esphub.routes;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An agency's HTTP API on a random loopback port: it records every request exactly as it came
 * over the wire and answers with a programmed status and body. A real server, rather than a
 * mocked endpoint, proves what the HTTP component actually puts on the wire (headers included).
 */
final class AgencyStandIn implements AutoCloseable {

    private final HttpServer server;
    private final List<Request> received = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String body = "{}";
    private volatile Map<String, String> headers = Map.of();

    private AgencyStandIn(HttpServer server) {
        this.server = server;
    }

    static AgencyStandIn start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            AgencyStandIn standIn = new AgencyStandIn(server);
            server.createContext("/", standIn::handle);
            server.start();
            return standIn;
        } catch (IOException e) {
            throw new IllegalStateException("cannot open a loopback port for the agency stand-in", e);
        }
    }

    String baseUrl() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
    }

    /** What the agency answers to every request from now on. */
    void answers(int status, String body) {
        answers(status, body, Map.of());
    }

    /** Like {@link #answers(int, String)}, with extra response headers. */
    void answers(int status, String body, Map<String, String> headers) {
        this.status = status;
        this.body = body;
        this.headers = Map.copyOf(headers);
    }

    /** Every request received so far. */
    List<Request> requests() {
        return List.copyOf(received);
    }

    /** The single request the route made; a second call (or none) is a failure of its own. */
    Request onlyRequest() {
        if (received.size() != 1) {
            throw new AssertionError("expected exactly one request to the agency, got " + received.size());
        }
        return received.get(0);
    }

    /** How many requests the agency received, e.g. none when a route refused to call. */
    int requestCount() {
        return received.size();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] requestBody = exchange.getRequestBody().readAllBytes();
        received.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                copy(exchange.getRequestHeaders()), new String(requestBody, StandardCharsets.UTF_8)));
        byte[] answer = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        headers.forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    private static Map<String, String> copy(Headers headers) {
        // HTTP header names are case-insensitive, and the JDK server re-cases them
        Map<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name, String.join(",", values)));
        return copy;
    }

    record Request(String method, String path, Map<String, String> headers, String body) {

        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name));
        }
    }
}
