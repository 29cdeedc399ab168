package org.esphub.governance.restriction;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Table {@code esp_processing_restriction}: the open and lifted restrictions of processing. The gate asks
 * {@link #restricting} on every exchange about a person, so the question is one indexed read.
 */
public class ProcessingRestrictions {

    private static final String COLUMNS = "id, person_id, purposes, reason, opened_by, opened_for, opened_at,"
            + " lifted_at, lifted_by";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ProcessingRestrictions(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Restriction open(String personId, List<String> purposes, String reason, String openedBy, String openedFor) {
        Restriction restriction = new Restriction(UUID.randomUUID().toString(), personId, purposes, reason, openedBy,
                openedFor, clock.instant(), null, null);
        jdbc.update("INSERT INTO esp_processing_restriction (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL)",
                restriction.id(), personId, String.join(",", purposes), reason, openedBy, openedFor,
                Timestamp.from(restriction.openedAt()));
        return restriction;
    }

    /** Lifts an open restriction; lifting a lifted one changes nothing. */
    public Optional<Restriction> lift(String id, String liftedBy) {
        jdbc.update("UPDATE esp_processing_restriction SET lifted_at = ?, lifted_by = ? WHERE id = ? AND lifted_at IS NULL",
                Timestamp.from(clock.instant()), liftedBy, id);
        return find(id);
    }

    public Optional<Restriction> find(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM esp_processing_restriction WHERE id = ?",
                (row, n) -> restriction(row), id).stream().findFirst();
    }

    /** The open restriction that holds exchanges about this person for this purpose, if any. */
    public Optional<Restriction> restricting(String personId, String purpose) {
        if (personId == null || purpose == null) {
            return Optional.empty();
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM esp_processing_restriction WHERE person_id = ?"
                + " AND lifted_at IS NULL ORDER BY opened_at", (row, n) -> restriction(row), personId).stream()
                .filter(restriction -> restriction.purposes().contains(purpose)).findFirst();
    }

    private static Restriction restriction(ResultSet row) throws SQLException {
        Timestamp lifted = row.getTimestamp("lifted_at");
        return new Restriction(row.getString("id"), row.getString("person_id"),
                Arrays.asList(row.getString("purposes").split(",")), row.getString("reason"),
                row.getString("opened_by"), row.getString("opened_for"), row.getTimestamp("opened_at").toInstant(),
                lifted == null ? null : lifted.toInstant(), row.getString("lifted_by"));
    }

    /** No restrictions: for gates without a database of their own (tests of other rules). */
    public static ProcessingRestrictions none() {
        return new ProcessingRestrictions(null, Clock.systemUTC()) {
            @Override
            public Optional<Restriction> restricting(String personId, String purpose) {
                return Optional.empty();
            }
        };
    }
}
