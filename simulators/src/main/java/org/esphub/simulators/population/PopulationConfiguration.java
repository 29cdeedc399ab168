package org.esphub.simulators.population;

import java.time.LocalDate;

import org.esphub.simulators.ConditionalOnSimulatorsEnabled;
import org.esphub.simulators.SimulatorProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the shared synthetic population once, at start-up. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSimulatorsEnabled
public class PopulationConfiguration {

    @Bean
    SyntheticPopulation syntheticPopulation(SimulatorProperties properties) {
        // The system default zone, as the hub's "today" for age and benefit-end rules is local too.
        return SyntheticPopulation.generate(properties.seed(), properties.populationSize(), LocalDate.now());
    }
}
