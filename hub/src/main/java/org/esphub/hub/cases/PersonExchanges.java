package org.esphub.hub.cases;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.esphub.governance.audit.AuditEvent;
import org.esphub.governance.audit.AuditQuery;
import org.esphub.governance.audit.AuditSearch;
import org.springframework.stereotype.Component;

/**
 * The exchanges of data about a person, as the audit log has them: when, from whom to whom, which
 * exchange, for what purpose and on what legal basis, and whether the gate let it through. A simple read
 * for the case view: the newest {@link #SHOWN} records.
 */
@Component
public class PersonExchanges {

    /** The case view shows the latest exchanges; the audit API has every one. */
    static final int SHOWN = 100;

    private final AuditSearch audit;

    public PersonExchanges(AuditSearch audit) {
        this.audit = audit;
    }

    List<Map<String, Object>> of(String personId) {
        List<Map<String, Object>> all = audit.find(new AuditQuery(personId, null, null, null, null, null, 0,
                AuditQuery.MAX_LIMIT)).stream().map(entry -> row(entry.event())).toList();
        List<Map<String, Object>> newestFirst = new ArrayList<>(all.subList(Math.max(0, all.size() - SHOWN), all.size()));
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    private static Map<String, Object> row(AuditEvent event) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("at", event.occurredAt().toString());
        row.put("from", event.actorId());
        row.put("to", event.receiver());
        row.put("exchange", event.exchange());
        row.put("action", event.action().name());
        row.put("purpose", event.purpose());
        row.put("legal_basis", event.legalBasis());
        row.put("agreement", event.agreement());
        row.put("outcome", event.outcome().name());
        return row;
    }
}
