package org.esphub.hub.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Sends one row's probe as one identity and tells what came back: the HTTP status, or that the
 * issuer would not give the client a token with the operation's scope.
 */
final class MatrixProbe {

    /** The answer of one probe; {@code status} is absent where no token could be had. */
    record Outcome(Optional<Integer> status, String request) {

        boolean meets(Expectation expected) {
            return status.map(expected::isMetBy).orElse(expected == Expectation.NO_TOKEN);
        }

        String seen() {
            return status.map(String::valueOf).orElse("no token");
        }
    }

    /** Stands for an id the probe needs but whose thing need not exist. */
    static final String DUMMY_ID = "authorization-matrix-dummy";

    private final HttpClient http;
    private final String baseUrl;
    private final String userPassword;
    private final String workerUser;
    /** The in-JVM workers present a secret of the JVM, not a password (what the workers send is probed). */
    private final String workerAuthorization;
    private final AgencyTokens tokens;
    private final Function<String, Set<String>> registeredScopes;
    private final EngineFixture engine;

    MatrixProbe(HttpClient http, String baseUrl, String userPassword, String workerUser, String workerAuthorization,
            AgencyTokens tokens, Function<String, Set<String>> registeredScopes,
            EngineFixture engine) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.userPassword = userPassword;
        this.workerUser = workerUser;
        this.workerAuthorization = workerAuthorization;
        this.tokens = tokens;
        this.registeredScopes = registeredScopes;
        this.engine = engine;
    }

    Outcome send(AuthorizationMatrix.Row row, Identity who) {
        String path = row.probePath().replace("{dummy}", DUMMY_ID);
        if (EngineFixture.isNeededBy(path)) {
            path = engine.fresh().fill(path);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path));
        String description = row.probeMethod() + " " + path + " as " + who;
        switch (who.kind()) {
            case ANONYMOUS -> { }
            case USER -> request.header("Authorization", who.name().equals(workerUser) ? workerAuthorization
                    : basic(who.name(), userPassword));
            case CLIENT_WITH_SCOPE, CLIENT_WITHOUT_SCOPE -> {
                Optional<String> token = tokens.token(who.name(), scopesOf(row, who));
                if (token.isEmpty()) {
                    return new Outcome(Optional.empty(), description);
                }
                request.header("Authorization", "Bearer " + token.get());
            }
        }
        body(request, row.probeMethod(), row.probeBody());
        try {
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            return new Outcome(Optional.of(response.statusCode()), description);
        } catch (IOException e) {
            throw new IllegalStateException(description + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * With the scope: exactly the operation's scope (all the client's scopes where the operation
     * has none). Without: all the client's scopes but the operation's.
     */
    private Set<String> scopesOf(AuthorizationMatrix.Row row, Identity who) {
        Set<String> all = registeredScopes.apply(who.name());
        if (row.scope() == null) {
            return all;
        }
        if (who.kind() == Identity.Kind.CLIENT_WITH_SCOPE) {
            return Set.of(row.scope());
        }
        Set<String> without = new HashSet<>(all);
        without.remove(row.scope());
        return without;
    }

    /**
     * The probe's body: none, a JSON literal, or {@code deployment}: a multipart deployment of a
     * file that is not BPMN, which the engine refuses only after it has checked who deploys.
     */
    private static void body(HttpRequest.Builder request, String method, String body) {
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else if (body.equals("deployment")) {
            String boundary = "matrix-" + UUID.randomUUID();
            String multipart = "--" + boundary + "\r\n"
                    + "Content-Disposition: form-data; name=\"deployment-name\"\r\n\r\nauthorization-matrix\r\n"
                    + "--" + boundary + "\r\n"
                    + "Content-Disposition: form-data; name=\"data\"; filename=\"not-a-model.bpmn\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\nthis is not BPMN\r\n"
                    + "--" + boundary + "--\r\n";
            request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .method(method, HttpRequest.BodyPublishers.ofString(multipart, StandardCharsets.UTF_8));
        } else if (body.startsWith("{") || body.startsWith("[")) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        } else {
            throw new IllegalArgumentException("unknown probe body " + body);
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
