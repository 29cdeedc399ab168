package org.esphub.hub.intake;

import org.esphub.routes.RedeliverLater;

/**
 * An agency event arrived before its process reached the point that waits for it. Thrown to roll
 * the JMS transaction back so the broker redelivers the event with back-off; a normal race, so it
 * is logged at DEBUG without a stack trace (see {@link RedeliverLater}).
 */
public class EventNotYetExpected extends RedeliverLater {

    public EventNotYetExpected(String eventType, String referenceId) {
        super("no process for reference_id '" + referenceId + "' waits for " + eventType + " yet");
    }
}
