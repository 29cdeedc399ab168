package org.esphub.simulators.sources;

import org.esphub.simulators.ConditionalOnSimulatorsEnabled;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** How the sources of employment-status verification behave per person (down, stale, disagreeing). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSimulatorsEnabled
@Import(SourceBehaviourController.class)
public class SourcesSimulatorConfiguration {

    @Bean
    SourceBehaviours sourceBehaviours() {
        return new SourceBehaviours();
    }
}
