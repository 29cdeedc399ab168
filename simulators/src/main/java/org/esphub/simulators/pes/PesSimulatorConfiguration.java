package org.esphub.simulators.pes;

import java.time.Clock;

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

/** The Public Employment Service simulator: jobseeker register, job board, event emitter, notification inbox. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSimulatorsEnabled
@Import({PesJobseekerController.class, PesEventController.class, PesPersonStatusController.class,
        PesNotificationController.class, PesVacancyController.class, PesComplianceController.class,
        PesSaAccessController.class})
public class PesSimulatorConfiguration {

    /** Listener container factory of the PES simulator: it reads its notifications as PES's broker user. */
    static final String LISTENERS = "pesSimulatorListeners";

    @Bean(LISTENERS)
    DefaultJmsListenerContainerFactory pesSimulatorListeners(AgencyBrokerLogins logins, SimulatorProperties properties) {
        return logins.listenersFor(properties.brokerUsers().pes());
    }

    @Bean
    RegistrationValidator pesRegistrationValidator(SyntheticPopulation population) {
        return new RegistrationValidator(population);
    }

    @Bean
    JobseekerRegistry pesJobseekerRegistry() {
        return new JobseekerRegistry(Clock.systemUTC());
    }

    @Bean
    PesEventPublisher pesEventPublisher(AgencyBrokerLogins logins, SimulatorProperties properties,
            ObjectMapper objectMapper) {
        return new PesEventPublisher(logins.senderFor(properties.brokerUsers().pes()), objectMapper, Clock.systemUTC());
    }

    @Bean
    PesNotificationInbox pesNotificationInbox(SimulatorProperties properties) {
        return new PesNotificationInbox(properties.pes().notificationCapacity());
    }

    @Bean
    PesNotificationListener pesNotificationListener(PesNotificationInbox inbox, ObjectMapper objectMapper) {
        return new PesNotificationListener(new NotificationRecorder(inbox, objectMapper, Clock.systemUTC()));
    }

    @Bean
    RegistrationConfirmer pesRegistrationConfirmer(PesEventPublisher publisher, ObjectMapper objectMapper) {
        return new RegistrationConfirmer(publisher, objectMapper);
    }
}
