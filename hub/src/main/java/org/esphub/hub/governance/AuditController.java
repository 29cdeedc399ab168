package org.esphub.hub.governance;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.esphub.governance.audit.AuditEntry;
import org.esphub.governance.audit.AuditQuery;
import org.esphub.governance.audit.AuditSearch;
import org.esphub.governance.audit.AuditVerifier;
import org.esphub.governance.audit.ChainVerification;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The auditors' API (group {@code auditors} only): find exchanges by person, receiving agency,
 * purpose, correlation id and time, as JSON or CSV; and recompute the hash chain. An auditor's
 * search reads personal data, so it is itself an audited exchange.
 */
@RestController
@RequestMapping("/api/audit")
public class AuditController {

    static final String SEARCH_EXCHANGE = "api.search-audit-events";
    static final String PURPOSE = "AUDIT_OVERSIGHT";
    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final AuditSearch search;
    private final AuditVerifier verifier;
    private final ApiDisclosure disclosure;

    public AuditController(AuditSearch search, AuditVerifier verifier, ApiDisclosure disclosure) {
        this.search = search;
        this.verifier = verifier;
        this.disclosure = disclosure;
    }

    /**
     * Records oldest first; page with {@code after} = the {@code next_after} of the previous page.
     * CSV with {@code format=csv} or {@code Accept: text/csv}.
     */
    @GetMapping(path = "/events", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    public ResponseEntity<?> events(
            @RequestParam(name = "person_id", required = false) String personId,
            @RequestParam(name = "agency", required = false) String agency,
            @RequestParam(name = "purpose", required = false) String purpose,
            @RequestParam(name = "correlation_id", required = false) String correlationId,
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to,
            @RequestParam(name = "after", defaultValue = "0") long after,
            @RequestParam(name = "limit", defaultValue = "100") int limit,
            @RequestParam(name = "format", required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            @RequestHeader(name = CorrelationIds.HEADER, required = false) String requestCorrelationId,
            Authentication caller) {
        boolean csv = wantsCsv(format, accept);
        AuditQuery query;
        try {
            query = new AuditQuery(blankToNull(personId), blankToNull(agency), blankToNull(purpose),
                    blankToNull(correlationId), instant("from", from), instant("to", to), after, limit);
        } catch (IllegalArgumentException e) {
            throw new BadGovernanceRequest(List.of(e.getMessage()));
        }
        List<AuditEntry> entries = search.find(query);
        List<Map<String, Object>> events = entries.stream().map(AuditEventJson::of).toList();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("events", events);
        answer.put("next_after", entries.isEmpty() ? null : entries.get(entries.size() - 1).sequence());
        Map<String, Object> released = disclosure.toApiCaller(SEARCH_EXCHANGE, PURPOSE, caller.getName(),
                query.personId(), describe(query), CorrelationIds.orNew(requestCorrelationId), answer);
        if (csv) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> rows = (List<Map<String, Object>>) released.get("events");
            return ResponseEntity.ok().contentType(CSV)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-events.csv\"")
                    .body(AuditCsv.write(rows));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(released);
    }

    /** Recomputes the chain from the anchor to the head; names the first record that does not fit. */
    @GetMapping(path = "/verification", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> verification() {
        ChainVerification result = verifier.verify();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("intact", result.intact());
        answer.put("records_checked", result.recordsChecked());
        answer.put("anchor_sequence", result.anchorSequence());
        answer.put("head_sequence", result.headSequence());
        if (!result.intact()) {
            Map<String, Object> broken = new LinkedHashMap<>();
            broken.put("sequence", result.firstBrokenSequence());
            broken.put("event_id", result.firstBrokenEventId());
            broken.put("problem", result.problem());
            answer.put("first_broken_link", broken);
        }
        return answer;
    }

    private static boolean wantsCsv(String format, String accept) {
        if (format != null) {
            if (!format.equals("csv") && !format.equals("json")) {
                throw new BadGovernanceRequest(List.of("format: csv or json"));
            }
            return format.equals("csv");
        }
        return accept != null && accept.contains("text/csv") && !accept.contains(MediaType.APPLICATION_JSON_VALUE);
    }

    private static Instant instant(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadGovernanceRequest(List.of(name + ": '" + text + "' is not an ISO-8601 UTC instant such as"
                    + " 2026-03-01T00:00:00Z"));
        }
    }

    /** What the auditor asked for, as the resource of the audit record of their search. */
    private static String describe(AuditQuery query) {
        List<String> filters = new ArrayList<>();
        add(filters, "person_id", query.personId());
        add(filters, "agency", query.agency());
        add(filters, "purpose", query.purpose());
        add(filters, "correlation_id", query.correlationId());
        add(filters, "from", query.from());
        add(filters, "to", query.to());
        return filters.isEmpty() ? "all" : String.join("&", filters);
    }

    private static void add(List<String> filters, String name, Object value) {
        if (value != null) {
            filters.add(name + "=" + value);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
