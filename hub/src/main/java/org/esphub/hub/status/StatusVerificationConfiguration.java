package org.esphub.hub.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.apache.camel.ProducerTemplate;
import org.esphub.hub.signatures.SignatureProperties;
import org.esphub.hub.webhooks.ReferralWebhooks;
import org.esphub.processes.EmploymentStatusVerificationSettings;
import org.esphub.routes.EmploymentStatusWeighing;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Employment-status verification (PRS.EMPL.02): projection, live sources and the confidence rule. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({StatusVerificationProperties.class, StatusVerificationProcessProperties.class})
public class StatusVerificationConfiguration {

    @Bean
    EmploymentStatusProjection employmentStatusProjection(JdbcTemplate jdbc, ObjectMapper mapper) {
        return new EmploymentStatusProjection(jdbc, mapper);
    }

    @Bean
    ConfidenceRule statusConfidenceRule(StatusVerificationProperties properties) {
        return new ConfidenceRule(properties);
    }

    /** The step hub.weigh-employment-status: the same rule, with the process's three sources and their decay. */
    @Bean(EmploymentStatusWeighing.BEAN)
    EmploymentStatusWeighing employmentStatusWeighing(StatusVerificationProcessProperties properties, Clock clock) {
        return new ProcessStatusWeighing(new ConfidenceRule(properties.manualReviewBelow(), properties.sources()), clock);
    }

    /** {@code ${employmentStatusVerificationSettings.sourceWaitLimit}} in the model. */
    @Bean
    EmploymentStatusVerificationSettings employmentStatusVerificationSettings(
            StatusVerificationProcessProperties properties) {
        return new EmploymentStatusVerificationSettings(properties.sourceWaitLimit());
    }

    @Bean
    PesStatusEvents pesStatusEvents(EmploymentStatusProjection projection, ConfidenceRule rule,
            ReferralWebhooks webhooks, Clock clock, SignatureProperties signatures) {
        return new PesStatusEvents(projection, rule, webhooks, clock, signatures.clockSkew());
    }

    @Bean
    EmploymentStatusVerification employmentStatusVerification(EmploymentStatusProjection projection,
            ProducerTemplate camel, StatusVerificationProperties properties, ConfidenceRule rule, Clock clock) {
        // the routes time out each call at live-timeout-ms; waiting a little longer lets them report it
        LiveStatusSources liveSources = new LiveStatusSources(camel, properties.liveTimeoutMs() + 500L);
        return new EmploymentStatusVerification(projection, liveSources, rule, properties.projectionMaxAge(), clock);
    }
}
