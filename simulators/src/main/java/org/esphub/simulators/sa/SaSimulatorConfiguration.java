package org.esphub.simulators.sa;

import java.time.Clock;
import java.util.List;
import org.esphub.simulators.ReceivedInstructions;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.esphub.simulators.ConditionalOnSimulatorsEnabled;
import org.esphub.simulators.AgencyBrokerLogins;
import org.springframework.jms.config.DefaultJmsListenerContainerFactory;
import org.esphub.simulators.SimulatorProperties;
import org.esphub.simulators.inbox.NotificationRecorder;
import org.esphub.simulators.population.SyntheticPopulation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The Social Assistance simulator: person registry, notification inbox, event emitter,
 * training-benefit requests and their decisions, benefit adjustments, the social registry's subsidy
 * targeting check and the subsidy treasury (payments and recoveries).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSimulatorsEnabled
@Import({SaPersonController.class, SaNotificationController.class, SaEventController.class,
        SaTrainingBenefitController.class, SaBenefitAdjustmentController.class, SaComplianceController.class,
        SaSocialAssistanceController.class,
        SaSubsidyController.class})
public class SaSimulatorConfiguration {

    /** Listener container factory of the SA simulator: it reads its notifications as SA's broker user. */
    static final String LISTENERS = "saSimulatorListeners";
    static final String SUBSIDY_PAYMENTS = "saSubsidyPayments";
    static final String SUBSIDY_RECOVERIES = "saSubsidyRecoveries";

    @Bean(LISTENERS)
    DefaultJmsListenerContainerFactory saSimulatorListeners(AgencyBrokerLogins logins, SimulatorProperties properties) {
        return logins.listenersFor(properties.brokerUsers().sa());
    }

    @Bean
    SaNotificationInbox saNotificationInbox(SimulatorProperties properties) {
        return new SaNotificationInbox(properties.sa().notificationCapacity());
    }

    @Bean
    SaNotificationListener saNotificationListener(SaNotificationInbox inbox, ObjectMapper objectMapper) {
        return new SaNotificationListener(new NotificationRecorder(inbox, objectMapper, Clock.systemUTC()));
    }

    @Bean
    SaEventPublisher saEventPublisher(AgencyBrokerLogins logins, SimulatorProperties properties,
            ObjectMapper objectMapper) {
        return new SaEventPublisher(logins.senderFor(properties.brokerUsers().sa()), objectMapper, Clock.systemUTC());
    }

    @Bean
    TrainingBenefitCases saTrainingBenefitCases(SyntheticPopulation population) {
        return new TrainingBenefitCases(population, Clock.systemUTC());
    }

    @Bean
    TrainingBenefitDecisions saTrainingBenefitDecisions(SaEventPublisher publisher, ObjectMapper objectMapper) {
        return new TrainingBenefitDecisions(publisher, objectMapper);
    }

    @Bean
    BenefitAdjustments saBenefitAdjustments(SyntheticPopulation population) {
        return new BenefitAdjustments(population, Clock.systemUTC());
    }

    @Bean
    SocialAssistanceApplications saSocialAssistanceApplications(SyntheticPopulation population) {
        return new SocialAssistanceApplications(population, Clock.systemUTC());
    }

    @Bean
    SubsidyTargeting saSubsidyTargeting(SyntheticPopulation population) {
        return new SubsidyTargeting(population);
    }

    @Bean(SUBSIDY_PAYMENTS)
    ReceivedInstructions saSubsidyPayments() {
        return new ReceivedInstructions("PAY", List.of("reference_id", "employer_id", "payment_type", "amount"),
                Clock.systemUTC());
    }

    @Bean(SUBSIDY_RECOVERIES)
    ReceivedInstructions saSubsidyRecoveries() {
        return new ReceivedInstructions("REC", List.of("reference_id", "employer_id", "recovery_amount"), Clock.systemUTC());
    }
}
