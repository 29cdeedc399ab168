package org.esphub.hub.engine.forms;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Installs {@link SubmittedFieldsCheck} and {@link StartFormFieldsCheck} in front of the engine's command context: a refused write
 * is answered before any transaction starts, so nothing is rolled back and the engine does not log
 * a caseworker's mistake as an ERROR with a stack trace.
 */
final class TaskFormFieldsPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(new SubmittedFieldsCheck(configuration));
        interceptors.add(new StartFormFieldsCheck(configuration));
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }
}
