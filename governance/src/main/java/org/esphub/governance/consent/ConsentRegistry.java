package org.esphub.governance.consent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
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

    /** How long before its recording a consent may have been given, unless configured otherwise. */
    public static final int DEFAULT_MAX_BACKDATING_DAYS = 30;

    private static final String COLUMNS = "id, person_id, purpose, scope, given_at, expires_at, withdrawn_at,"
            + " withdrawal_reason, withdrawn_by, source, legal_basis, given_by, given_by_role, subject_birth_date,"
            + " recorded_at, recorded_by, recorded_for, withdrawn_for";

    private final JdbcTemplate jdbc;
    private final ConsentAgreements agreements;
    private final ConsentRules rules;
    private final Clock clock;
    private final RowMapper<Consent> rows;

    /**
     * @param maxBackdating how long before its recording a consent may have been given
     *     ({@code esp.governance.consent.max-backdating})
     */
    public ConsentRegistry(JdbcTemplate jdbc, AgreementCatalogue agreements, Majority majority, Duration maxBackdating,
            Clock clock) {
        this.jdbc = jdbc;
        this.agreements = new ConsentAgreements(agreements);
        this.rules = new ConsentRules(this.agreements, majority, maxBackdating, clock);
        this.clock = clock;
        this.rows = this::consent;
    }

    /** With the default backdating window of {@value #DEFAULT_MAX_BACKDATING_DAYS} days. */
    public ConsentRegistry(JdbcTemplate jdbc, AgreementCatalogue agreements, Majority majority, Clock clock) {
        this(jdbc, agreements, majority, Duration.ofDays(DEFAULT_MAX_BACKDATING_DAYS), clock);
    }

    /** What the agreements say about consents: standing, receivers, legal basis. */
    public ConsentAgreements agreements() {
        return agreements;
    }

    /**
     * @param recorder who records it and for which party; the party must be one of the consent's agreements
     * @throws InvalidConsent if the consent breaks a rule (nothing is written)
     * @throws NotAPartyToConsent if the recorder has no standing on it (nothing is written)
     */
    public Consent record(NewConsent request, ConsentActor recorder) {
        Consent consent = rules.resolve(request, recorder);
        jdbc.update("INSERT INTO esp_consent (" + COLUMNS + ")"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                consent.id(), consent.personId(), consent.purpose(), String.join(",", consent.scope()),
                utc(consent.givenAt()), utc(consent.expiresAt()), null, null, null, consent.source(),
                consent.legalBasis(), consent.givenBy(), consent.givenByRole().name(), consent.subjectBirthDate(),
                utc(consent.recordedAt()), consent.recordedBy(), consent.recordedFor(), null);
        return consent;
    }

    public Optional<Consent> find(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM esp_consent WHERE id = ?", rows, id).stream().findFirst();
    }

    /** Every consent of the person, newest first, withdrawn and expired ones included. */
    public List<Consent> ofPerson(String personId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM esp_consent WHERE person_id = ? ORDER BY given_at DESC, id",
                rows, personId);
    }

    public List<Consent> ofPerson(String personId, String purpose) {
        return jdbc.query("SELECT " + COLUMNS + " FROM esp_consent WHERE person_id = ? AND purpose = ?"
                + " ORDER BY given_at DESC, id", rows, personId, purpose);
    }

    /** Whether the party is a party of an agreement the consent is given under. */
    public boolean hasStanding(String party, Consent consent) {
        return agreements.hasStanding(party, consent.purpose(), consent.scope());
    }

    /**
     * Withdraws the consent from now on, on the person's behalf. Withdrawing it again changes nothing.
     *
     * @param withdrawer who withdraws it and for which party; any party of the consent's agreements may
     * @throws UnknownConsent if no consent has the id
     * @throws NotAPartyToConsent if the withdrawer has no standing on it (nothing is written)
     */
    public Withdrawal withdraw(String id, ConsentActor withdrawer, String reason) {
        Consent before = find(id).orElseThrow(() -> new UnknownConsent(id));
        if (!hasStanding(withdrawer.party(), before)) {
            throw new NotAPartyToConsent(withdrawer.id() + " acts for " + withdrawer.party() + ", which is no party"
                    + " of the agreements consent " + id + " is given under; their parties may withdraw it: "
                    + agreements.partiesWithStanding(before.purpose(), before.scope()));
        }
        if (before.withdrawnAt() != null) {
            return new Withdrawal(before, false);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        int changed = jdbc.update("UPDATE esp_consent SET withdrawn_at = ?, withdrawn_by = ?, withdrawn_for = ?,"
                + " withdrawal_reason = ? WHERE id = ? AND withdrawn_at IS NULL", utc(now), withdrawer.id(),
                withdrawer.party(), reason, id);
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

    /**
     * A consent recorded before scopes were written out has none (NULL): it is read as covering
     * the receivers of its purpose's exchanges, which is what the gate let it cover then.
     */
    private Consent consent(ResultSet row, int n) throws SQLException {
        String scope = row.getString("scope");
        String purpose = row.getString("purpose");
        return new Consent(row.getString("id"), row.getString("person_id"), purpose,
                scope == null || scope.isEmpty() ? List.copyOf(agreements.receiversOf(purpose))
                        : Arrays.asList(scope.split(",")),
                instant(row, "given_at"), instant(row, "expires_at"), instant(row, "withdrawn_at"),
                row.getString("withdrawal_reason"), row.getString("withdrawn_by"), row.getString("withdrawn_for"),
                row.getString("source"), row.getString("legal_basis"), row.getString("given_by"),
                ConsentRole.valueOf(row.getString("given_by_role")),
                row.getObject("subject_birth_date", LocalDate.class), instant(row, "recorded_at"),
                row.getString("recorded_by"), row.getString("recorded_for"));
    }
}
