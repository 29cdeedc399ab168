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
 * <p>On create, {@code url} and {@code event_types} are required; on update every field is optional
 * and an absent field keeps its value. {@code events}, the hub's first name for {@code event_types},
 * is taken as its alias (not both). {@code filters} takes the companion's {@code person_ids}.
 */
public record SubscriptionRequest(String url, List<String> events, String secret, SubscriptionStatus status,
        SubscriptionFilters filters) {

    /** The companion's name of the event list. */
    static final String EVENT_TYPES = "event_types";
    /** The name the hub took first; still accepted. */
    static final String EVENTS_ALIAS = "events";

    static final int MIN_SECRET_LENGTH = 16;
    static final int MAX_SECRET_LENGTH = 255;
    static final int MAX_URL_LENGTH = 2048;

    public static SubscriptionRequest forCreate(JsonNode body) {
        return parse(body, true);
    }

    public static SubscriptionRequest forUpdate(JsonNode body) {
        SubscriptionRequest request = parse(body, false);
        if (request.url == null && request.events == null && request.status == null && request.filters == null) {
            throw invalid(List.of("$: give at least one of url, event_types, filters, status"));
        }
        return request;
    }

    private static SubscriptionRequest parse(JsonNode body, boolean create) {
        if (body == null || !body.isObject()) {
            throw invalid(List.of("$: the body must be a JSON object"));
        }
        List<String> problems = new ArrayList<>();
        String url = url(body.get("url"), create, problems);
        if (body.has(EVENT_TYPES) && body.has(EVENTS_ALIAS)) {
            problems.add("$.events: an alias of event_types; give one of them");
        }
        String eventsField = body.has(EVENTS_ALIAS) ? EVENTS_ALIAS : EVENT_TYPES;
        List<String> events = events(eventsField, body.get(eventsField), create, problems);
        SubscriptionFilters filters = filters(body.get("filters"), problems);
        String secret = create ? secret(body.get("secret"), problems) : null;
        if (!create && body.has("secret")) {
            problems.add("$.secret: the secret is set when subscribing and cannot be changed; subscribe again");
        }
        SubscriptionStatus status = create ? null : status(body.get("status"), problems);
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        return new SubscriptionRequest(url, events, secret, status, filters);
    }

    /** null when absent (create: none; update: unchanged); {@code {}} removes every filter. */
    private static SubscriptionFilters filters(JsonNode node, List<String> problems) {
        if (absent(node)) {
            return null;
        }
        if (!node.isObject()) {
            problems.add("$.filters: must be an object");
            return null;
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!SubscriptionFilters.PERSON_IDS.equals(name)) {
                problems.add("$.filters." + name + ": not a filter this hub applies (only "
                        + SubscriptionFilters.PERSON_IDS + ")");
            }
        });
        JsonNode personIds = node.get(SubscriptionFilters.PERSON_IDS);
        if (absent(personIds)) {
            return SubscriptionFilters.NONE;
        }
        if (!personIds.isArray() || personIds.size() > SubscriptionFilters.MAX_PERSON_IDS) {
            problems.add("$.filters.person_ids: must be an array of at most " + SubscriptionFilters.MAX_PERSON_IDS
                    + " person ids");
            return null;
        }
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < personIds.size(); i++) {
            JsonNode id = personIds.get(i);
            if (!id.isTextual() || id.asText().isEmpty() || id.asText().length() > SubscriptionFilters.MAX_PERSON_ID_LENGTH) {
                problems.add("$.filters.person_ids[" + i + "]: must be a string of 1 to "
                        + SubscriptionFilters.MAX_PERSON_ID_LENGTH + " characters");
            } else {
                ids.add(id.asText());
            }
        }
        return new SubscriptionFilters(List.copyOf(ids));
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

    private static List<String> events(String field, JsonNode node, boolean required, List<String> problems) {
        if (absent(node)) {
            if (required) {
                problems.add("$." + field + ": required");
            }
            return null;
        }
        if (!node.isArray() || node.isEmpty()) {
            problems.add("$." + field + ": must be a non-empty array of event types " + WebhookEvents.ALL);
            return null;
        }
        Set<String> events = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode event = node.get(i);
            if (!event.isTextual() || !WebhookEvents.ALL.contains(event.asText())) {
                problems.add("$." + field + "[" + i + "]: must be one of " + WebhookEvents.ALL);
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
