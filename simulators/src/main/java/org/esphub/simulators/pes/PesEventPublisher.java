package org.esphub.simulators.pes;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.esphub.simulators.DciEventPublisher;
import org.esphub.simulators.JsonMessageSender;
import org.esphub.simulators.SimulatorQueues;

/** Sends PES events to the hub on {@code esp.pes.events.in}, in the DCI envelope PES uses. */
public class PesEventPublisher extends DciEventPublisher {

    static final String ACTION = "pes-event";
    static final String SENDER_ID = "pes.gov.example";

    public PesEventPublisher(JsonMessageSender sender, ObjectMapper objectMapper, Clock clock) {
        super(sender, objectMapper, clock, SimulatorQueues.PES_EVENTS_IN, SENDER_ID, ACTION);
    }
}
