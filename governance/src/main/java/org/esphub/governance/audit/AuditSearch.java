package org.esphub.governance.audit;

import java.util.ArrayList;
import java.util.List;
import org.esphub.governance.storage.StoredField;
import org.springframework.jdbc.core.JdbcTemplate;

/** The auditor's read side of {@code esp_audit_event}. */
public class AuditSearch {

    private final JdbcTemplate jdbc;

    public AuditSearch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<AuditEntry> find(AuditQuery query) {
        StringBuilder where = new StringBuilder(" WHERE sequence > ?");
        List<Object> arguments = new ArrayList<>();
        arguments.add(query.afterSequence());
        // a filter is fitted as the records were, so a value cut when it was recorded still finds them
        condition(where, arguments, "person_id = ?", StoredField.AUDIT_PERSON_ID.fit(query.personId()));
        condition(where, arguments, "receiver = ?", StoredField.AUDIT_RECEIVER.fit(query.agency()));
        condition(where, arguments, "purpose = ?", StoredField.AUDIT_PURPOSE.fit(query.purpose()));
        condition(where, arguments, "correlation_id = ?", StoredField.AUDIT_CORRELATION_ID.fit(query.correlationId()));
        condition(where, arguments, "occurred_at >= ?", query.from() == null ? null : AuditStore.utc(query.from()));
        condition(where, arguments, "occurred_at < ?", query.to() == null ? null : AuditStore.utc(query.to()));
        return jdbc.query("SELECT " + AuditStore.COLUMNS + " FROM esp_audit_event" + where
                + " ORDER BY sequence FETCH FIRST " + query.limit() + " ROWS ONLY", AuditStore.ENTRY,
                arguments.toArray());
    }

    private static void condition(StringBuilder where, List<Object> arguments, String clause, Object value) {
        if (value != null) {
            where.append(" AND ").append(clause);
            arguments.add(value);
        }
    }
}
