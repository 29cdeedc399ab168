package org.esphub.hub.governance;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Audit records as CSV (RFC 4180) for spreadsheets: one header row, one row per record. */
final class AuditCsv {

    private AuditCsv() {
    }

    static String write(List<Map<String, Object>> events) {
        StringBuilder csv = new StringBuilder(String.join(",", AuditEventJson.FIELDS)).append("\r\n");
        for (Map<String, Object> event : events) {
            csv.append(AuditEventJson.FIELDS.stream().map(field -> cell(event.get(field)))
                    .collect(Collectors.joining(","))).append("\r\n");
        }
        return csv.toString();
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof Collection<?> list
                ? list.stream().map(String::valueOf).collect(Collectors.joining(";")) : String.valueOf(value);
        // a leading =, +, - or @ would make a spreadsheet evaluate the cell as a formula
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        boolean quote = text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                || text.contains("'");
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
