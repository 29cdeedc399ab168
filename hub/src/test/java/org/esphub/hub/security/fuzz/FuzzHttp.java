package org.esphub.hub.security.fuzz;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** Sends hostile requests to the hub as they are, and hands each answer to the tally. */
final class FuzzHttp {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    FuzzHttp(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    /**
     * Sends {@code method path} with the headers and body (JSON) given; a request the HTTP client
     * itself cannot put on the wire (a CR in a header, a space in a path) is not sent and not
     * counted. {@code mustRefuse}: whether any answer below 400 breaks a property.
     */
    void send(FuzzTally tally, String method, String path, Map<String, String> headers, String body,
            boolean mustRefuse) {
        HttpRequest request;
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(60))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (body != null) {
                builder.header("Content-Type", "application/json");
            }
            headers.forEach(builder::header);
            request = builder.build();
        } catch (IllegalArgumentException unsendable) {
            return;
        }
        String described = method + " " + path + (body == null ? "" : " " + body)
                + (headers.isEmpty() ? "" : " headers " + headers.keySet());
        try {
            HttpResponse<String> response = sendAgainIfTheConnectionWasStale(request);
            String contentType = response.headers().firstValue("Content-Type").orElse(null);
            if (mustRefuse) {
                tally.answer(described, response.statusCode(), contentType, response.body());
            } else {
                tally.answerToQuery(described, response.statusCode(), contentType, response.body());
            }
        } catch (IOException e) {
            tally.sent();
            tally.violation("no answer: " + e.getClass().getSimpleName(), described, String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The client keeps connections alive, and the hub's server closes one after some refusals (a body it
     * would not read to the end): a request that finds its pooled connection closed gets no bytes back
     * without the hub having seen it. It goes once more on a connection of its own, and that answer, or
     * that failure, is the one judged.
     */
    private HttpResponse<String> sendAgainIfTheConnectionWasStale(HttpRequest request) throws IOException, InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException staleConnection) {
            HttpClient fresh = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            return fresh.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }
}
