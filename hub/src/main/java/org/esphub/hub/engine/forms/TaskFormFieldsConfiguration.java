package org.esphub.hub.engine.forms;

import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** User tasks accept only the fields of their form ({@link SubmittedFieldsCheck}). */
@Configuration(proxyBeanMethods = false)
public class TaskFormFieldsConfiguration {

    @Bean
    ProcessEnginePlugin taskFormFieldsPlugin() {
        return new TaskFormFieldsPlugin();
    }
}
