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

    private static final ConsentActor SA_WORKER = new ConsentActor("sa-worker", "sa.gov.example");
    private static final ConsentActor PES_SYSTEM = new ConsentActor("pes-system", "pes.gov.example");

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
        Consent consent = registry.record(new NewConsent("P1", PURPOSE, null, null, null, "intake form SA-12",
                null, null, null), SA_WORKER);

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
                NOW, "", null, ConsentRole.GUARDIAN, null);

        assertThatThrownBy(() -> registry.record(bad, SA_WORKER))
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

        assertThatThrownBy(() -> registry.record(new NewConsent("P2", PURPOSE, null, null, null, "form", null,
                ConsentRole.SUBJECT, seventeen), SA_WORKER))
                .isInstanceOf(InvalidConsent.class)
                .hasMessageContaining("guardian");
        Consent byGuardian = registry.record(new NewConsent("P2", PURPOSE, null, null, null, "form", "G-77",
                ConsentRole.GUARDIAN, seventeen), SA_WORKER);
        assertThat(byGuardian.givenBy()).isEqualTo("G-77");
        assertThat(byGuardian.subjectBirthDate()).isEqualTo(seventeen);
    }

    @Test
    void a_withdrawal_takes_effect_from_now_and_a_second_one_changes_nothing() {
        Consent consent = registry.record(new NewConsent("P3", PURPOSE, null, NOW.minusSeconds(60), null, "form",
                null, null, null), SA_WORKER);
        clock.advance(java.time.Duration.ofMinutes(5));

        ConsentRegistry.Withdrawal withdrawal = registry.withdraw(consent.id(), PES_SYSTEM, "person asked by phone");
        ConsentRegistry.Withdrawal again = registry.withdraw(consent.id(), SA_WORKER, "again");

        assertThat(withdrawal.changed()).isTrue();
        assertThat(withdrawal.consent().withdrawnAt()).isEqualTo(NOW.plusSeconds(300));
        assertThat(withdrawal.consent().withdrawalReason()).isEqualTo("person asked by phone");
        assertThat(withdrawal.consent().statusAt(clock.instant())).isEqualTo("WITHDRAWN");
        assertThat(withdrawal.consent().withdrawnBy()).isEqualTo("pes-system");
        assertThat(withdrawal.consent().withdrawnFor()).as("any party of the referral agreement may withdraw it")
                .isEqualTo("pes.gov.example");
        assertThat(again.changed()).isFalse();
        assertThat(again.consent().withdrawalReason()).isEqualTo("person asked by phone");
        assertThat(again.consent().withdrawnBy()).isEqualTo("pes-system");
    }

    @Test
    void withdrawing_an_unknown_consent_is_refused() {
        assertThatThrownBy(() -> registry.withdraw("nope", SA_WORKER, null)).isInstanceOf(UnknownConsent.class);
    }

    @Test
    void a_dci_consent_arriving_with_a_referral_is_recorded_with_its_time_purpose_and_source() throws Exception {
        var dci = new ObjectMapper().readTree("""
                {"@type": "Consent", "ts": "2026-05-20T10:15:00Z",
                 "purpose": {"text": "Referral to PES", "code": "EMPLOYMENT_ACTIVATION"}}""");

        Consent consent = registry.record(DciConsent.toNewConsent(dci, "P4", "sa.gov.example", "REF-1"),
                ConsentActor.party("sa.gov.example"));

        assertThat(consent.givenAt()).isEqualTo(Instant.parse("2026-05-20T10:15:00Z"));
        assertThat(consent.purpose()).isEqualTo(PURPOSE);
        assertThat(consent.source()).isEqualTo("DCI referral REF-1 from sa.gov.example");
        assertThat(consent.recordedBy()).isEqualTo("sa.gov.example");
        assertThat(consent.recordedFor()).isEqualTo("sa.gov.example");
    }

    @Test
    void a_consent_embedded_in_a_referral_covers_only_the_receivers_of_its_purposes_agreements() throws Exception {
        var dci = new ObjectMapper().readTree("""
                {"@type": "Consent", "ts": "2026-05-31T10:15:00Z", "purpose": {"code": "EMPLOYMENT_ACTIVATION"}}""");

        Consent consent = registry.record(DciConsent.toNewConsent(dci, "P6", "sa.gov.example", "REF-6"),
                ConsentActor.party("sa.gov.example"));

        // the receivers of EMPLOYMENT_ACTIVATION exchanges in the referral, training, placement and tax agreements
        assertThat(consent.scope()).containsExactly("employers", "pes.gov.example", "sa.gov.example",
                "tax.gov.example", "tvet.example.org");
        assertThat(consent.covers("pes.gov.example")).isTrue();
        assertThat(consent.covers("subsidy.gov.example")).as("a receiver of no activation agreement").isFalse();
        assertThat(consent.covers("dpa.gov.example")).isFalse();
        assertThat(registry.find(consent.id()).orElseThrow().scope()).isEqualTo(consent.scope());
    }

    @Test
    void a_consent_records_who_recorded_it_and_for_which_party_and_takes_its_legal_basis_from_the_agreement() {
        Consent consent = registry.record(new NewConsent("P7", PURPOSE, null, null, null, "PES counselling",
                null, null, null), PES_SYSTEM);

        assertThat(consent.recordedBy()).isEqualTo("pes-system");
        assertThat(consent.recordedFor()).isEqualTo("pes.gov.example");
        assertThat(consent.legalBasis()).startsWith("Social Assistance Act art. 34");
        assertThat(registry.find(consent.id()).orElseThrow().recordedFor()).isEqualTo("pes.gov.example");
    }

    @Test
    void a_party_of_no_agreement_of_the_purpose_may_not_record_a_consent_for_it() {
        // PES is no party of the subsidy-targeting agreement (SA, the subsidy administration, employers)
        NewConsent subsidy = new NewConsent("P8", "EMPLOYMENT_SUBSIDY", null, null, null, "form", null, null, null);

        assertThatThrownBy(() -> registry.record(subsidy, PES_SYSTEM)).isInstanceOf(NotAPartyToConsent.class)
                .hasMessageContaining("pes.gov.example");
        assertThat(registry.ofPerson("P8")).isEmpty();
        assertThat(registry.record(subsidy, SA_WORKER).recordedFor()).isEqualTo("sa.gov.example");
    }

    @Test
    void a_party_of_no_agreement_the_consent_is_given_under_may_not_withdraw_it() {
        Consent subsidy = registry.record(new NewConsent("P9", "EMPLOYMENT_SUBSIDY", null, null, null, "form", null,
                null, null), SA_WORKER);

        assertThatThrownBy(() -> registry.withdraw(subsidy.id(), PES_SYSTEM, "not mine to withdraw"))
                .isInstanceOf(NotAPartyToConsent.class);
        assertThat(registry.find(subsidy.id()).orElseThrow().withdrawnAt()).isNull();
        assertThat(registry.hasStanding("pes.gov.example", subsidy)).isFalse();
        assertThat(registry.hasStanding("subsidy.gov.example", subsidy)).isTrue();
    }

    @Test
    void a_consent_cannot_outlast_its_agreements_consent_validity() {
        NewConsent until2099 = new NewConsent("P10", PURPOSE, null, null, Instant.parse("2099-01-01T00:00:00Z"),
                "form", null, null, null);

        assertThatThrownBy(() -> registry.record(until2099, SA_WORKER))
                .isInstanceOfSatisfying(InvalidConsent.class, invalid -> assertThat(invalid.problems())
                        .singleElement().asString().startsWith("expires_at: at most 2028-06-01T12:00:00Z"));
        Consent shorter = registry.record(new NewConsent("P10", PURPOSE, null, null, NOW.plus(Period.ofDays(90)),
                "form", null, null, null), SA_WORKER);
        assertThat(shorter.expiresAt()).isEqualTo(NOW.plus(Period.ofDays(90)));
    }

    @Test
    void someone_else_gives_consent_only_as_the_guardian_of_a_minor() {
        NewConsent givenByAnother = new NewConsent("P11", PURPOSE, null, null, null, "form", "X-99", null, null);
        NewConsent guardianOfAnAdult = new NewConsent("P11", PURPOSE, null, null, null, "form", "X-99",
                ConsentRole.GUARDIAN, null);

        assertThatThrownBy(() -> registry.record(givenByAnother, SA_WORKER))
                .hasMessageContaining("given_by: a person's own consent is given by the person");
        assertThatThrownBy(() -> registry.record(guardianOfAnAdult, SA_WORKER))
                .hasMessageContaining("given_by_role: GUARDIAN only for a person under 18");
        assertThat(registry.ofPerson("P11")).isEmpty();
    }

    @Test
    void a_consent_given_more_than_the_backdating_window_before_its_recording_is_refused() throws Exception {
        NewConsent backdated = new NewConsent("P12", PURPOSE, null, NOW.minus(Period.ofDays(31)), null, "form", null,
                null, null);
        var oldDci = new ObjectMapper().readTree("""
                {"@type": "Consent", "ts": "2026-04-01T10:15:00Z", "purpose": {"code": "EMPLOYMENT_ACTIVATION"}}""");

        assertThatThrownBy(() -> registry.record(backdated, SA_WORKER))
                .hasMessageContaining("given_at: more than 30 days before it is recorded");
        assertThatThrownBy(() -> registry.record(DciConsent.toNewConsent(oldDci, "P12", "sa.gov.example", "REF-12"),
                ConsentActor.party("sa.gov.example"))).isInstanceOfSatisfying(InvalidConsent.class, invalid -> assertThat(
                        DciConsent.problemsOf(invalid)).singleElement().asString()
                        .startsWith("consent.ts: more than 30 days before it is recorded"));
        assertThat(registry.ofPerson("P12")).isEmpty();
        assertThat(registry.record(new NewConsent("P12", PURPOSE, null, NOW.minus(Period.ofDays(29)), null, "form",
                null, null, null), SA_WORKER).givenAt()).isEqualTo(NOW.minus(Period.ofDays(29)));
    }

    @Test
    void a_consent_recorded_before_scopes_were_written_out_covers_its_purposes_receivers() {
        Consent consent = registry.record(new NewConsent("P13", PURPOSE, List.of("pes.gov.example"), null, null,
                "form", null, null, null), SA_WORKER);
        jdbc.update("UPDATE esp_consent SET scope = NULL WHERE id = ?", consent.id());

        Consent read = registry.find(consent.id()).orElseThrow();
        assertThat(read.covers("tvet.example.org")).isTrue();
        assertThat(read.covers("subsidy.gov.example")).isFalse();
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
