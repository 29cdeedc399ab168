package org.esphub.routes;

import java.time.Clock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.esphub.governance.agreements.AgreementCatalogue;
import org.esphub.governance.agreements.AgreementLoader;
import org.esphub.governance.audit.AuditEntry;
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
import org.esphub.governance.gate.DataSharingGate;
import org.esphub.governance.restriction.ProcessingRestrictions;
import org.esphub.governance.restriction.Restriction;
import org.flywaydb.core.Flyway;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The real data-sharing gate for route tests: the shipped agreements, the consent registry and
 * the audit log on an in-memory H2 database, so a route test proves what the agreement lets
 * through, not what a double was told.
 */
final class GateOnH2 implements AutoCloseable {

    static final String ACTIVATION = "EMPLOYMENT_ACTIVATION";

    private final ConsentRegistry consents;
    private final GroupCommitAuditLog audit;
    private final AuditSearch auditSearch;
    private final DataSharingGate gate;
    private final ProcessingRestrictions restrictions;

    GateOnH2() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:routes-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        AgreementCatalogue agreements = AgreementLoader.load(new PathMatchingResourcePatternResolver(),
                List.of("classpath*:agreements/*.yaml"));
        Clock clock = Clock.systemUTC();
        consents = new ConsentRegistry(jdbc, agreements, new Majority(18), clock);
        audit = new GroupCommitAuditLog(new AuditStore(jdbc, new DataSourceTransactionManager(dataSource),
                ChainKey.of("test key of the audit chain head, 32+ chars")), 16, 100,
                Duration.ofSeconds(10), new SimpleMeterRegistry());
        auditSearch = new AuditSearch(jdbc);
        restrictions = new ProcessingRestrictions(jdbc, clock);
        gate = new DataSharingGate(agreements, consents, new ConsentCheck(new Majority(18)), audit, clock,
                new SimpleMeterRegistry(), restrictions);
    }

    DataSharingGate gate() {
        return gate;
    }

    /** The person disputes their data: processing for these purposes is restricted until lifted. */
    Restriction restrict(String personId, String... purposes) {
        return restrictions.open(personId, List.of(purposes), "route test dispute", "route-test", "sa.gov.example");
    }

    void lift(Restriction restriction) {
        restrictions.lift(restriction.id(), "route-test");
    }

    /** The person consented to activation an hour ago, as SA's intake form records it. */
    void consentGivenBy(String personId) {
        consentGivenBy(personId, ACTIVATION);
    }

    /** The person consented to exchanges for this purpose an hour ago. */
    void consentGivenBy(String personId, String purpose) {
        consents.record(new NewConsent(personId, purpose, null, Instant.now().minusSeconds(3600), null,
                "route test", null, null, null), new ConsentActor("route-test", "sa.gov.example"));
    }

    /** A guardian consented for the person, a minor born on {@code birthDate}, an hour ago. */
    void guardianConsentedFor(String personId, String purpose, LocalDate birthDate) {
        consents.record(new NewConsent(personId, purpose, null, Instant.now().minusSeconds(3600), null,
                "route test", "GUARDIAN-" + personId, ConsentRole.GUARDIAN, birthDate),
                new ConsentActor("route-test", "sa.gov.example"));
    }

    List<AuditEntry> auditedAbout(String personId) {
        return auditSearch.find(new AuditQuery(personId, null, null, null, null, null, 0, 100));
    }

    @Override
    public void close() throws InterruptedException {
        audit.close();
    }
}
