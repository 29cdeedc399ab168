package org.esphub.simulators.sa;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.esphub.simulators.ConditionalOnSimulatorsEnabled;
import org.esphub.simulators.SimulatorProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The Social Assistance simulator: person registry, notification inbox, event emitter. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSimulatorsEnabled
@Import({SaPersonController.class, SaNotificationController.class, SaEventController.class})
public class SaSimulatorConfiguration {

    @Bean
    SaNotificationInbox saNotificationInbox(SimulatorProperties properties) {
        return new SaNotificationInbox(properties.sa().notificationCapacity());
    }

    @Bean
    SaNotificationListener saNotificationListener(SaNotificationInbox inbox, ObjectMapper objectMapper) {
        return new SaNotificationListener(inbox, objectMapper, Clock.systemUTC());
    }
}
