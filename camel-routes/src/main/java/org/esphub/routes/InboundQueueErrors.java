package org.esphub.routes;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.ErrorHandler;

/**
 * How the inbound queue routes ({@code errorHandler: "#inboundQueueErrors"}) log a message whose
 * processing failed; the JMS transaction rolls back and the broker redelivers it either way.
 * A message that came too early ({@link RedeliverLater}) is expected: one DEBUG line, no stack
 * trace. Anything else is a fault an operator must see: WARN with its stack trace, as Camel's own
 * handler would log it.
 */
public class InboundQueueErrors implements ErrorHandler {

    /** The bean name the routes refer to. */
    public static final String BEAN = "inboundQueueErrors";

    private static final Logger LOG = LoggerFactory.getLogger(InboundQueueErrors.class);

    @Override
    public void handleError(Throwable failure) {
        RedeliverLater early = tooEarly(failure);
        if (early != null) {
            LOG.debug("Rolled back for redelivery: {}", early.getMessage());
            return;
        }
        LOG.warn("Inbound message rolled back for redelivery: {}", failure.getMessage(), failure);
    }

    /** Camel wraps what the handler threw (RuntimeCamelException), so the whole cause chain counts. */
    private static RedeliverLater tooEarly(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RedeliverLater early) {
                return early;
            }
        }
        return null;
    }
}
