package org.esphub.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.esphub.governance.audit.AuditStore;
import org.esphub.governance.audit.AuditVerifier;
import org.esphub.hub.support.HubClient;
import org.esphub.hub.support.HubOnPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On PostgreSQL the database itself keeps the audit log append-only: whoever connects, with the
 * hub or without it, cannot change or remove a record younger than seven years. Runs when
 * {@code ESP_TEST_DATABASE_URL} names a PostgreSQL database (CI sets it).
 */
@HubOnPostgres
class AuditLogOnPostgresTest {

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private AuditStore auditStore;
    @Autowired
    private AuditVerifier verifier;
    @Value("${server.port}")
    private int port;

    private long sequence;

    @BeforeEach
    void recordSomething() {
        HubClient hub = new HubClient(port);
        String person = "P-" + UUID.randomUUID();
        assertThat(hub.post("sa-worker", "/api/consents", Map.of("person_id", person, "purpose", "EMPLOYMENT_ACTIVATION",
                "source", "form")).status()).isEqualTo(201);
        sequence = jdbc.queryForObject("SELECT MAX(sequence) FROM esp_audit_event WHERE person_id = ?", Long.class,
                person);
    }

    @Test
    void the_database_refuses_to_update_an_audit_record() {
        assertThatThrownBy(() -> jdbc.update("UPDATE esp_audit_event SET purpose = 'MARKETING' WHERE sequence = ?",
                sequence))
                .isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("esp_audit_event is append-only: UPDATE refused");
        assertThat(jdbc.queryForObject("SELECT purpose FROM esp_audit_event WHERE sequence = ?", String.class, sequence))
                .isEqualTo("EMPLOYMENT_ACTIVATION");
    }

    @Test
    void the_database_refuses_to_delete_or_truncate_audit_records_younger_than_seven_years() {
        assertThatThrownBy(() -> jdbc.update("DELETE FROM esp_audit_event WHERE sequence = ?", sequence))
                .isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("append-only: DELETE refused");
        assertThatThrownBy(() -> jdbc.execute("TRUNCATE esp_audit_event"))
                .isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("append-only: TRUNCATE refused");
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void even_the_hubs_own_retention_purge_cannot_delete_records_younger_than_seven_years() {
        long anchor = auditStore.chainState().anchorSequence();

        assertThatThrownBy(() -> auditStore.purgeBefore(Instant.now().plus(1, ChronoUnit.DAYS)))
                .isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("append-only: DELETE refused");
        assertThat(auditStore.chainState().anchorSequence()).as("the purge rolled back as a whole").isEqualTo(anchor);
        assertThat(verifier.verify().intact()).isTrue();
    }
}
