package org.esphub.simulators.tvet;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.esphub.simulators.ConditionalOnSimulatorsEnabled;
import org.esphub.simulators.AgencyBrokerLogins;
import org.esphub.simulators.SimulatorProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The TVET training provider simulator: programme catalogue, places from hold to end, the provider's events. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSimulatorsEnabled
@Import({TvetProviderController.class, TvetEventController.class})
public class TvetSimulatorConfiguration {

    @Bean
    TrainingRegister tvetTrainingRegister() {
        return new TrainingRegister(Clock.systemUTC());
    }

    @Bean
    TvetEventPublisher tvetEventPublisher(AgencyBrokerLogins logins, SimulatorProperties properties,
            ObjectMapper objectMapper) {
        return new TvetEventPublisher(logins.senderFor(properties.brokerUsers().tvet()), objectMapper, Clock.systemUTC());
    }
}
