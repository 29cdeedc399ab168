package org.esphub.hub.engine.models;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A deployed model tried to reach what process models may not (an engine service, a bean outside
 * the allow-list, a class that is not one of the hub's delegates). The engine wraps it wherever it
 * surfaces (expression evaluation, parsing); {@link ModelRefusalsAreForbidden} finds it in the
 * cause chain and answers the caller with a refusal instead of a server error.
 */
final class ModelRefusal extends ProcessEngineException {

    ModelRefusal(String message) {
        super(message);
    }
}
