package org.esphub.simulators.tvet;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.esphub.simulators.ConditionalOnSimulatorsEnabled;
import org.esphub.simulators.JsonMessageSender;
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
    TvetEventPublisher tvetEventPublisher(JsonMessageSender sender, ObjectMapper objectMapper) {
        return new TvetEventPublisher(sender, objectMapper, Clock.systemUTC());
    }
}
