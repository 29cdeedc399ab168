package org.esphub.governance.consent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.esphub.governance.agreements.AgreementCatalogue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * Table {@code esp_consent}: who consented to what, when, until when, and whether they withdrew.
 * Joins the caller's transaction, so a consent arriving with a referral is recorded exactly when
 * the referral is, and the processes a withdrawal closes are closed in the withdrawal's transaction.
 */
public class ConsentRegistry {

    private static final String COLUMNS = "id, person_id, purpose, scope, given_at, expires_at, withdrawn_at,"
            + " withdrawal_reason, withdrawn_by, source, legal_basis, given_by, given_by_role, subject_birth_date,"
            + " recorded_at, recorded_by";

    private final JdbcTemplate jdbc;
    private final ConsentRules rules;
    private final Clock clock;

    public ConsentRegistry(JdbcTemplate jdbc, AgreementCatalogue agreements, Majority majority, Clock clock) {
        this.jdbc = jdbc;
        this.rules = new ConsentRules(agreements, majority, clock);
        this.clock = clock;
    }

    /**
     * @param recordedBy the user, agency system or sender that recorded it
     * @throws InvalidConsent if the consent breaks a rule (nothing is written)
     */
    public Consent record(NewConsent request, String recordedBy) {
        Consent consent = rules.resolve(request, recordedBy);
        jdbc.update("INSERT INTO esp_consent (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                consent.id(), consent.personId(), consent.purpose(),
                consent.scope().isEmpty() ? null : String.join(",", consent.scope()), utc(consent.givenAt()),
                utc(consent.expiresAt()), null, null, null, consent.source(), consent.legalBasis(), consent.givenBy(),
                consent.givenByRole().name(),
                consent.subjectBirthDate(),
                utc(consent.recordedAt()), consent.recordedBy());
        return consent;
    }

    public Optional<Consent> find(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM esp_consent WHERE id = ?", CONSENT, id).stream().findFirst();
    }

    /** Every consent of the person, newest first, withdrawn and expired ones included. */
    public List<Consent> ofPerson(String personId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM esp_consent WHERE person_id = ? ORDER BY given_at DESC, id",
                CONSENT, personId);
    }

    public List<Consent> ofPerson(String personId, String purpose) {
        return jdbc.query("SELECT " + COLUMNS + " FROM esp_consent WHERE person_id = ? AND purpose = ?"
                + " ORDER BY given_at DESC, id", CONSENT, personId, purpose);
    }

    /**
     * Withdraws the consent from now on. Withdrawing it again changes nothing.
     *
     * @throws UnknownConsent if no consent has the id
     */
    public Withdrawal withdraw(String id, String withdrawnBy, String reason) {
        Consent before = find(id).orElseThrow(() -> new UnknownConsent(id));
        if (before.withdrawnAt() != null) {
            return new Withdrawal(before, false);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        int changed = jdbc.update("UPDATE esp_consent SET withdrawn_at = ?, withdrawn_by = ?, withdrawal_reason = ?"
                + " WHERE id = ? AND withdrawn_at IS NULL", utc(now), withdrawnBy, reason, id);
        Consent after = find(id).orElseThrow(() -> new UnknownConsent(id));
        return new Withdrawal(after, changed == 1);
    }

    /** @param changed false when the consent had been withdrawn before */
    public record Withdrawal(Consent consent, boolean changed) {
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static final RowMapper<Consent> CONSENT = (row, n) -> {
        String scope = row.getString("scope");
        return new Consent(row.getString("id"), row.getString("person_id"), row.getString("purpose"),
                scope == null ? List.of() : Arrays.asList(scope.split(",")), instant(row, "given_at"),
                instant(row, "expires_at"), instant(row, "withdrawn_at"), row.getString("withdrawal_reason"),
                row.getString("withdrawn_by"), row.getString("source"), row.getString("legal_basis"),
                row.getString("given_by"), ConsentRole.valueOf(row.getString("given_by_role")),
                row.getObject("subject_birth_date", LocalDate.class), instant(row, "recorded_at"),
                row.getString("recorded_by"));
    };
}
