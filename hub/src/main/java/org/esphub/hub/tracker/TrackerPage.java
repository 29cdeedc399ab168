package org.esphub.hub.tracker;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tracker in plain language, one sentence per exchange ("On 7 December 2026 the Social
 * Assistance Agency sent the Public Employment Service your identity and benefit details."), with
 * why, the law and the agreement. Strict XHTML, as the PDF renderer needs; every value escaped.
 */
final class TrackerPage {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private TrackerPage() {
    }

    /** @param released the answer as the gate released it ({@code person_id}, {@code exchanges}) */
    @SuppressWarnings("unchecked")
    static String xhtml(Map<String, Object> released, LocalDate printedOn) {
        List<Map<String, Object>> exchanges = (List<Map<String, Object>>) released.get("exchanges");
        StringBuilder page = new StringBuilder();
        page.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head>")
                .append("<meta charset=\"UTF-8\"/><title>Who used your data</title><style>")
                .append("body{font-family:sans-serif;font-size:11pt;margin:2em;max-width:45em}")
                .append("li{margin-bottom:1em}.meta{color:#444;font-size:10pt}</style></head><body>")
                .append("<h1>Who used your data</h1><p>Person ").append(escape(released.get("person_id")))
                .append(", printed on ").append(DAY.format(printedOn)).append(".</p>")
                .append("<p>This is every exchange of your data the hub made between agencies, oldest first. It")
                .append(" tells you which kinds of data moved, never the data itself. If something looks wrong,")
                .append(" ask the agency that gave you this page, or the Data Protection Authority.</p><ol>");
        for (Map<String, Object> exchange : exchanges) {
            page.append("<li>").append(sentence(exchange)).append("</li>");
        }
        return page.append("</ol></body></html>").toString();
    }

    @SuppressWarnings("unchecked")
    private static String sentence(Map<String, Object> exchange) {
        Instant when = Instant.parse((String) exchange.get("occurred_at"));
        List<Map<String, Object>> from = (List<Map<String, Object>>) exchange.get("from");
        List<String> categories = (List<String>) exchange.get("data_categories");
        StringBuilder text = new StringBuilder("On ")
                .append(DAY.format(when.atZone(ZoneOffset.UTC))).append(" at ").append(TIME.format(when.atZone(ZoneOffset.UTC)))
                .append(" UTC ").append(escape(names(from))).append(" sent ").append(escape(receiver(exchange)))
                .append(categories.size() == 1 ? " this kind of data about you: " : " these kinds of data about you: ")
                // a semicolon between kinds: their own names hold "and" ("case references and status")
                .append(escape(categories.isEmpty() ? "case references" : String.join("; ", categories))).append('.');
        text.append("<br/><span class=\"meta\">Why: ").append(escape(or(exchange.get("purpose_description"),
                exchange.get("purpose")))).append(". The law that allows it: ").append(escape(exchange.get("legal_basis")))
                .append(". Agreement: ").append(escape(exchange.get("agreement"))).append(". ");
        Object consent = exchange.get("consent_id");
        text.append(consent == null ? "Your consent was not needed: the law allows it."
                : "Under your consent " + escape(consent) + ".");
        Object explanation = exchange.get("explanation");
        if (explanation != null) {
            text.append("<br/>What you were told: ").append(escape(explanation));
        }
        return text.append(" (Record ").append(escape(exchange.get("sequence"))).append(")</span>").toString();
    }

    @SuppressWarnings("unchecked")
    private static String receiver(Map<String, Object> exchange) {
        Map<String, Object> to = (Map<String, Object>) exchange.get("to");
        // the person themself receives only the tracker, through the agency that asked for it
        return name(to).isEmpty() || String.valueOf(to.get("name")).startsWith("you") ? "you, through your agency,"
                : name(to);
    }

    private static String names(List<Map<String, Object>> parties) {
        return and(parties.stream().map(TrackerPage::name).toList());
    }

    private static String name(Map<String, Object> party) {
        Object name = party.get("name");
        return name == null ? String.valueOf(party.get("id")) : (name.toString().startsWith("you") ? "" : "the ") + name;
    }

    private static String and(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    private static Object or(Object value, Object fallback) {
        return value == null ? fallback : value;
    }

    private static String escape(Object value) {
        String text = String.valueOf(value);
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
