package org.esphub.governance.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.esphub.governance.gate.RefusalReason;
import org.junit.jupiter.api.Test;

/** When a person's consents allow an exchange, and why not. */
class ConsentCheckTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final String PES = "pes.gov.example";
    private static final LocalDate ADULT = LocalDate.parse("1990-01-01");
    private static final LocalDate SEVENTEEN = LocalDate.parse("2009-01-01");

    private final ConsentCheck check = new ConsentCheck(new Majority(18));

    @Test
    void an_active_consent_for_the_purpose_grants_the_exchange() {
        Consent consent = consent(ConsentRole.SUBJECT, null, null, List.of(PES));

        assertThat(check.check(List.of(consent), PES, ADULT, NOW).consent()).isEqualTo(consent);
    }

    @Test
    void no_consent_is_refused_as_missing() {
        assertThat(check.check(List.of(), PES, ADULT, NOW).refusal()).isEqualTo(RefusalReason.CONSENT_MISSING);
    }

    @Test
    void a_withdrawn_consent_is_refused_as_withdrawn() {
        Consent withdrawn = consent(ConsentRole.SUBJECT, null, NOW.minusSeconds(1), List.of(PES));

        ConsentCheck.Verdict verdict = check.check(List.of(withdrawn), PES, ADULT, NOW);
        assertThat(verdict.refusal()).isEqualTo(RefusalReason.CONSENT_WITHDRAWN);
        assertThat(verdict.explanation()).contains(withdrawn.id());
    }

    @Test
    void an_expired_consent_is_refused_as_expired() {
        assertThat(check.check(List.of(consent(ConsentRole.SUBJECT, NOW, null, List.of(PES))), PES, ADULT, NOW).refusal())
                .isEqualTo(RefusalReason.CONSENT_EXPIRED);
    }

    @Test
    void a_consent_scoped_to_other_receivers_does_not_cover_this_one() {
        Consent saOnly = consent(ConsentRole.SUBJECT, null, null, List.of("sa.gov.example"));

        assertThat(check.check(List.of(saOnly), PES, ADULT, NOW).refusal()).isEqualTo(RefusalReason.CONSENT_MISSING);
        assertThat(check.check(List.of(saOnly), "sa.gov.example", ADULT, NOW).granted()).isTrue();
    }

    @Test
    void a_minor_needs_a_guardians_consent_their_own_is_not_enough() {
        Consent own = consent(ConsentRole.SUBJECT, null, null, List.of(PES));
        Consent guardian = consent(ConsentRole.GUARDIAN, null, null, List.of(PES));

        assertThat(check.check(List.of(own), PES, SEVENTEEN, NOW).refusal())
                .isEqualTo(RefusalReason.GUARDIAN_CONSENT_MISSING);
        assertThat(check.check(List.of(own, guardian), PES, SEVENTEEN, NOW).consent()).isEqualTo(guardian);
    }

    @Test
    void the_birth_date_recorded_with_a_consent_counts_when_the_exchange_does_not_know_it() {
        Consent own = new Consent("c-minor", "P1", "EMPLOYMENT_ACTIVATION", List.of(PES), NOW.minusSeconds(3600), null,
                null, null, null, null, "form", "Act", "P1", ConsentRole.SUBJECT, SEVENTEEN, NOW, "sa-worker",
                "sa.gov.example");

        assertThat(check.check(List.of(own), PES, null, NOW).refusal()).isEqualTo(RefusalReason.GUARDIAN_CONSENT_MISSING);
    }

    @Test
    void a_consent_given_after_the_exchange_does_not_count() {
        Consent later = new Consent("c-later", "P1", "EMPLOYMENT_ACTIVATION", List.of(PES), NOW.plusSeconds(60), null, null,
                null, null, null, "form", "Act", "P1", ConsentRole.SUBJECT, null, NOW, "sa-worker", "sa.gov.example");

        assertThat(check.check(List.of(later), PES, ADULT, NOW).granted()).isFalse();
    }

    @Test
    void a_consent_without_receivers_covers_nobody() {
        Consent unscoped = consent(ConsentRole.SUBJECT, null, null, List.of());

        assertThat(check.check(List.of(unscoped), PES, ADULT, NOW).refusal()).isEqualTo(RefusalReason.CONSENT_MISSING);
    }

    private static Consent consent(ConsentRole role, Instant expiresAt, Instant withdrawnAt, List<String> scope) {
        return new Consent("c-" + role + "-" + expiresAt + "-" + withdrawnAt + "-" + scope, "P1", "EMPLOYMENT_ACTIVATION",
                scope, NOW.minusSeconds(86_400), expiresAt, withdrawnAt, null, null, null, "form", "Act",
                role == ConsentRole.GUARDIAN ? "G1" : "P1", role, null, NOW.minusSeconds(86_400), "sa-worker",
                "sa.gov.example");
    }
}
