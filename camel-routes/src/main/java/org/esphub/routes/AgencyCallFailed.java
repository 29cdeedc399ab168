package org.esphub.routes;

/**
 * An agency answered in a way that is neither success nor an expected business outcome (a 5xx,
 * an unexpected status). Thrown by routes so that the worker retries with back-off and, when
 * the retries are spent, the engine raises an incident.
 */
public class AgencyCallFailed extends RuntimeException {

    public AgencyCallFailed(String message) {
        super(message);
    }
}
