package org.esphub.hub.rights;

import java.util.ArrayList;
import java.util.List;
import org.esphub.governance.audit.AuditEntry;
import org.esphub.governance.audit.AuditQuery;
import org.esphub.governance.audit.AuditSearch;
import org.springframework.stereotype.Component;

/** The audit log's records about one person, oldest first: every exchange of their data, released or refused. */
@Component
public class PersonAuditEvents {

    /** More than any real case holds; an export never grows without bound. */
    static final int MAX_EVENTS = 20_000;

    private final AuditSearch search;

    public PersonAuditEvents(AuditSearch search) {
        this.search = search;
    }

    public List<AuditEntry> of(String personId) {
        List<AuditEntry> events = new ArrayList<>();
        long after = 0;
        while (events.size() < MAX_EVENTS) {
            List<AuditEntry> page = search.find(new AuditQuery(personId, null, null, null, null, null, after,
                    AuditQuery.MAX_LIMIT));
            events.addAll(page);
            if (page.size() < AuditQuery.MAX_LIMIT) {
                break;
            }
            after = page.get(page.size() - 1).sequence();
        }
        return events.size() > MAX_EVENTS ? events.subList(0, MAX_EVENTS) : events;
    }
}
