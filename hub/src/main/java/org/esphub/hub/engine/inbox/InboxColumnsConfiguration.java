package org.esphub.hub.engine.inbox;

import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every user task carries the inbox columns ({@link CaseColumnsOnTasks}). */
@Configuration(proxyBeanMethods = false)
public class InboxColumnsConfiguration {

    @Bean
    ProcessEnginePlugin inboxColumnsPlugin() {
        return new InboxColumnsPlugin();
    }
}
