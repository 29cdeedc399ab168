package org.esphub.hub.security.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The properties every answer to hostile input must have, and the count of how often they did
 * not: never a 5xx; never a stack trace or an HTML page; every refusal in the standard's
 * {@code {"errors":[{"code","message"}]}}; hostile input is never accepted. Violations are
 * grouped by kind with a few examples each, so a run's log says what broke without thousands
 * of lines.
 */
public final class FuzzTally {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STACK_TRACE = Pattern.compile(
            "\\bat [a-z][\\w$]*(\\.[\\w$]+)+\\(|Exception:|\\.java:\\d+\\)|\"trace\"\\s*:");
    private static final int EXAMPLES_PER_KIND = 3;

    private final String suite;
    private int requests;
    private int serverErrors;
    private final Map<String, List<String>> violations = new LinkedHashMap<>();
    private final Map<String, Integer> violationCounts = new LinkedHashMap<>();

    public FuzzTally(String suite) {
        this.suite = suite;
    }

    /** Checks one HTTP answer to hostile input that must be refused (it would change something). */
    public void answer(String request, int status, String contentType, String body) {
        answerToQuery(request, status, contentType, body);
        if (status < 400) {
            violation(status + ": hostile input accepted", request, body);
        }
    }

    /**
     * Checks one HTTP answer to a hostile query: a search with odd filters may well find nothing
     * (200), but never fail or leak.
     */
    public void answerToQuery(String request, int status, String contentType, String body) {
        requests++;
        if (status >= 500) {
            serverErrors++;
            violation(status + " (a 5xx)", request, body);
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        String text = body == null ? "" : body;
        if (type.contains("html") || text.stripLeading().toLowerCase(Locale.ROOT).startsWith("<!doctype html")
                || text.toLowerCase(Locale.ROOT).contains("<html")) {
            violation(status + " with an HTML page", request, text);
        }
        if (STACK_TRACE.matcher(text).find()) {
            violation(status + " with a stack trace", request, text);
        }
        if (status >= 400 && !isStandardError(text)) {
            violation(status + " not in the standard error format", request, text);
        }
    }

    /** A property outside one answer, e.g. a state change or a message not parked with a reason. */
    public void violation(String kind, String request, String detail) {
        violationCounts.merge(kind, 1, Integer::sum);
        List<String> examples = violations.computeIfAbsent(kind, k -> new ArrayList<>());
        if (examples.size() < EXAMPLES_PER_KIND) {
            examples.add(shorten(request) + " -> " + shorten(detail));
        }
    }

    public void sent() {
        requests++;
    }

    private static boolean isStandardError(String body) {
        try {
            JsonNode errors = JSON.readTree(body).path("errors");
            if (!errors.isArray() || errors.isEmpty()) {
                return false;
            }
            for (JsonNode error : errors) {
                if (!error.path("code").isTextual() || !error.path("message").isTextual()) {
                    return false;
                }
            }
            return true;
        } catch (Exception notJson) {
            return false;
        }
    }

    /** Prints the suite's summary line and its violations; returns them for the assertion. */
    public List<String> report() {
        System.out.println("fuzz " + suite + ": " + requests + " requests, " + serverErrors + " 5xx, "
                + violationCounts.values().stream().mapToInt(Integer::intValue).sum() + " property violations");
        List<String> lines = new ArrayList<>();
        violations.forEach((kind, examples) -> {
            String line = suite + ": " + violationCounts.get(kind) + " x " + kind + ", e.g. "
                    + String.join(" | ", examples);
            lines.add(line);
            System.out.println("fuzz violation " + line);
        });
        return lines;
    }

    static String shorten(String text) {
        if (text == null) {
            return "null";
        }
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() <= 200 ? flat : flat.substring(0, 200) + "... (" + flat.length() + " chars)";
    }
}
