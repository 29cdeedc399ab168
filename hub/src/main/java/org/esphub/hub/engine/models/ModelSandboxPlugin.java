package org.esphub.hub.engine.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Limits what a deployed model can do to what its authors, the process owners, may do: its
 * expressions see only {@link ModelExpressionBeans} and cannot reach the engine
 * ({@link ModelExpressionManager}), it names only the hub's delegate classes
 * ({@link ModelDelegateClasses}; this also refuses Camunda's shell and mail tasks), and it runs no
 * scripts ({@link NoScripts}); a refusal answers its caller as forbidden, not as a server error
 * ({@link ModelRefusalsAreForbidden}). Applied before the engine initialises, so nothing runs unguarded,
 * whether in a caller's transaction or in the job executor.
 */
final class ModelSandboxPlugin extends AbstractProcessEnginePlugin {

    private final ModelExpressionBeans beans;
    private final Set<String> applicationBeanNames;
    private final Set<Class<?>> delegateClasses;

    ModelSandboxPlugin(ModelExpressionBeans beans, Set<String> applicationBeanNames, Set<Class<?>> delegateClasses) {
        this.beans = beans;
        this.applicationBeanNames = Set.copyOf(applicationBeanNames);
        this.delegateClasses = Set.copyOf(delegateClasses);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setExpressionManager(new ModelExpressionManager(beans, applicationBeanNames));
        configuration.setArtifactFactory(new ModelDelegateClasses(delegateClasses));
        configuration.setScriptFactory(NoScripts.factory());
        configuration.setScriptEngineResolver(NoScripts.resolver());
        List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(0, new ModelRefusalsAreForbidden());
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }
}
