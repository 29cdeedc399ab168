package org.esphub.governance.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.esphub.governance.MutableClock;
import org.esphub.governance.ShippedAgreements;
import org.esphub.governance.TestDatabase;
import org.esphub.governance.agreements.AgreementCatalogue;
import org.esphub.governance.audit.AuditAction;
import org.esphub.governance.audit.AuditEntry;
import org.esphub.governance.audit.AuditOutcome;
import org.esphub.governance.audit.AuditQuery;
import org.esphub.governance.audit.AuditSearch;
import org.esphub.governance.audit.AuditStore;
import org.esphub.governance.audit.ChainKey;
import org.esphub.governance.audit.GroupCommitAuditLog;
import org.esphub.governance.consent.ConsentActor;
import org.esphub.governance.consent.ConsentCheck;
import org.esphub.governance.consent.ConsentRegistry;
import org.esphub.governance.consent.ConsentRole;
import org.esphub.governance.consent.Majority;
import org.esphub.governance.consent.NewConsent;
import org.esphub.governance.restriction.ProcessingRestrictions;
import org.esphub.governance.restriction.Restriction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A restriction of processing on the shipped agreements and H2: while it is open, the gate holds the
 * exchanges about the person for the disputed purposes ({@link ExchangeHeld}, audited as refused), lets the
 * benefit payment the agreements mark essential through, leaves other people and purposes alone, and once
 * lifted releases what it held.
 */
class ProcessingRestrictionGateTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final String PERSON = "10000000001";
    private static final String OTHER = "10000000002";
    private static final String ACTIVATION = "EMPLOYMENT_ACTIVATION";
    private static final String ADJUSTMENT = "BENEFIT_ADJUSTMENT";
    private static final String PROPOSE_CANDIDATE = "employer-propose-candidate";
    private static final String APPLY_ADJUSTMENT = "sa-apply-benefit-adjustment";

    private final MutableClock clock = new MutableClock(NOW);
    private GroupCommitAuditLog audit;
    private AuditSearch auditSearch;
    private ConsentRegistry consents;
    private ProcessingRestrictions restrictions;
    private AgreementCatalogue agreements;
    private DataSharingGate gate;

    @BeforeEach
    void setUp() {
        TestDatabase database = TestDatabase.migrated();
        agreements = ShippedAgreements.load();
        audit = new GroupCommitAuditLog(new AuditStore(database.jdbc(), database.transactions(),
                ChainKey.of("test key of the audit chain head, 32+ chars")), 64, 1000,
                Duration.ofSeconds(10), new SimpleMeterRegistry());
        auditSearch = new AuditSearch(database.jdbc());
        consents = new ConsentRegistry(database.jdbc(), agreements, new Majority(18), clock);
        restrictions = new ProcessingRestrictions(database.jdbc(), clock);
        gate = new DataSharingGate(agreements, consents, new ConsentCheck(new Majority(18)), audit, clock,
                new SimpleMeterRegistry(), restrictions);
        for (String person : List.of(PERSON, OTHER)) {
            consents.record(new NewConsent(person, ACTIVATION, null, NOW.minusSeconds(3600), null, "form", null,
                    ConsentRole.SUBJECT, null), new ConsentActor("sa-worker", "sa.gov.example"));
        }
    }

    @AfterEach
    void closeAudit() throws InterruptedException {
        audit.close();
    }

    @Test
    void a_restriction_holds_the_placement_exchange_but_not_the_benefit_payment_and_lifting_releases_it() {
        assertThat(agreements.coverageOf(APPLY_ADJUSTMENT, ADJUSTMENT).orElseThrow().exchange().keepsBenefitsPaid())
                .isTrue();
        Restriction restriction = restrictions.open(PERSON, List.of(ACTIVATION, ADJUSTMENT),
                "the person disputes the recorded qualifications", "sa-system", "sa.gov.example");

        assertThatThrownBy(() -> gate.release(request(PROPOSE_CANDIDATE, ACTIVATION, PERSON)))
                .isInstanceOfSatisfying(ExchangeHeld.class, held -> {
                    assertThat(held.reason()).isEqualTo(RefusalReason.RESTRICTED);
                    assertThat(held.getMessage()).startsWith("RESTRICTED: " + PROPOSE_CANDIDATE + ": ")
                            .contains(restriction.id());
                });
        AuditEntry refused = lastRecordAbout(PERSON);
        assertThat(refused.event().outcome()).isEqualTo(AuditOutcome.REFUSED);
        assertThat(refused.event().reason()).startsWith("RESTRICTED");

        assertThat(gate.release(request(APPLY_ADJUSTMENT, ADJUSTMENT, PERSON)).payload()).containsKey("person_id");
        assertThat(gate.release(request(PROPOSE_CANDIDATE, ACTIVATION, OTHER)).payload()).containsKey("person_id");

        assertThat(restrictions.lift(restriction.id(), "sa-system").orElseThrow().open()).isFalse();
        assertThat(gate.release(request(PROPOSE_CANDIDATE, ACTIVATION, PERSON)).payload()).containsKey("person_id");
        assertThat(lastRecordAbout(PERSON).event().outcome()).isEqualTo(AuditOutcome.RELEASED);
    }

    @Test
    void a_restriction_for_another_purpose_holds_nothing_of_this_one() {
        restrictions.open(PERSON, List.of(ADJUSTMENT), "disputed income", "pes-system", "pes.gov.example");

        assertThat(gate.release(request(PROPOSE_CANDIDATE, ACTIVATION, PERSON)).payload()).containsKey("person_id");
    }

    private static ExchangeRequest request(String exchange, String purpose, String personId) {
        // a proposal names the employer it goes to; the adjustment's agreement removes the field
        return new ExchangeRequest(exchange, purpose, personId, Map.of("reference_id", "REF-1", "person_id", personId,
                "employer_id", "EMP-ACME"), "esp-hub", "corr-1", "REF-1", null, null, AuditAction.CREATE);
    }

    private AuditEntry lastRecordAbout(String personId) {
        List<AuditEntry> records = auditSearch.find(new AuditQuery(personId, null, null, null, null, null, 0, 100));
        return records.get(records.size() - 1);
    }
}
