package org.esphub.governance;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import org.esphub.governance.agreements.AgreementCatalogue;
import org.esphub.governance.agreements.AgreementLoader;
import org.esphub.governance.audit.AuditLog;
import org.esphub.governance.audit.AuditRetention;
import org.esphub.governance.audit.AuditSearch;
import org.esphub.governance.tracker.DataTracker;
import org.esphub.governance.tracker.FieldCategories;
import org.esphub.governance.audit.AuditStore;
import org.esphub.governance.audit.ChainKey;
import org.esphub.governance.audit.AuditVerifier;
import org.esphub.governance.audit.GroupCommitAuditLog;
import org.esphub.governance.consent.ConsentCheck;
import org.esphub.governance.consent.ConsentRegistry;
import org.esphub.governance.consent.Majority;
import org.esphub.governance.gate.DataSharingGate;
import org.esphub.governance.restriction.ProcessingRestrictions;
import org.esphub.governance.retention.RetainedData;
import org.esphub.governance.retention.RetentionJob;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The legal layer as beans: the agreement catalogue (start-up fails on a bad file), the consent
 * registry, the audit log with its search, verification and retention, the gate and the
 * retention job. The hub's web layer exposes them under {@code /api}.
 */
@AutoConfiguration(after = {JdbcTemplateAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class})
@EnableConfigurationProperties(GovernanceProperties.class)
public class GovernanceAutoConfiguration {

    @Bean
    AgreementCatalogue agreementCatalogue(ResourceLoader resources, GovernanceProperties properties) {
        return AgreementLoader.load(ResourcePatternUtils.getResourcePatternResolver(resources),
                properties.agreements().locations());
    }

    @Bean
    Majority majority(GovernanceProperties properties) {
        return new Majority(properties.consent().ageOfMajority());
    }

    @Bean
    ConsentCheck consentCheck(Majority majority) {
        return new ConsentCheck(majority);
    }

    @Bean
    ConsentRegistry consentRegistry(JdbcTemplate jdbc, AgreementCatalogue agreements, Majority majority,
            GovernanceProperties properties, ObjectProvider<Clock> clock) {
        return new ConsentRegistry(jdbc, agreements, majority, properties.consent().maxBackdating(),
                clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    AuditStore auditStore(JdbcTemplate jdbc, PlatformTransactionManager transactions, GovernanceProperties properties) {
        AuditStore store = new AuditStore(jdbc, transactions, ChainKey.of(properties.audit().chainKey()));
        store.keyUnkeyedHead();
        return store;
    }

    @Bean(destroyMethod = "close")
    GroupCommitAuditLog auditLog(AuditStore store, GovernanceProperties properties, ObjectProvider<MeterRegistry> metrics) {
        GovernanceProperties.Audit audit = properties.audit();
        return new GroupCommitAuditLog(store, audit.batchSize(), audit.queueCapacity(), audit.durableTimeout(),
                metrics.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    AuditSearch auditSearch(JdbcTemplate jdbc) {
        return new AuditSearch(jdbc);
    }

    @Bean
    FieldCategories fieldCategories() {
        return FieldCategories.standard();
    }

    @Bean
    DataTracker dataTracker(AuditSearch search, AgreementCatalogue agreements, FieldCategories categories) {
        return new DataTracker(search, agreements, categories);
    }

    @Bean
    AuditVerifier auditVerifier(AuditStore store) {
        return new AuditVerifier(store);
    }

    @Bean
    AuditRetention auditRetention(AuditStore store, GovernanceProperties properties, ObjectProvider<Clock> clock) {
        return new AuditRetention(store, properties.audit().retention(), clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    DataSharingGate dataSharingGate(AgreementCatalogue agreements, ConsentRegistry consents, ConsentCheck consentCheck,
            AuditLog audit, ObjectProvider<Clock> clock, ObjectProvider<MeterRegistry> metrics,
            ProcessingRestrictions restrictions) {
        return new DataSharingGate(agreements, consents, consentCheck, audit, clock.getIfAvailable(Clock::systemUTC),
                metrics.getIfAvailable(SimpleMeterRegistry::new), restrictions);
    }

    @Bean
    ProcessingRestrictions processingRestrictions(JdbcTemplate jdbc, ObjectProvider<Clock> clock) {
        return new ProcessingRestrictions(jdbc, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnProperty(name = "esp.governance.retention.enabled", havingValue = "true", matchIfMissing = true)
    RetentionJob retentionJob(AgreementCatalogue agreements, ObjectProvider<RetainedData> stores,
            AuditRetention auditRetention, AuditLog audit, @Value("${esp.hub.sender-id:esp-hub}") String hubId,
            ObjectProvider<Clock> clock) {
        return new RetentionJob(agreements, stores.orderedStream().toList(), auditRetention, audit, hubId,
                clock.getIfAvailable(Clock::systemUTC));
    }
}
