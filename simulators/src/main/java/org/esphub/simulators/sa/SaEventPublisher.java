package org.esphub.simulators.sa;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.esphub.simulators.DciEventPublisher;
import org.esphub.simulators.JsonMessageSender;
import org.esphub.simulators.SimulatorQueues;

/** Sends SA events (training-benefit decisions, appeals) to the hub on {@code esp.sa.events.in}, in the DCI envelope. */
public class SaEventPublisher extends DciEventPublisher {

    static final String ACTION = "sa-event";
    static final String SENDER_ID = "sa.gov.example";

    public SaEventPublisher(JsonMessageSender sender, ObjectMapper objectMapper, Clock clock) {
        super(sender, objectMapper, clock, SimulatorQueues.SA_EVENTS_IN, SENDER_ID, ACTION);
    }
}
