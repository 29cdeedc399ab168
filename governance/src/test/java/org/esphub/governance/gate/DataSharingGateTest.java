package org.esphub.governance.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.esphub.governance.MutableClock;
import org.esphub.governance.ShippedAgreements;
import org.esphub.governance.TestDatabase;
import org.esphub.governance.agreements.AgreementCatalogue;
import org.esphub.governance.audit.AuditAction;
import org.esphub.governance.audit.AuditEntry;
import org.esphub.governance.audit.AuditEvent;
import org.esphub.governance.audit.AuditOutcome;
import org.esphub.governance.audit.AuditQuery;
import org.esphub.governance.audit.AuditSearch;
import org.esphub.governance.audit.AuditStore;
import org.esphub.governance.audit.ChainKey;
import org.esphub.governance.audit.GroupCommitAuditLog;
import org.esphub.governance.consent.ConsentCheck;
import org.esphub.governance.consent.ConsentActor;
import org.esphub.governance.consent.ConsentRegistry;
import org.esphub.governance.consent.ConsentRole;
import org.esphub.governance.consent.Majority;
import org.esphub.governance.consent.NewConsent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gate on the shipped agreements, with the real consent registry and audit log on H2: what
 * leaves, what is refused, and that both are in the audit log before the caller hears of them.
 */
class DataSharingGateTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final String REGISTER = "pes-register-jobseeker";
    private static final String ACTIVATION = "EMPLOYMENT_ACTIVATION";
    private static final String PERSON = "10000000001";

    private final MutableClock clock = new MutableClock(NOW);
    private GroupCommitAuditLog audit;
    private AuditSearch auditSearch;
    private ConsentRegistry consents;
    private DataSharingGate gate;

    @BeforeEach
    void setUp() {
        TestDatabase database = TestDatabase.migrated();
        AgreementCatalogue agreements = ShippedAgreements.load();
        audit = new GroupCommitAuditLog(new AuditStore(database.jdbc(), database.transactions(),
                ChainKey.of("test key of the audit chain head, 32+ chars")), 64, 1000,
                Duration.ofSeconds(10), new SimpleMeterRegistry());
        auditSearch = new AuditSearch(database.jdbc());
        consents = new ConsentRegistry(database.jdbc(), agreements, new Majority(18), clock);
        gate = new DataSharingGate(agreements, consents, new ConsentCheck(new Majority(18)), audit, clock,
                new SimpleMeterRegistry());
    }

    @AfterEach
    void closeAudit() throws InterruptedException {
        audit.close();
    }

    @Test
    void a_consented_exchange_is_released_with_only_the_agreed_fields_and_audited_with_the_filters() {
        String consentId = consentOf(PERSON, null);

        Release release = gate.release(registration(PERSON, ACTIVATION, Map.of(
                "reference_id", "REF-1", "person_id", PERSON, "given_name", "Ana", "family_name", "Diaz",
                "birth_date", "1990-04-17", "household_size", 4, "phone", "+1 555")));

        assertThat(release.payload()).containsOnlyKeys("reference_id", "person_id", "given_name", "family_name",
                "birth_date");
        assertThat(release.removedFields()).containsExactlyInAnyOrder("household_size", "phone");
        assertThat(release.consentId()).isEqualTo(consentId);
        AuditEvent recorded = onlyRecordAbout(PERSON).event();
        assertThat(recorded.outcome()).isEqualTo(AuditOutcome.RELEASED);
        assertThat(recorded.action()).isEqualTo(AuditAction.CREATE);
        assertThat(recorded.resourceType()).isEqualTo("jobseeker");
        assertThat(recorded.resourceId()).isEqualTo("REF-1");
        assertThat(recorded.purpose()).isEqualTo(ACTIVATION);
        assertThat(recorded.legalBasis()).startsWith("Social Assistance Act art. 34");
        assertThat(recorded.agreement()).isEqualTo("sa-pes-activation-referral@1.2.0");
        assertThat(recorded.receiver()).isEqualTo("pes.gov.example");
        assertThat(recorded.correlationId()).isEqualTo("corr-1");
        assertThat(recorded.filtersApplied().split(",")).containsExactlyInAnyOrder("household_size", "phone");
        assertThat(recorded.consentId()).isEqualTo(consentId);
        assertThat(recorded.payloadDigest()).hasSize(64);
        assertThat(release.auditSequence()).isEqualTo(onlyRecordAbout(PERSON).sequence());
    }

    @Test
    void an_exchange_no_agreement_names_is_refused_and_the_refusal_audited() {
        assertThatThrownBy(() -> gate.release(request("tax-fetch-income", ACTIVATION, PERSON, Map.of("person_id", PERSON))))
                .isInstanceOfSatisfying(ExchangeRefused.class, refused -> {
                    assertThat(refused.reason()).isEqualTo(RefusalReason.NO_AGREEMENT);
                    assertThat(refused.getMessage()).startsWith("NO_AGREEMENT: tax-fetch-income: ");
                });
        AuditEvent recorded = onlyRecordAbout(PERSON).event();
        assertThat(recorded.outcome()).isEqualTo(AuditOutcome.REFUSED);
        assertThat(recorded.reason()).startsWith("NO_AGREEMENT");
        assertThat(recorded.legalBasis()).isNull();
    }

    @Test
    void a_purpose_the_agreement_does_not_cover_is_refused_and_so_is_no_purpose() {
        consentOf(PERSON, null);

        assertThatThrownBy(() -> gate.release(registration(PERSON, "MARKETING", Map.of("person_id", PERSON))))
                .isInstanceOfSatisfying(ExchangeRefused.class, refused -> assertThat(refused.reason())
                        .isEqualTo(RefusalReason.PURPOSE_NOT_COVERED));
        assertThatThrownBy(() -> gate.release(registration(PERSON, null, Map.of("person_id", PERSON))))
                .isInstanceOfSatisfying(ExchangeRefused.class, refused -> assertThat(refused.reason())
                        .isEqualTo(RefusalReason.PURPOSE_NOT_DECLARED));
    }

    @Test
    void an_exchange_that_needs_consent_is_refused_without_one_and_after_its_withdrawal() {
        assertThatThrownBy(() -> gate.release(registration(PERSON, ACTIVATION, Map.of("person_id", PERSON))))
                .isInstanceOfSatisfying(ExchangeRefused.class, refused -> assertThat(refused.reason())
                        .isEqualTo(RefusalReason.CONSENT_MISSING));

        String consentId = consentOf(PERSON, null);
        gate.release(registration(PERSON, ACTIVATION, Map.of("person_id", PERSON)));
        clock.advance(Duration.ofMinutes(1));
        consents.withdraw(consentId, new ConsentActor("sa-worker", "sa.gov.example"), "asked to stop");

        assertThatThrownBy(() -> gate.release(registration(PERSON, ACTIVATION, Map.of("person_id", PERSON))))
                .isInstanceOfSatisfying(ExchangeRefused.class, refused -> assertThat(refused.reason())
                        .isEqualTo(RefusalReason.CONSENT_WITHDRAWN));
        assertThat(recordsAbout(PERSON)).extracting(entry -> entry.event().outcome())
                .containsExactly(AuditOutcome.REFUSED, AuditOutcome.RELEASED, AuditOutcome.REFUSED);
    }

    @Test
    void an_exchange_about_a_minor_needs_a_guardians_consent() {
        String minor = "10000000003";
        LocalDate seventeen = NOW.atZone(java.time.ZoneOffset.UTC).toLocalDate().minusYears(17);
        consentOf(minor, null);
        Map<String, Object> payload = Map.of("person_id", minor, "birth_date", seventeen.toString());

        assertThatThrownBy(() -> gate.release(registration(minor, ACTIVATION, payload, seventeen)))
                .isInstanceOfSatisfying(ExchangeRefused.class, refused -> assertThat(refused.reason())
                        .isEqualTo(RefusalReason.GUARDIAN_CONSENT_MISSING));
        consentOf(minor, "G-1");
        assertThat(gate.release(registration(minor, ACTIVATION, payload, seventeen)).payload())
                .containsEntry("birth_date", seventeen.toString());
    }

    @Test
    void an_exchange_that_needs_no_consent_goes_without_one() {
        Release release = gate.release(request("sa-notify-outcome", ACTIVATION, PERSON, Map.of(
                "reference_id", "REF-9", "person_id", PERSON, "outcome", "CONSENT_WITHDRAWN", "given_name", "Ana")));

        assertThat(release.payload()).containsOnly(entry("reference_id", "REF-9"), entry("person_id", PERSON),
                entry("outcome", "CONSENT_WITHDRAWN"));
        assertThat(release.consentId()).isNull();
    }

    @Test
    void an_api_answer_to_a_party_the_agreement_does_not_name_is_refused() {
        ExchangeRequest toPes = new ExchangeRequest("api.search-referrals", "REFERRAL_STATUS_REPORTING", PERSON,
                Map.of("person_id", PERSON), "pes-system", "corr-2", "REF-1", Set.of("pes.gov.example", "pes-system"),
                null, AuditAction.SEARCH);

        assertThatThrownBy(() -> gate.release(toPes))
                .isInstanceOfSatisfying(ExchangeRefused.class, refused -> assertThat(refused.reason())
                        .isEqualTo(RefusalReason.RECEIVER_NOT_COVERED));
    }

    @Test
    void an_exchange_to_one_employer_of_the_employers_records_that_employer_and_one_naming_none_is_refused() {
        consentOf(PERSON, null);

        gate.release(request("employer-propose-candidate", ACTIVATION, PERSON, Map.of("reference_id", "REF-1",
                "person_id", PERSON, "given_name", "Ana", "family_name", "Diaz", "employer_id", "EMP-ACME",
                "vacancy_id", "VAC-1")));

        AuditEvent proposed = onlyRecordAbout(PERSON).event();
        assertThat(proposed.receiver()).isEqualTo("employers");
        assertThat(proposed.partner()).isEqualTo("EMP-ACME");
        assertThatThrownBy(() -> gate.release(request("employer-withdraw-proposal", ACTIVATION, PERSON, Map.of(
                "reference_id", "REF-1", "person_id", PERSON, "vacancy_id", "VAC-1", "employer_id", " "))))
                .isInstanceOfSatisfying(ExchangeRefused.class, refused -> {
                    assertThat(refused.reason()).isEqualTo(RefusalReason.PARTNER_NOT_NAMED);
                    assertThat(refused.getMessage()).contains("employer_id");
                });
        assertThat(recordsAbout(PERSON)).extracting(entry -> entry.event().outcome())
                .containsExactly(AuditOutcome.RELEASED, AuditOutcome.REFUSED);
        // an exchange to one agency names no partner
        gate.release(request("sa-notify-outcome", ACTIVATION, PERSON, Map.of("person_id", PERSON, "outcome", "X")));
        assertThat(recordsAbout(PERSON).get(2).event().partner()).isNull();
    }

    /** A guardian consents for a person who is 17; the person's own consent names no birth date. */
    private static final LocalDate MINOR = NOW.atZone(java.time.ZoneOffset.UTC).toLocalDate().minusYears(17);

    private String consentOf(String personId, String guardian) {
        return consents.record(new NewConsent(personId, ACTIVATION, null, NOW.minusSeconds(3600), null, "form",
                guardian, guardian == null ? ConsentRole.SUBJECT : ConsentRole.GUARDIAN,
                guardian == null ? null : MINOR), new ConsentActor("sa-worker", "sa.gov.example")).id();
    }

    private static ExchangeRequest registration(String personId, String purpose, Map<String, Object> payload) {
        return registration(personId, purpose, payload, null);
    }

    private static ExchangeRequest registration(String personId, String purpose, Map<String, Object> payload,
            LocalDate birthDate) {
        return new ExchangeRequest(REGISTER, purpose, personId, new LinkedHashMap<>(payload), "esp-hub", "corr-1",
                "REF-1", null, birthDate, AuditAction.CREATE);
    }

    private static ExchangeRequest request(String exchange, String purpose, String personId, Map<String, Object> payload) {
        return new ExchangeRequest(exchange, purpose, personId, payload, "esp-hub", "corr-1", "REF-1", null, null,
                AuditAction.CREATE);
    }

    private List<AuditEntry> recordsAbout(String personId) {
        return auditSearch.find(new AuditQuery(personId, null, null, null, null, null, 0, 100));
    }

    private AuditEntry onlyRecordAbout(String personId) {
        List<AuditEntry> records = recordsAbout(personId);
        assertThat(records).hasSize(1);
        return records.get(0);
    }
}
