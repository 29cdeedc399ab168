package org.esphub.hub.engine.models;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Turns a {@link ModelRefusal}, however deep the engine wrapped it, into the engine's
 * {@link AuthorizationException}: the process owner who deployed or started the model asked for
 * something the hub forbids, which Camunda's REST API answers with 403 on every path (deploying,
 * starting, completing), where any other engine failure would be a 500. The message is the
 * engine's own (it names the expression or element and, as its cause, what was refused). In the
 * job executor the step fails the same way and ends as an incident with that message.
 */
final class ModelRefusalsAreForbidden extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
        try {
            return next.execute(command);
        } catch (AuthorizationException alreadyForbidden) {
            throw alreadyForbidden;
        } catch (RuntimeException failure) {
            if (refusalIn(failure)) {
                throw new AuthorizationException(failure.getMessage());
            }
            throw failure;
        }
    }

    private static boolean refusalIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ModelRefusal) {
                return true;
            }
            if (cause.getCause() == cause) {
                return false;
            }
        }
        return false;
    }
}
