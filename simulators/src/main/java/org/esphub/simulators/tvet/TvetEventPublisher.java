package org.esphub.simulators.tvet;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.esphub.simulators.DciEventPublisher;
import org.esphub.simulators.JsonMessageSender;
import org.esphub.simulators.SimulatorQueues;

/**
 * Sends the training provider's events to the hub. A provider is a PES partner: its events reach
 * the hub through PES, on {@code esp.pes.events.in}, under the provider's own sender id.
 */
public class TvetEventPublisher extends DciEventPublisher {

    static final String ACTION = "tvet-event";
    static final String SENDER_ID = "tvet.example.org";

    public TvetEventPublisher(JsonMessageSender sender, ObjectMapper objectMapper, Clock clock) {
        super(sender, objectMapper, clock, SimulatorQueues.PES_EVENTS_IN, SENDER_ID, ACTION);
    }
}
