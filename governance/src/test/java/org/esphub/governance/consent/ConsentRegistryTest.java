package org.esphub.governance.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import org.esphub.governance.MutableClock;
import org.esphub.governance.ShippedAgreements;
import org.esphub.governance.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The consent registry records, lists and withdraws consents, filling in what the agreements imply. */
class ConsentRegistryTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final String PURPOSE = "EMPLOYMENT_ACTIVATION";

    private final MutableClock clock = new MutableClock(NOW);
    private JdbcTemplate jdbc;
    private ConsentRegistry registry;

    @BeforeEach
    void setUp() {
        TestDatabase database = TestDatabase.migrated();
        jdbc = database.jdbc();
        registry = new ConsentRegistry(jdbc, ShippedAgreements.load(), new Majority(18), clock);
    }

    @Test
    void a_consent_without_expiry_or_legal_basis_takes_them_from_the_purposes_agreement() {
        Consent consent = registry.record(new NewConsent("P1", PURPOSE, null, null, null, "intake form SA-12", null,
                null, null, null), "sa-worker");

        assertThat(consent.givenAt()).isEqualTo(NOW);
        // sa-pes-activation-referral.yaml: consent validity P2Y
        assertThat(consent.expiresAt()).isEqualTo(NOW.atOffset(ZoneOffset.UTC).plus(Period.ofYears(2)).toInstant());
        assertThat(consent.legalBasis()).startsWith("Social Assistance Act art. 34");
        assertThat(consent.givenBy()).isEqualTo("P1");
        assertThat(consent.givenByRole()).isEqualTo(ConsentRole.SUBJECT);
        assertThat(registry.ofPerson("P1")).containsExactly(consent);
        assertThat(registry.find(consent.id())).contains(consent);
    }

    @Test
    void a_consent_that_breaks_rules_is_refused_with_every_problem_and_nothing_is_written() {
        NewConsent bad = new NewConsent(" ", "MARKETING", List.of("tax.gov.example"), NOW.plusSeconds(3600),
                NOW, "", null, null, ConsentRole.GUARDIAN, null);

        assertThatThrownBy(() -> registry.record(bad, "sa-worker"))
                .isInstanceOfSatisfying(InvalidConsent.class, invalid -> assertThat(invalid.problems())
                        .anyMatch(p -> p.startsWith("person_id:"))
                        .anyMatch(p -> p.startsWith("purpose:") && p.contains(PURPOSE))
                        .anyMatch(p -> p.startsWith("given_at: in the future"))
                        .anyMatch(p -> p.startsWith("expires_at:"))
                        .anyMatch(p -> p.startsWith("source:"))
                        .anyMatch(p -> p.startsWith("given_by:")));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM esp_consent", Integer.class)).isZero();
    }

    @Test
    void a_person_under_18_cannot_consent_alone_and_a_guardian_can() {
        LocalDate seventeen = LocalDate.of(2009, 1, 1);

        assertThatThrownBy(() -> registry.record(new NewConsent("P2", PURPOSE, null, null, null, "form", null, null,
                ConsentRole.SUBJECT, seventeen), "sa-worker"))
                .isInstanceOf(InvalidConsent.class)
                .hasMessageContaining("guardian");
        Consent byGuardian = registry.record(new NewConsent("P2", PURPOSE, null, null, null, "form", null, "G-77",
                ConsentRole.GUARDIAN, seventeen), "sa-worker");
        assertThat(byGuardian.givenBy()).isEqualTo("G-77");
        assertThat(byGuardian.subjectBirthDate()).isEqualTo(seventeen);
    }

    @Test
    void a_withdrawal_takes_effect_from_now_and_a_second_one_changes_nothing() {
        Consent consent = registry.record(new NewConsent("P3", PURPOSE, null, NOW.minusSeconds(60), null, "form", null,
                null, null, null), "sa-worker");
        clock.advance(java.time.Duration.ofMinutes(5));

        ConsentRegistry.Withdrawal withdrawal = registry.withdraw(consent.id(), "sa-worker", "person asked by phone");
        ConsentRegistry.Withdrawal again = registry.withdraw(consent.id(), "sa-worker", "again");

        assertThat(withdrawal.changed()).isTrue();
        assertThat(withdrawal.consent().withdrawnAt()).isEqualTo(NOW.plusSeconds(300));
        assertThat(withdrawal.consent().withdrawalReason()).isEqualTo("person asked by phone");
        assertThat(withdrawal.consent().statusAt(clock.instant())).isEqualTo("WITHDRAWN");
        assertThat(again.changed()).isFalse();
        assertThat(again.consent().withdrawalReason()).isEqualTo("person asked by phone");
    }

    @Test
    void withdrawing_an_unknown_consent_is_refused() {
        assertThatThrownBy(() -> registry.withdraw("nope", "sa-worker", null)).isInstanceOf(UnknownConsent.class);
    }

    @Test
    void a_dci_consent_arriving_with_a_referral_is_recorded_with_its_time_purpose_and_source() throws Exception {
        var dci = new ObjectMapper().readTree("""
                {"@type": "Consent", "ts": "2026-05-20T10:15:00Z",
                 "purpose": {"text": "Referral to PES", "code": "EMPLOYMENT_ACTIVATION"}}""");

        Consent consent = registry.record(DciConsent.toNewConsent(dci, "P4", "sa.gov.example", "REF-1"),
                "sa.gov.example");

        assertThat(consent.givenAt()).isEqualTo(Instant.parse("2026-05-20T10:15:00Z"));
        assertThat(consent.purpose()).isEqualTo(PURPOSE);
        assertThat(consent.source()).isEqualTo("DCI referral REF-1 from sa.gov.example");
        assertThat(consent.recordedBy()).isEqualTo("sa.gov.example");
    }

    @Test
    void a_dci_consent_without_purpose_or_time_is_refused() throws Exception {
        var dci = new ObjectMapper().readTree("{\"@type\": \"Consent\", \"ts\": \"yesterday\"}");

        assertThatThrownBy(() -> DciConsent.toNewConsent(dci, "P5", "sa.gov.example", "REF-2"))
                .isInstanceOfSatisfying(InvalidConsent.class, invalid -> assertThat(invalid.problems())
                        .containsExactly("consent.purpose.code: required, the purpose the person consented to",
                                "consent.ts: 'yesterday' is not an ISO-8601 UTC timestamp"));
    }
}
