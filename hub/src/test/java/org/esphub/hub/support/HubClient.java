package org.esphub.hub.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Talks to a running hub over HTTP the way its users do: Tasklist's REST calls as a named user,
 * the simulators' read-outs, plain requests without credentials.
 */
public class HubClient {

    public static final String DEMO_PASSWORD = "demo";

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
