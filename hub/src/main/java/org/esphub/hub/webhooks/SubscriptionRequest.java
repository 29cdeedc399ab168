package org.esphub.hub.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.esphub.dci.DciReasonCode;
import org.esphub.dci.DciRejection;

/**
 * A subscription request as the client sent it, checked field by field. Every problem is named
 * by its JSON path, all of them at once, so a client fixes its request in one go.
 *
 * <p>On create, {@code url} and {@code events} are required; on update every field is optional
 * and an absent field keeps its value.
 */
public record SubscriptionRequest(String url, List<String> events, String secret, SubscriptionStatus status) {

    static final int MIN_SECRET_LENGTH = 16;
    static final int MAX_SECRET_LENGTH = 255;
    static final int MAX_URL_LENGTH = 2048;

    public static SubscriptionRequest forCreate(JsonNode body) {
        return parse(body, true);
    }

    public static SubscriptionRequest forUpdate(JsonNode body) {
        SubscriptionRequest request = parse(body, false);
        if (request.url == null && request.events == null && request.status == null) {
            throw invalid(List.of("$: give at least one of url, events, status"));
        }
        return request;
    }

    private static SubscriptionRequest parse(JsonNode body, boolean create) {
        if (body == null || !body.isObject()) {
            throw invalid(List.of("$: the body must be a JSON object"));
        }
        List<String> problems = new ArrayList<>();
        String url = url(body.get("url"), create, problems);
        List<String> events = events(body.get("events"), create, problems);
        String secret = create ? secret(body.get("secret"), problems) : null;
        if (!create && body.has("secret")) {
            problems.add("$.secret: the secret is set when subscribing and cannot be changed; subscribe again");
        }
        SubscriptionStatus status = create ? null : status(body.get("status"), problems);
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        return new SubscriptionRequest(url, events, secret, status);
    }

    private static String url(JsonNode node, boolean required, List<String> problems) {
        if (absent(node)) {
            if (required) {
                problems.add("$.url: required");
            }
            return null;
        }
        if (!node.isTextual()) {
            problems.add("$.url: must be a string");
            return null;
        }
        String url = node.asText();
        if (!isAbsoluteHttpUrl(url)) {
            problems.add("$.url: must be an absolute http or https URL of at most " + MAX_URL_LENGTH + " characters");
            return null;
        }
        return url;
    }

    static boolean isAbsoluteHttpUrl(String url) {
        if (url.length() > MAX_URL_LENGTH) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && uri.getRawFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static List<String> events(JsonNode node, boolean required, List<String> problems) {
        if (absent(node)) {
            if (required) {
                problems.add("$.events: required");
            }
            return null;
        }
        if (!node.isArray() || node.isEmpty()) {
            problems.add("$.events: must be a non-empty array of event types " + WebhookEvents.ALL);
            return null;
        }
        Set<String> events = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode event = node.get(i);
            if (!event.isTextual() || !WebhookEvents.ALL.contains(event.asText())) {
                problems.add("$.events[" + i + "]: must be one of " + WebhookEvents.ALL);
            } else {
                events.add(event.asText());
            }
        }
        return List.copyOf(events);
    }

    private static String secret(JsonNode node, List<String> problems) {
        if (absent(node)) {
            return null;
        }
        if (!node.isTextual() || node.asText().length() < MIN_SECRET_LENGTH
                || node.asText().length() > MAX_SECRET_LENGTH) {
            problems.add("$.secret: must be a string of " + MIN_SECRET_LENGTH + " to " + MAX_SECRET_LENGTH
                    + " characters");
            return null;
        }
        return node.asText();
    }

    private static SubscriptionStatus status(JsonNode node, List<String> problems) {
        if (absent(node)) {
            return null;
        }
        try {
            return SubscriptionStatus.valueOf(node.isTextual() ? node.asText() : "");
        } catch (IllegalArgumentException e) {
            problems.add("$.status: must be one of " + List.of(SubscriptionStatus.values()));
            return null;
        }
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isNull();
    }

    private static DciRejection invalid(List<String> problems) {
        return new DciRejection(DciReasonCode.REQUEST_BAD, "the subscription request is invalid", problems);
    }
}
