package org.esphub.hub.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Talks to a running hub over HTTP the way its users do: Tasklist's REST calls as a named user,
 * the hub's /api as a person or an agency system, the simulators' read-outs, plain requests
 * without credentials.
 */
public class HubClient {

    public static final String DEMO_PASSWORD = "demo";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RestClient http;

    public HubClient(int port) {
        this.http = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                // let tests assert on 4xx answers instead of catching exceptions
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
    }

    /** An OAuth2 client-credentials token from the hub's issuer, as an agency system gets one. */
    public String clientToken(String client, String scopes) {
        return clientToken("/oauth2/client/token", client, scopes);
    }

    public String clientToken(String tokenUrl, String client, String scopes) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        form.add("scope", scopes);
        JsonNode token = http.post().uri(tokenUrl)
                .headers(h -> h.setBasicAuth(client, DEMO_PASSWORD))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form)
                .retrieve().body(JsonNode.class);
        if (token == null || token.path("access_token").asText().isBlank()) {
            throw new AssertionError("no token for " + client + ": " + token);
        }
        return token.get("access_token").asText();
    }

    /** Open tasks of one referral that {@code user} is allowed to see. */
    public JsonNode tasksOf(String user, String businessKey) {
        return http.get().uri("/engine-rest/task?processInstanceBusinessKey={key}", businessKey)
                .headers(h -> h.setBasicAuth(user, DEMO_PASSWORD))
                .retrieve().body(JsonNode.class);
    }

    /** Completes a task as {@code user} with Camunda REST typed variables; returns the status. */
    public int completeTask(String user, String taskId, Map<String, Object> variables) {
        Map<String, Object> typed = new java.util.LinkedHashMap<>();
        variables.forEach((name, value) -> typed.put(name, Map.of("value", value)));
        return completeTaskWithRestVariables(user, taskId, typed);
    }

    /**
     * Completes a task as {@code user} with variables already in the REST form, e.g.
     * {@code {"value": "[\"A\"]", "type": "Json"}} as Tasklist submits a checklist; returns the status.
     */
    public int completeTaskWithRestVariables(String user, String taskId, Map<String, Object> restVariables) {
        return http.post().uri("/engine-rest/task/{id}/complete", taskId)
                .headers(h -> h.setBasicAuth(user, DEMO_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("variables", restVariables))
                .retrieve().toBodilessEntity().getStatusCode().value();
    }

    /** The variables a task's form shows {@code user} (name to {@code {value, type}}), as Tasklist reads them. */
    public JsonNode taskVariables(String user, String taskId) {
        return http.get().uri("/engine-rest/task/{id}/variables", taskId)
                .headers(h -> h.setBasicAuth(user, DEMO_PASSWORD))
                .retrieve().body(JsonNode.class);
    }

    /** What the SA simulator received on esp.sa.notifications.out about one referral. */
    public JsonNode saNotificationsAbout(String referenceId) {
        return http.get().uri("/sim/sa/notifications?reference_id={ref}", referenceId)
                .retrieve().body(JsonNode.class);
    }

    /** The operator's view of the dead-letter queue, as {@code user}. */
    public JsonNode deadLetters(String user) {
        return http.get().uri("/api/dead-letters")
                .headers(h -> h.setBasicAuth(user, DEMO_PASSWORD))
                .retrieve().body(JsonNode.class);
    }

    // ---- the hub's own API (/api): agreements, consents, audit -----------------------------------

    /** An answer of the hub's API: status, content type and body (parsed when it is JSON). */
    public record Answer(int status, String contentType, String body, JsonNode json) {
    }

    /** GET as a person (HTTP basic with a demo user) or, with {@code user} null, without credentials. */
    public Answer get(String user, String path, Object... uriVariables) {
        return getAccepting(user, MediaType.APPLICATION_JSON_VALUE, path, uriVariables);
    }

    public Answer getAccepting(String user, String accept, String path, Object... uriVariables) {
        return answer(http.get().uri(path, uriVariables)
                .headers(h -> {
                    h.set("Accept", accept);
                    if (user != null) {
                        h.setBasicAuth(user, DEMO_PASSWORD);
                    }
                })
                .retrieve().toEntity(String.class));
    }

    /** POST a JSON body as a demo user. */
    public Answer post(String user, String path, Object body, Object... uriVariables) {
        return answer(http.post().uri(path, uriVariables)
                .headers(h -> h.setBasicAuth(user, DEMO_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve().toEntity(String.class));
    }

    /** PUT a JSON body as a demo user. */
    public Answer put(String user, String path, Object body, Object... uriVariables) {
        return answer(http.put().uri(path, uriVariables)
                .headers(h -> h.setBasicAuth(user, DEMO_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve().toEntity(String.class));
    }

    /** DELETE as a demo user. */
    public Answer delete(String user, String path, Object... uriVariables) {
        return answer(http.delete().uri(path, uriVariables)
                .headers(h -> h.setBasicAuth(user, DEMO_PASSWORD))
                .retrieve().toEntity(String.class));
    }

    /** POST a JSON body with an agency system's bearer token. */
    public Answer postWithToken(String token, String path, Object body) {
        return answer(http.post().uri(path)
                .headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve().toEntity(String.class));
    }

    /** DELETE with an agency system's bearer token. */
    public Answer deleteWithToken(String token, String path, Object... uriVariables) {
        return answer(http.delete().uri(path, uriVariables)
                .headers(h -> h.setBearerAuth(token))
                .retrieve().toEntity(String.class));
    }

    public Answer getWithToken(String token, String path, Object... uriVariables) {
        return answer(http.get().uri(path, uriVariables)
                .headers(h -> h.setBearerAuth(token))
                .retrieve().toEntity(String.class));
    }

    /** The audit records about one person, as the demo auditor finds them. */
    public JsonNode auditedAbout(String personId) {
        return get("auditor", "/api/audit/events?person_id={person}&limit=1000", personId).json().path("events");
    }

    private static Answer answer(ResponseEntity<String> entity) {
        String contentType = entity.getHeaders().getContentType() == null ? null
                : entity.getHeaders().getContentType().toString();
        JsonNode json = null;
        if (entity.getBody() != null && contentType != null && contentType.contains("json")) {
            try {
                json = JSON.readTree(entity.getBody());
            } catch (IOException e) {
                throw new AssertionError("the hub answered invalid JSON: " + entity.getBody(), e);
            }
        }
        return new Answer(entity.getStatusCode().value(), contentType, entity.getBody(), json);
    }

    public int statusOf(String path, String user, String password) {
        return http.get().uri(path)
                .headers(h -> {
                    if (user != null) {
                        h.setBasicAuth(user, password);
                    }
                })
                .retrieve().toBodilessEntity().getStatusCode().value();
    }

    public RestClient raw() {
        return http;
    }
}
