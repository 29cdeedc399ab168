package org.esphub.hub.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Client-credentials tokens from the hub's issuer, as an agency system gets them, one per client
 * and set of scopes. Empty where the issuer refuses the scopes (400 {@code invalid_scope}): the
 * client is not registered for them.
 */
final class AgencyTokens {

    static final String TOKEN_PATH = "/oauth2/client/token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String baseUrl;
    private final String clientSecret;
    private final Map<String, Optional<String>> issued = new HashMap<>();

    AgencyTokens(HttpClient http, String baseUrl, String clientSecret) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.clientSecret = clientSecret;
    }

    Optional<String> token(String client, Set<String> scopes) {
        Set<String> sorted = new TreeSet<>(scopes);
        return issued.computeIfAbsent(client + " " + sorted, key -> request(client, sorted));
    }

    private Optional<String> request(String client, Set<String> scopes) {
        // a client left with no scope asks for none (an empty scope parameter is malformed)
        String form = "grant_type=client_credentials" + (scopes.isEmpty() ? ""
                : "&scope=" + URLEncoder.encode(String.join(" ", scopes), StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + TOKEN_PATH))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((client + ":" + clientSecret).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 400 && response.body().contains("invalid_scope")) {
                return Optional.empty();
            }
            JsonNode token = JSON.readTree(response.body());
            if (response.statusCode() != 200 || token.path("access_token").asText().isBlank()) {
                throw new IllegalStateException("no token for " + client + " " + scopes + ": "
                        + response.statusCode() + " " + response.body());
            }
            return Optional.of(token.get("access_token").asText());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
