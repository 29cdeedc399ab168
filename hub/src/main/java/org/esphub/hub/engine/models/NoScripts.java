package org.esphub.hub.engine.models;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.scripting.ExecutableScript;
import org.camunda.bpm.engine.impl.scripting.ScriptFactory;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptEngineResolver;

/**
 * Scripts are off: the hub's models use none, and a script in a deployed model would run with the
 * hub's rights (Camunda binds every Spring bean into a script's scope). A BPMN script task, script
 * listener, script condition or script input/output is refused when the model is deployed
 * ({@link #factory()}); a script expression in a decision table fails when evaluated
 * ({@link #resolver()}), as does any other script the engine would look up.
 */
final class NoScripts {

    private NoScripts() {
    }

    static ScriptFactory factory() {
        return new ScriptFactory() {
            @Override
            public ExecutableScript createScriptFromResource(String language, String resource) {
                throw refused(language);
            }

            @Override
            public ExecutableScript createScriptFromResource(String language, Expression resourceExpression) {
                throw refused(language);
            }

            @Override
            public ExecutableScript createScriptFromSource(String language, String source) {
                throw refused(language);
            }

            @Override
            public ExecutableScript createScriptFromSource(String language, Expression sourceExpression) {
                throw refused(language);
            }
        };
    }

    static ScriptEngineResolver resolver() {
        ScriptEngineManager manager = new ScriptEngineManager(null);
        return new ScriptEngineResolver() {
            @Override
            public void addScriptEngineFactory(ScriptEngineFactory factory) {
                // registered factories are never handed out
            }

            @Override
            public ScriptEngineManager getScriptEngineManager() {
                return manager;
            }

            @Override
            public ScriptEngine getScriptEngine(String language, boolean resolveFromCache) {
                throw refused(language);
            }
        };
    }

    private static ProcessEngineException refused(String language) {
        return new ProcessEngineException("scripts (" + language + ") are switched off in the hub: "
                + "use expressions and the hub's delegates instead");
    }
}
