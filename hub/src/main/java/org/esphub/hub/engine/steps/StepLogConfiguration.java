package org.esphub.hub.engine.steps;

import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One INFO line for each step the engine takes by itself ({@link StepLogParseListener}). */
@Configuration(proxyBeanMethods = false)
public class StepLogConfiguration {

    @Bean
    ProcessEnginePlugin stepLogPlugin() {
        return new StepLogPlugin();
    }
}
