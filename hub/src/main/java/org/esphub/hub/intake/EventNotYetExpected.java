package org.esphub.hub.intake;

/**
 * An agency event arrived before its process reached the point that waits for it. Thrown to roll
 * the JMS transaction back so the broker redelivers the event with back-off.
 */
public class EventNotYetExpected extends RuntimeException {

    public EventNotYetExpected(String eventType, String referenceId) {
        super("no process for reference_id '" + referenceId + "' waits for " + eventType + " yet", null, false, false);
    }
}
