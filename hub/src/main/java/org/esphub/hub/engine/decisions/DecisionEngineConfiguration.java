package org.esphub.hub.engine.decisions;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The process engine's DMN engine parses each FEEL text once ({@link ParsedFeelExpressions}); the
 * engine adds its own history producer and settings to the configuration given here as it would to
 * its default one.
 */
@Configuration(proxyBeanMethods = false)
public class DecisionEngineConfiguration {

    @Bean
    ParsedFeelExpressions parsedFeelExpressions(DecisionProperties properties) {
        return new ParsedFeelExpressions(properties.parsedExpressionCapacity());
    }

    @Bean
    ParseOnceFeelEngineFactory parseOnceFeelEngineFactory(ParsedFeelExpressions parsed) {
        return new ParseOnceFeelEngineFactory(parsed);
    }

    @Bean
    ProcessEnginePlugin parseOnceDecisionsPlugin(ParseOnceFeelEngineFactory feel) {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                configuration.setDmnEngineConfiguration(decisionEngine(feel));
            }
        };
    }

    /** A DMN engine configuration with the hub's FEEL engine, otherwise the default. */
    public static DefaultDmnEngineConfiguration decisionEngine(ParseOnceFeelEngineFactory feel) {
        DefaultDmnEngineConfiguration dmn =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        return dmn.feelEngineFactory(feel);
    }
}
