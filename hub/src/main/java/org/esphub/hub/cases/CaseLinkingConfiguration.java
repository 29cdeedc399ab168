package org.esphub.hub.cases;

import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The integrated case follows the person's processes ({@link CaseLinkingParseListener}). */
@Configuration(proxyBeanMethods = false)
public class CaseLinkingConfiguration {

    @Bean
    ProcessEnginePlugin caseLinkingPlugin(CaseLinks links, PlanVersions plans) {
        return new CaseLinkingPlugin(new CaseLinkingParseListener(links, plans));
    }
}
