package org.esphub.hub.engine.forms;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/** Installs {@link SubmittedFieldsCheck} behind the engine's command context. */
final class TaskFormFieldsPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
        interceptors.add(new SubmittedFieldsCheck());
        configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
    }
}
