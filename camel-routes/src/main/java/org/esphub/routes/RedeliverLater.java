package org.esphub.routes;

/**
 * Thrown by an inbound handler for a message that came too early, e.g. an agency event before
 * its process reached the point that waits for it: a normal race, not a failure. The JMS
 * transaction rolls back and the broker redelivers the message with back-off;
 * {@link InboundQueueErrors} logs it at DEBUG without a stack trace. The handler decides when the
 * attempts are spent and then refuses the message with a reason instead.
 */
public class RedeliverLater extends RuntimeException {

    public RedeliverLater(String message) {
        // no stack trace: nothing went wrong, and nothing needs one to be understood
        super(message, null, false, false);
    }
}
